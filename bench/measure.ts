/**
 * Runs one command as a child process and measures it: wall time, and peak memory (maximum
 * resident set size of the process tree's largest process) through GNU time (`/usr/bin/time`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measured {
  ms: number;
  /** Peak RSS in MiB; undefined when `/usr/bin/time` is missing. */
  rssMiB: number | undefined;
  ok: boolean;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Quiet, offline-friendly environment for every child (no telemetry, no colours). The peers' bin
 * shims run `node` from PATH, so this process's Node comes first in it: ours runs on
 * `process.execPath`, and a system Node 20 found first ran Hey API on GitHub's spec in 23–25 s
 * against 14 s on Node 24.
 */
export const CHILD_ENV = {
  ...process.env,
  PATH: [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

export function measure(command: string, args: readonly string[], cwd: string): Measured {
  const timed = fs.existsSync(GNU_TIME);
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-time-')), 'rusage');
  const [cmd, argv] = timed
    ? [GNU_TIME, ['-f', '%M', '-o', report, command, ...args]]
    : [command, [...args]];
  const start = performance.now();
  const result = spawnSync(cmd, argv, {
    cwd,
    env: CHILD_ENV,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const kib = timed
    ? Number.parseInt(fs.readFileSync(report, 'utf8').trim().split('\n').pop()!, 10)
    : NaN;
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
  return {
    ms,
    rssMiB: Number.isFinite(kib) ? kib / 1024 : undefined,
    ok: result.status === 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? String(result.error ?? ''),
  };
}
