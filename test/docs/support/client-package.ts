/**
 * The typed client as an app gets it: `pnpm --filter @minbil/car-owner-client build` writes
 * `packages/client/dist`, and a scratch folder's `node_modules/@minbil/car-owner-client` links to
 * the package, so imports go through its `exports` (types from `dist/*.d.ts`, code from `dist/*.js`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './spec.ts';

export const CLIENT_NAME = '@minbil/car-owner-client';
const CLIENT_DIR = path.join(ROOT, 'packages/client');

let built = false;

/** Builds the client package once per test process; throws with the build output on failure. */
export function buildClientPackage(): void {
  if (built) return;
  const r = spawnSync('pnpm', ['--filter', CLIENT_NAME, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(
      `${CLIENT_NAME} build failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`,
    );
  const entry = path.join(CLIENT_DIR, 'dist/index.js');
  if (!fs.existsSync(entry)) throw new Error(`${CLIENT_NAME} build wrote no ${entry}`);
  built = true;
}

/** Makes `@minbil/car-owner-client` resolvable from `dir` (its own deps resolve from the package). */
export function linkClientPackage(dir: string): void {
  const link = path.join(dir, 'node_modules', CLIENT_NAME);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(CLIENT_DIR, link, 'dir');
}
