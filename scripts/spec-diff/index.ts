/**
 * `pnpm spec:diff [ref]`: compare the spec in the working tree with the bundled spec at `ref`
 * (default: the merge base with main), print a changelog, and fail on an unacknowledged breaking
 * change. Classification is Redocly's `diff` with the `diff-recommended` rules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lintAndBundle, listApis, loadRedoclyConfig } from '../pipeline/redocly.ts';
import { SpecError } from '../pipeline/spec-error.ts';
import { acknowledgedBy } from './acknowledge.ts';
import { formatChangelog } from './changelog.ts';
import { bundledSpecAt, defaultBaseRef } from './git-base.ts';
import { runRedoclyDiff, type DiffReport } from './run-diff.ts';

const USAGE = 'usage: pnpm spec:diff [ref]   (default ref: the merge base with main)';

export interface SpecDiffResult {
  report: DiffReport;
  changelog: string;
  breaking: boolean;
  acknowledgement?: string;
}

export async function specDiff(root: string, baseJson: string): Promise<SpecDiffResult> {
  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  const revision = await lintAndBundle(listApis(config, root)[0]!, config, root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-diff-'));
  const baseFile = path.join(dir, 'base.json');
  const revisionFile = path.join(dir, 'revision.json');
  const strip = (doc: Record<string, unknown>) =>
    JSON.stringify({ ...doc, 'x-generated': undefined });
  fs.writeFileSync(baseFile, strip(JSON.parse(baseJson)));
  fs.writeFileSync(revisionFile, strip(revision as unknown as Record<string, unknown>));
  try {
    const report = runRedoclyDiff(root, baseFile, revisionFile);
    const breaking = report.summary.major > 0;
    const acknowledgement = breaking
      ? acknowledgedBy(root, report.infoVersions.base, report.infoVersions.revision)
      : undefined;
    return { report, changelog: formatChangelog(report), breaking, acknowledgement };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    console.error(`pnpm spec:diff: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (positionals.length > 1) {
    console.error(`pnpm spec:diff: expected at most one ref, got ${positionals.length}\n${USAGE}`);
    return 2;
  }
  try {
    const ref = positionals[0] ?? defaultBaseRef(root);
    const result = await specDiff(root, bundledSpecAt(root, ref));
    console.log(`Compared with ${ref}.\n`);
    console.log(result.changelog);
    if (result.breaking && !result.acknowledgement) {
      console.error(
        'Breaking changes are not acknowledged. Bump the major of info.version in openapi/openapi.yaml (the packages follow it) or add a changeset with a major bump.',
      );
      return 1;
    }
    if (result.acknowledgement)
      console.log(`Breaking changes acknowledged by ${result.acknowledgement}.`);
    return 0;
  } catch (error) {
    if (error instanceof SpecError) for (const line of error.lines) console.error(line);
    else console.error(`pnpm spec:diff: ${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main();
