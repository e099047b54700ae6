/**
 * `pnpm release:version`: Changesets bumps the fixed group together and writes the package
 * CHANGELOGs; the spec's info.version follows; openapi/CHANGELOG.md gets the release's sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVersion } from '../../scripts/release/check-version.ts';
import { readInfoVersion } from '../../scripts/release/spec-version.ts';
import { versionRelease } from '../../scripts/release/version.ts';
import { makeReleaseRepo } from './support/release-repo.ts';

const PACKAGES = ['client', 'validators', 'mock', 'docs'];
const changeset = (bumps: Record<string, string>, sentence: string) =>
  `---\n${Object.entries(bumps)
    .map(([name, bump]) => `'@minbil/car-owner-${name}': ${bump}`)
    .join('\n')}\n---\n\n${sentence}\n`;

async function repoWithChangesets(files: Record<string, string>) {
  const repo = await makeReleaseRepo();
  const specFile = path.join(repo.root, 'openapi/openapi.yaml');
  const version = readInfoVersion(specFile);
  repo.setVersions(version);
  for (const [name, text] of Object.entries(files)) repo.write(`.changeset/${name}.md`, text);
  const read = (file: string) => fs.readFileSync(path.join(repo.root, file), 'utf8');
  const versionOf = (p: string) =>
    (JSON.parse(read(`packages/${p}/package.json`)) as { version: string }).version;
  return { repo, version, specFile, read, versionOf };
}

const bump = (version: string, part: 0 | 1) => {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return part === 0 ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
};

describe('pnpm release:version', () => {
  it('bumps every package and info.version to one version and writes all three changelogs', async () => {
    const { repo, version, specFile, read, versionOf } = await repoWithChangesets({
      'retry-503': changeset({ client: 'minor' }, 'The client retries 503 answers on GET calls.'),
      'null-description': changeset(
        { validators: 'patch' },
        'BookingSchema accepts a null service description.',
      ),
      'tidy-docs': '---\n---\n\nInternal tidy-up.\n',
    });
    const specBefore = fs.readFileSync(specFile, 'utf8');
    const next = bump(version, 1);

    expect(await versionRelease(repo.root, false)).toEqual({ from: version, to: next });

    for (const p of PACKAGES) expect(versionOf(p), p).toBe(next);
    expect(readInfoVersion(specFile)).toBe(next);
    // only the version scalar changed in openapi.yaml
    expect(fs.readFileSync(specFile, 'utf8')).toBe(
      specBefore.replace(`version: ${version}`, `version: ${next}`),
    );
    expect(read('packages/client/CHANGELOG.md')).toMatch(
      new RegExp(
        `## ${next}\\n+### Minor Changes\\n+- .*The client retries 503 answers on GET calls\\.`,
      ),
    );
    expect(read('packages/validators/CHANGELOG.md')).toContain(
      'BookingSchema accepts a null service description.',
    );
    const spec = read('openapi/CHANGELOG.md');
    expect(spec).toContain(
      `## ${next}\n\n### Additions\n\n- The client retries 503 answers on GET calls.\n\n### Fixes\n\n- BookingSchema accepts a null service description.\n\n## ${version}`,
    );
    expect(spec).not.toContain('Internal tidy-up');
    expect(fs.readdirSync(path.join(repo.root, '.changeset'))).toEqual(['config.json']);
    // the result passes the CI version check
    expect((await checkVersion(repo.root, repo.baseSpec)).problems).toEqual([]);
  }, 120_000);

  it('takes a major when one changeset says major, for every package of the group', async () => {
    const { repo, version, versionOf } = await repoWithChangesets({
      'drop-offline': changeset({ mock: 'major' }, 'PUT /presence no longer accepts `offline`.'),
    });
    const next = bump(version, 0);
    expect((await versionRelease(repo.root, false)).to).toBe(next);
    for (const p of PACKAGES) expect(versionOf(p), p).toBe(next);
  }, 120_000);

  it('refuses when no changeset names a package', async () => {
    const { repo } = await repoWithChangesets({ empty: '---\n---\n\nNothing.\n' });
    await expect(versionRelease(repo.root, false)).rejects.toThrow(
      'no pending changesets name a package: nothing to release',
    );
  });
});
