/**
 * The browser build: one ESM file plus msw's worker script, with no run-time code generation
 * (the docs page's CSP has no `unsafe-eval`), and the same answers once bundled by esbuild.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBrowserBundle } from '../../packages/mock/scripts/build-browser.ts';
import { repoRoot } from '../support/spec.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-browser-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('browser bundle', () => {
  it('builds browser.js next to mockServiceWorker.js, with no eval or new Function', async () => {
    const [bundle, worker] = await buildBrowserBundle(dir);
    expect(path.basename(worker!)).toBe('mockServiceWorker.js');
    const code = fs.readFileSync(bundle!, 'utf8');
    expect(code).not.toMatch(/\beval\(|new Function\(|Function\(["'`]/);
    expect(code).toMatch(/export\s*\{/);
    expect(code).toContain('startMockWorker');
  });

  it('validates requests the same way once bundled by esbuild (CommonJS interop of Ajv runtime)', async () => {
    const entry = path.join(dir, 'entry.ts');
    const src = (p: string) => JSON.stringify(path.join(repoRoot, 'packages/mock/src', p));
    fs.writeFileSync(
      entry,
      `export { createHandlers } from ${src('handlers.ts')};\nexport { getResponse } from 'msw';\n`,
    );
    const outfile = path.join(dir, 'handlers.mjs');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      nodePaths: [path.join(repoRoot, 'node_modules')],
      logLevel: 'error',
    });
    const mod = await import(pathToFileURL(outfile).href);
    const handlers = mod.createHandlers();
    const ask = (url: string, init?: RequestInit) =>
      mod.getResponse(handlers, new Request(`http://docs.local/api/co${url}`, init));
    const bad = await ask('/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"x","password":"ééé"}',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/email must match format "email"/);
    const ok = await ask('/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"kari@example.no","password":"x"}',
    });
    expect(ok.status).toBe(200);
  });
});
