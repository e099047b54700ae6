/**
 * The CI version check (RELEASING.md): package versions equal the spec's info.version, and a
 * breaking spec change (as `pnpm spec:diff` classifies it) never ships without a major bump.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVersion } from '../../scripts/release/check-version.ts';
import { readInfoVersion } from '../../scripts/release/spec-version.ts';
import {
  changelogProblems,
  changesetProblems,
  versionAgreementProblems,
} from '../../scripts/release/version-rule.ts';
import { makeReleaseRepo } from './support/release-repo.ts';

const GROUP = ['@minbil/car-owner-client', '@minbil/car-owner-validators'];
// remove `offline` from PresenceRequest.status: a request enum narrowed, breaking for clients
const BREAK: [string, RegExp, string] = [
  'openapi/components/schemas/PresenceRequest.yaml',
  /\n\s+- offline\n/,
  '\n',
];

/** A temp repo whose packages match its spec's info.version, with `## version` in the changelog. */
async function repoAtItsVersion() {
  const repo = await makeReleaseRepo();
  const version = readInfoVersion(path.join(repo.root, 'openapi/openapi.yaml'));
  repo.setVersions(version);
  const major = Number(version.split('.')[0]) + 1;
  return { repo, version, next: `${major}.0.0` };
}

describe('release:check-version on a repository', () => {
  it('passes when the spec is unchanged and every version agrees', async () => {
    const { repo } = await repoAtItsVersion();
    expect((await checkVersion(repo.root, repo.baseSpec)).problems).toEqual([]);
  });

  it('fails a breaking change without a major bump, quoting the change, until a major changeset comes', async () => {
    const { repo } = await repoAtItsVersion();
    repo.edit(...BREAK);
    const before = await checkVersion(repo.root, repo.baseSpec);
    expect(before.problems).toHaveLength(2);
    expect(before.problems[0]).toMatch(/breaking changes but no major bump[\s\S]*PUT \/presence/);
    expect(before.problems[1]).toMatch(/no changeset describes it/);

    repo.write(
      '.changeset/drop-offline.md',
      "---\n'@minbil/car-owner-client': major\n---\n\nPUT /presence no longer accepts the status `offline`.\n",
    );
    expect((await checkVersion(repo.root, repo.baseSpec)).problems).toEqual([]);
  });

  it('fails when info.version takes the major alone, and passes once every package follows', async () => {
    const { repo, version, next } = await repoAtItsVersion();
    repo.edit(...BREAK);
    repo.edit('openapi/openapi.yaml', `version: ${version}`, `version: ${next}`);
    repo.edit('openapi/CHANGELOG.md', /^## /m, `## ${next}\n\n- Drops \`offline\`.\n\n## `);
    const alone = await checkVersion(repo.root, repo.baseSpec);
    expect(alone.problems).toHaveLength(4);
    expect(alone.problems[0]).toBe(
      `@minbil/car-owner-client is ${version} but the spec's info.version is ${next}: they must be equal (RELEASING.md). Run \`pnpm release:version\` instead of editing versions by hand.`,
    );

    repo.setVersions(next);
    expect((await checkVersion(repo.root, repo.baseSpec)).problems).toEqual([]);
  });
});

describe('the version rule', () => {
  it('wants one version for the whole group, equal to info.version', () => {
    expect(versionAgreementProblems({ a: '1.2.0', b: '1.2.0' }, '1.2.0')).toEqual([]);
    const split = versionAgreementProblems({ a: '1.2.0', b: '1.2.1' }, '1.2.0');
    expect(split).toHaveLength(1);
    expect(split[0]).toMatch(/^b is 1\.2\.1 but the spec's info\.version is 1\.2\.0/);
    expect(versionAgreementProblems({}, 'v1')).toEqual([
      'info.version "v1" is not a semantic version such as 1.2.3',
    ]);
  });

  it('wants a sentence in every changeset, naming only packages of the group', () => {
    const changesets = [
      {
        file: '.changeset/a.md',
        releases: [{ name: GROUP[0]!, type: 'minor' as const }],
        summary: '',
      },
      {
        file: '.changeset/b.md',
        releases: [{ name: '@minbil/other', type: 'patch' as const }],
        summary: 'x',
      },
    ];
    expect(
      changesetProblems({ changesets, group: GROUP, specChanged: false, versionChanged: false }),
    ).toEqual([
      '.changeset/a.md has no sentence: say what changes for app teams',
      '.changeset/b.md names @minbil/other, which is not in the fixed group',
    ]);
    // the release itself (info.version moved, changesets consumed) needs none
    expect(
      changesetProblems({ changesets: [], group: GROUP, specChanged: true, versionChanged: true }),
    ).toEqual([]);
  });

  it('wants a section for the current version in openapi/CHANGELOG.md', () => {
    expect(changelogProblems('# Changelog\n\n## 1.2.0\n\n- x\n', '1.2.0')).toEqual([]);
    expect(changelogProblems('# Changelog\n\n## 1.2.0\n', '1.20.0')).toHaveLength(1);
    expect(changelogProblems(undefined, '1.0.0')).toEqual(['openapi/CHANGELOG.md is missing']);
  });
});
