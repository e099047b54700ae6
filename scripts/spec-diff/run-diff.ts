/** Runs Redocly's `diff` on two bundled specs and returns its JSON report. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export type Impact = 'major' | 'minor' | 'patch';

export interface DiffChange {
  path: string;
  kind: 'added' | 'removed' | 'modified';
  impact: Impact;
  property?: string;
  verdicts: { ruleId: string; impact: Impact; message: string }[];
}

export interface DiffReport {
  summary: Record<Impact, number>;
  bump: Impact | 'none';
  infoVersions: { base: string; revision: string };
  changes: DiffChange[];
}

export function runRedoclyDiff(root: string, baseFile: string, revisionFile: string): DiffReport {
  const cli = path.join(root, 'node_modules/.bin/redocly');
  const result = spawnSync(
    cli,
    [
      'diff',
      baseFile,
      revisionFile,
      '--config',
      path.join(root, 'scripts/spec-diff/redocly-diff.yaml'),
      '--format',
      'json',
      '--fail-on',
      'none',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const start = result.stdout.indexOf('{');
  if (result.status !== 0 || start === -1) {
    throw new Error(
      `redocly diff failed (exit ${result.status}): ${result.stderr.trim() || result.stdout.trim()}`,
    );
  }
  return JSON.parse(result.stdout.slice(start)) as DiffReport;
}
