/** Runs shell checks on snippets: `bash -n`, and an argv dump with `curl` replaced by printf. */
import { spawnSync } from 'node:child_process';

export function bashSyntax(script: string): { ok: boolean; stderr: string } {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return { ok: r.status === 0, stderr: r.stderr };
}

/** The argv `curl` would receive, one entry per element (runs bash with a fake `curl`). */
export function curlArgv(script: string, env: Record<string, string> = {}): string[] {
  const fake = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n`;
  const r = spawnSync('bash', ['-c', fake + script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  if (r.status !== 0) throw new Error(`bash failed: ${r.stderr}`);
  return r.stdout.split('\0').slice(0, -1);
}
