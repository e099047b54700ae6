/**
 * The bench compares our pipeline, run on this process's Node, with peers started through their
 * bin shims, which run `node` from PATH: a peer must get the same Node, or the ratio compares
 * Node versions (Hey API took 23–25 s on GitHub's spec under a system Node 20, 14 s on Node 24).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'other-node-'));
afterAll(() => fs.rmSync(elsewhere, { recursive: true, force: true }));

describe('bench children', () => {
  it('a command that runs `node` from PATH gets the Node the bench runs on', async () => {
    // another `node` first in PATH, as a system Node 20 is on this machine
    fs.writeFileSync(path.join(elsewhere, 'node'), '#!/bin/sh\necho other-node\n', { mode: 0o755 });
    vi.stubEnv('PATH', `${elsewhere}${path.delimiter}${process.env.PATH}`);
    vi.resetModules();
    const { measure } = await import('../../bench/measure.ts');
    vi.unstubAllEnvs();
    const run = measure('sh', ['-c', 'node -p process.execPath'], os.tmpdir());
    expect(run.ok).toBe(true);
    expect(run.stdout.trim()).toBe(fs.realpathSync(process.execPath));
  });
});
