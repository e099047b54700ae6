/**
 * A new app team's first five minutes, outside the workspace: `pnpm pack` the three packages,
 * `npm install` the tarballs into a scratch app, type-check it under `strict` with
 * `moduleResolution` bundler and node16, run it against the HTTP mock started from the packed
 * mock package, and bundle one validator schema to show tree-shaking holds.
 * Needs the npm registry (for openapi-fetch, zod, msw, ajv); skips with the reason when it is
 * unreachable.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAll } from '../../scripts/release/packages.ts';
import { repoRoot } from '../support/spec.ts';
import {
  bundleSize,
  createScratchApp,
  registryProblem,
  startLine,
  typecheck,
  type BundleSize,
} from './support/scratch-app.ts';

const offline = registryProblem();
if (offline) console.warn(`consumer test skipped: the npm registry is unreachable (${offline})`);
const title = offline
  ? `consumer app from the tarballs (SKIPPED: npm registry unreachable: ${offline})`
  : 'consumer app from the tarballs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-consumer-'));
const app = path.join(work, 'app');
let mock: ChildProcess | undefined;

afterAll(() => {
  mock?.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(Boolean(offline))(title, () => {
  beforeAll(async () => {
    const packed = await packAll(work);
    createScratchApp(app, Object.fromEntries(packed.map((p) => [p.manifest.name, p.tarball])));
  }, 300_000);

  it('type-checks under strict with moduleResolution bundler, library types included', () => {
    expect(typecheck(app, 'tsconfig.bundler.json')).toBe('');
  }, 180_000);

  it('type-checks and compiles under strict with moduleResolution node16', () => {
    expect(typecheck(app, 'tsconfig.node16.json')).toBe('');
    expect(fs.existsSync(path.join(app, 'dist/app.js'))).toBe(true);
  }, 180_000);

  it('signs in and calls the HTTP mock of the packed mock package with the typed client', async () => {
    const [baseUrl, child] = await startLine(app, 'dist/mock-server.js');
    mock = child;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/co$/);
    const run = spawnSync(process.execPath, ['dist/app.js'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, MINBIL_BASE_URL: baseUrl },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      email: expect.stringContaining('@'),
      brands: 200,
      notifications: 45,
      notFound: true,
    });
  }, 120_000);

  it('ships the mock as a command: minbil-mock --help', () => {
    const help = spawnSync(path.join(app, 'node_modules/.bin/minbil-mock'), ['--help'], {
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--port');
  });

  it('bundles one validator schema into much less than the whole package (tree-shaking)', async () => {
    const sizes: Record<string, BundleSize> = {};
    for (const entry of ['zod-only', 'one-schema', 'deep-import', 'all-schemas'])
      sizes[entry] = await bundleSize(app, entry);
    const {
      'zod-only': zod,
      'one-schema': one,
      'deep-import': deep,
      'all-schemas': all,
    } = sizes as Record<string, BundleSize>;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    const line = (name: string, s: BundleSize) =>
      `${name.padEnd(38)} ${kb(s.minified).padStart(9)} min ${kb(s.gzip).padStart(8)} min+gzip`;
    const report = [
      line('zod alone', zod!),
      line('BookingSchema (package root)', one!),
      line('BookingSchema (./schemas/Booking)', deep!),
      line('whole package (every export)', all!),
    ].join('\n');
    console.log(`validators bundle sizes (esbuild, minified ESM):\n${report}`);
    fs.mkdirSync(path.join(repoRoot, 'test-results/release'), { recursive: true });
    fs.writeFileSync(path.join(repoRoot, 'test-results/release/tree-shaking.txt'), `${report}\n`);

    // a schema Booking does not reference is not in its bundle, but is in the whole package's
    expect(all!.code).toContain('queued_delivered');
    expect(one!.code).not.toContain('queued_delivered');
    // what the package adds on top of Zod: one schema is well under half of everything
    expect(one!.minified - zod!.minified).toBeLessThan((all!.minified - zod!.minified) / 2);
    expect(one!.gzip).toBeLessThan(all!.gzip);
    // the deep import (for Metro, which does not tree-shake) costs the same as the root import
    expect(Math.abs(deep!.minified - one!.minified)).toBeLessThan(one!.minified * 0.02);
  }, 120_000);
});
