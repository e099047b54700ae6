/**
 * `pnpm release:version`: cut a release from the pending changesets.
 * 1. `changeset version`: bumps the fixed group (client, validators, mock, docs) together to one
 *    new version and writes each package's CHANGELOG.md;
 * 2. sets the spec's info.version to that version (the rule in RELEASING.md);
 * 3. adds the release's sentences to openapi/CHANGELOG.md (linked from the docs site);
 * 4. `pnpm generate`, so the bundled spec, the docs and every package show the new version.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readChangesets } from './changesets.ts';
import { groupVersions } from './check-version.ts';
import { prependSection, releaseSection, SPEC_CHANGELOG } from './spec-changelog.ts';
import { readInfoVersion, specRootFile, writeInfoVersion } from './spec-version.ts';

export interface VersionResult {
  from: string;
  to: string;
}

function run(root: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Steps 1-3 (step 4 only when `generate`). Throws when there is nothing to release. */
export async function versionRelease(root: string, generate = true): Promise<VersionResult> {
  const changesets = readChangesets(root);
  if (!changesets.some((c) => c.releases.length))
    throw new Error('no pending changesets name a package: nothing to release');
  const specFile = await specRootFile(root);
  const from = readInfoVersion(specFile);
  run(root, process.execPath, [path.join(root, 'node_modules/@changesets/cli/bin.js'), 'version']);
  const versions = new Set(Object.values(groupVersions(root)));
  if (versions.size !== 1)
    throw new Error(`the fixed group has several versions (${[...versions].join(', ')})`);
  const to = [...versions][0]!;
  writeInfoVersion(specFile, to);
  prependSection(path.join(root, SPEC_CHANGELOG), releaseSection(to, changesets));
  if (generate) run(root, 'pnpm', ['generate']);
  return { from, to };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  try {
    const { from, to } = await versionRelease(root);
    console.log(
      `release:version: ${from} -> ${to} (packages, info.version, CHANGELOGs). Review and commit.`,
    );
  } catch (error) {
    console.error(`release:version: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
