/**
 * The pipeline loads @redocly/openapi-core as one esbuild bundle of the installed package
 * (scripts/pipeline/redocly-core.ts), which imports in half the time of the package's 800-odd
 * modules. The bundle must be the same code: on our split spec and on broken specs, it reports
 * the same problems at the same places and bundles to the same document as the package itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redocly, redoclyBundlePath, redoclySource } from '../../scripts/pipeline/redocly-core.ts';
import { bundlePath, importBundled } from '../../scripts/pipeline/dependency-bundle.ts';
import { openapiTypescriptSource } from '../../scripts/stages/client-types/openapi-typescript-parts.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const MALFORMED = path.join(REPO, 'test/fixtures/malformed');

type Core = Pick<typeof redocly, 'createConfig' | 'lint' | 'bundle' | 'loadConfig'>;

/** Lint problems (rule, message, where) and the bundle, as plain data. */
async function outcome(core: Core, root: string, configPath?: string) {
  const config = configPath
    ? await core.loadConfig({ configPath })
    : await core.createConfig({ extends: ['recommended'] } as never);
  const api = configPath ? config.forAlias('car-owner@v1') : config;
  const problems = (await core.lint({ ref: root, config: api })).map((p) => ({
    rule: p.ruleId,
    severity: p.severity,
    message: p.message,
    at: p.location.map((l) => `${path.relative(REPO, l.source.absoluteRef)}${l.pointer ?? ''}`),
  }));
  const bundled = await core.bundle({ ref: root, config: api, dereference: false });
  return { problems, bundle: bundled.bundle.parsed as unknown };
}

describe('Redocly as one bundled module', () => {
  it('is what the pipeline loads, built under node_modules/.cache', () => {
    expect(redoclySource).toBe('bundle');
    // the client-types stage's openapi-typescript parts too (their output is compared with
    // openapiTS()'s in test/client/openapi-types-transform.test.ts)
    expect(openapiTypescriptSource).toBe('bundle');
    expect(fs.existsSync(redoclyBundlePath())).toBe(true);
    expect(path.relative(REPO, redoclyBundlePath())).toMatch(
      /^node_modules\/\.cache\/minbil-bundles\/openapi-core-/,
    );
  });

  it('lints and bundles our split spec as the package does', async () => {
    const pkg = await import('@redocly/openapi-core');
    const root = path.join(REPO, 'openapi/openapi.yaml');
    const config = path.join(REPO, 'redocly.yaml');
    const fromBundle = await outcome(redocly, root, config);
    const fromPackage = await outcome(pkg, root, config);
    expect(fromBundle.problems).toEqual(fromPackage.problems);
    expect(JSON.stringify(fromBundle.bundle)).toBe(JSON.stringify(fromPackage.bundle));
  });

  for (const name of ['bad-response-code', 'missing-info-title', 'path-without-slash']) {
    it(`reports the same problems as the package on malformed/${name}`, async () => {
      const pkg = await import('@redocly/openapi-core');
      const dir = path.join(MALFORMED, name);
      const root = path.join(
        dir,
        fs.readdirSync(dir).find((f) => /^openapi\.(ya?ml|json)$/.test(f))!,
      );
      const fromBundle = await outcome(redocly, root);
      expect(fromBundle.problems.length).toBeGreaterThan(0);
      expect(fromBundle.problems).toEqual((await outcome(pkg, root)).problems);
    });
  }
});

describe('a dependency bundle', () => {
  const probe = (entry: string) => ({
    name: 'test-probe',
    entry,
    resolveDir: REPO,
    fromPackages: async () => ({ from: 'package' }),
  });

  it('is built on first use, exports what its entry exports, and replaces its stale versions', async () => {
    const bundle = probe(`export const from = 'bundle'; export const at = ${Date.now()};`);
    const dir = path.dirname(bundlePath(bundle));
    fs.mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, 'test-probe-0123456789abcdef.mjs');
    const other = path.join(dir, 'test-probe-extra-0123456789abcdef.mjs');
    fs.writeFileSync(stale, 'export const from = "stale";\n');
    fs.writeFileSync(other, 'export const from = "other";\n');
    try {
      const loaded = await importBundled(bundle);
      expect(loaded).toEqual({
        module: expect.objectContaining({ from: 'bundle' }),
        source: 'bundle',
      });
      expect(fs.existsSync(bundlePath(bundle))).toBe(true);
      expect(fs.existsSync(stale)).toBe(false);
      expect(fs.existsSync(other)).toBe(true); // another bundle's name is left alone
    } finally {
      for (const f of [bundlePath(bundle), stale, other]) fs.rmSync(f, { force: true });
    }
  });

  it('falls back to the packages, saying why, when it cannot be built', async () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((line: string) => (lines.push(String(line)), true)) as typeof write;
    try {
      const loaded = await importBundled(probe(`export { nothing } from './no-such-module.js';`));
      expect(loaded).toEqual({ module: { from: 'package' }, source: 'package' });
    } finally {
      process.stderr.write = write;
    }
    expect(lines.join('')).toMatch(
      /dependency bundle test-probe: could not build it .*loading the packages/,
    );
  });
});
