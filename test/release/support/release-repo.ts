/**
 * A throwaway repository for the version checks: the spec inputs (test/support/temp-repo.ts),
 * the spec-diff rules, the Changesets config, the workspace manifests and a linked node_modules.
 * `baseSpec` is the temp repo's own spec, bundled before any edit, so a test's edits are the only
 * differences whatever state the working tree is in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lintAndBundle, listApis, loadRedoclyConfig } from '../../../scripts/pipeline/redocly.ts';
import { repoRoot } from '../../support/spec.ts';
import { makeTempRepo } from '../../support/temp-repo.ts';

const EXTRA = [
  'scripts/spec-diff',
  '.changeset/config.json',
  'pnpm-workspace.yaml',
  'openapi/CHANGELOG.md',
  ...['client', 'validators', 'mock', 'docs'].map((p) => `packages/${p}/package.json`),
];

export interface ReleaseRepo {
  root: string;
  baseSpec: string;
  /** Replaces `from` in a file of the repo (throws when it is not there). */
  edit(file: string, from: string | RegExp, to: string): void;
  /** Sets the version of every package of the fixed group. */
  setVersions(version: string, only?: string): void;
  write(file: string, text: string): void;
}

export async function makeReleaseRepo(): Promise<ReleaseRepo> {
  const root = makeTempRepo();
  for (const entry of EXTRA) {
    fs.mkdirSync(path.dirname(path.join(root, entry)), { recursive: true });
    fs.cpSync(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  const baseSpec = JSON.stringify(await lintAndBundle(listApis(config, root)[0]!, config, root));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  return {
    root,
    baseSpec,
    write,
    edit(file, from, to) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${file}: ${String(from)} not found`);
      write(file, next);
    },
    setVersions(version, only) {
      for (const p of ['client', 'validators', 'mock', 'docs']) {
        if (only && p !== only) continue;
        const file = path.join(root, `packages/${p}/package.json`);
        const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };
        manifest.version = version;
        fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
      }
    },
  };
}
