/**
 * `pnpm release:check-version [ref]` (CI): the version rule of RELEASING.md against the spec at
 * `ref` (default: the merge base with main, as `pnpm spec:diff`). Exits 1 when a breaking spec
 * change has no major bump, when package versions and info.version disagree, when a spec change
 * has no changeset, or when openapi/CHANGELOG.md has no section for info.version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SpecError } from '../pipeline/spec-error.ts';
import { bundledSpecAt, defaultBaseRef } from '../spec-diff/git-base.ts';
import { specDiff } from '../spec-diff/index.ts';
import { fixedGroup, readChangesets } from './changesets.ts';
import { workspacePackages } from './packages.ts';
import { readInfoVersion, specRootFile } from './spec-version.ts';
import { SPEC_CHANGELOG } from './spec-changelog.ts';
import {
  breakingChangeProblems,
  changelogProblems,
  changesetProblems,
  versionAgreementProblems,
} from './version-rule.ts';

export interface VersionCheck {
  infoVersion: string;
  versions: Record<string, string>;
  changelog: string;
  problems: string[];
}

/** The fixed group's versions, read from the workspace. Throws on a name no package has. */
export function groupVersions(root: string): Record<string, string> {
  const byName = new Map(workspacePackages(root).map((p) => [p.manifest.name, p.manifest]));
  return Object.fromEntries(
    fixedGroup(root).map((name) => {
      const manifest = byName.get(name);
      if (!manifest)
        throw new Error(`.changeset/config.json names ${name}, not a workspace package`);
      return [name, manifest.version];
    }),
  );
}

/** Checks the working tree at `root` against `baseSpec`, the bundled spec JSON of the base. */
export async function checkVersion(root: string, baseSpec: string): Promise<VersionCheck> {
  const infoVersion = readInfoVersion(await specRootFile(root));
  const versions = groupVersions(root);
  const diff = await specDiff(root, baseSpec);
  const baseVersion = (JSON.parse(baseSpec) as { info?: { version?: string } }).info?.version;
  const changelogFile = path.join(root, SPEC_CHANGELOG);
  const changelog = fs.existsSync(changelogFile)
    ? fs.readFileSync(changelogFile, 'utf8')
    : undefined;
  const problems = [
    ...versionAgreementProblems(versions, infoVersion),
    ...changelogProblems(changelog, infoVersion),
    ...breakingChangeProblems(diff),
    ...changesetProblems({
      changesets: readChangesets(root),
      group: Object.keys(versions),
      specChanged: diff.report.changes.length > 0,
      versionChanged: baseVersion !== infoVersion,
    }),
  ];
  return { infoVersion, versions, changelog: diff.changelog, problems };
}

async function main(): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  if (positionals.length > 1) {
    console.error('usage: pnpm release:check-version [ref]   (default: the merge base with main)');
    return 2;
  }
  try {
    const ref = positionals[0] ?? defaultBaseRef(root);
    const result = await checkVersion(root, bundledSpecAt(root, ref));
    console.log(`Compared with ${ref}: info.version ${result.infoVersion}.`);
    console.log(result.changelog.trimEnd());
    for (const problem of result.problems) console.error(`\nversion check: ${problem}`);
    if (!result.problems.length) console.log('\nversion check: ok');
    return result.problems.length ? 1 : 0;
  } catch (error) {
    if (error instanceof SpecError) for (const line of error.lines) console.error(line);
    else console.error(`release:check-version: ${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main();
