/** `pnpm mock` as a person runs it: prints the base URL, serves, stops cleanly on a signal. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spec.ts';

const CLI = path.join(repoRoot, 'packages/mock/src/cli.ts');
const TSX = path.join(repoRoot, 'node_modules/.bin/tsx');

function start(args: string[]) {
  const child = spawn(TSX, [CLI, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function waitFor(
  read: () => string,
  pattern: RegExp,
  ms = 20_000,
): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; got: ${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('pnpm mock', () => {
  it('prints the base URL, answers on it, and exits 0 on SIGTERM', async () => {
    const run = start(['--port', '0']);
    const [, url] = await waitFor(run.out, /listening on (http:\/\/127\.0\.0\.1:\d+\/api\/co)/);
    // the banner's lines reach the pipe as separate writes: the token line may come a chunk later
    const [, token] = await waitFor(run.out, /demo bearer token: (\S+)/);
    expect(token).toBe('minbil-demo-access-token');
    const res = await fetch(`${url}/booking-statuses`);
    expect(res.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/shutting down/);
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer/],
    [['--port', '70000'], /--port must be an integer/],
    [['--verbose'], /Unknown option '--verbose'/],
  ])('rejects %j with a clear message and exit code 2', async (args, message) => {
    const run = start(args);
    expect(await run.exited).toBe(2);
    expect(run.err()).toMatch(message);
    expect(run.err()).toMatch(/usage: pnpm mock/);
  });
});
