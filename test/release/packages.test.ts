/**
 * What app teams get from the registry: `pnpm release --dry-run` builds, packs and lints
 * (publint, arethetypeswrong, contents) each package and prints the plan; the lints fail on a
 * broken package; without a token `pnpm release` refuses before doing anything.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCheck } from '../../scripts/release/check-packages.ts';
import { rewriteSpecifiers } from '../../scripts/release/dts-extensions.ts';
import { lintPackage, problemCount } from '../../scripts/release/lint-package.ts';
import { readManifest } from '../../scripts/release/packages.ts';
import { readTarball } from '../../scripts/release/tarball.ts';
import { repoRoot } from '../support/spec.ts';

const TSX = path.join(repoRoot, 'node_modules/.bin/tsx');
const RELEASE = path.join(repoRoot, 'scripts/release/release.ts');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-packages-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const withoutTokens = () => {
  const env = { ...process.env };
  delete env.NODE_AUTH_TOKEN;
  delete env.NPM_TOKEN;
  return env;
};

describe('pnpm release --dry-run', () => {
  let run: SpawnSyncReturns<string>;
  let blocks: string[] = [];
  const block = (name: string) => blocks.find((b) => b.startsWith(`${name}@`)) ?? '';
  const version = readManifest(path.join(repoRoot, 'packages/client')).version;
  beforeAll(() => {
    run = spawnSync(TSX, [RELEASE, '--dry-run'], { encoding: 'utf8', env: withoutTokens() });
    blocks = run.stdout.split(/\n(?=@minbil\/)/).slice(1);
  }, 300_000);

  it('passes publint, attw and the contents check, and publishes nothing', () => {
    expect(run.stderr.replace(/^npm warn.*\n?/gm, '')).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Release plan \(dry run: nothing is published\)/);
    expect(run.stdout).not.toMatch(/published /);
  });

  it('lists the three packages at one version with tarball, sizes and files', () => {
    expect(blocks.map((b) => b.split(' ')[0])).toEqual([
      `@minbil/car-owner-client@${version}`,
      `@minbil/car-owner-mock@${version}`,
      `@minbil/car-owner-validators@${version}`,
    ]);
    for (const b of blocks)
      expect(b).toMatch(/\.tgz: [\d.]+ kB packed, [\d.]+ kB unpacked, \d+ files/);
  });

  it('ships built files, README and LICENSE only', () => {
    for (const b of blocks) {
      const files = [...b.matchAll(/^ +[\d.]+ kB {2}(\S+)$/gm)].map((m) => m[1]!);
      expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
      expect(files).toContain('dist/index.js');
      expect(files).toContain('dist/index.d.ts');
      for (const f of files)
        expect(f).toMatch(/^(dist\/.+\.(js|d\.ts)|LICENSE|README\.md|package\.json)$/);
    }
    expect(block('@minbil/car-owner-mock')).toMatch(/dist\/browser\.js\n[\s\S]*dist\/cli\.js/);
    expect(block('@minbil/car-owner-mock')).toContain('dist/mockServiceWorker.js');
    expect(block('@minbil/car-owner-validators')).toContain('dist/generated/schemas/Booking.js');
    expect(block('@minbil/car-owner-validators')).not.toContain('type-equality');
  });
});

describe('package lints', () => {
  it('report a broken exports map, an untyped entry and unpublishable files', async () => {
    const dir = path.join(work, 'broken');
    fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'dist/index.js'), 'export const a = 1;\n');
    fs.writeFileSync(path.join(dir, 'src/index.ts'), 'export const a = 1;\n');
    const manifest = {
      name: '@minbil/broken',
      version: '1.0.0',
      type: 'module',
      exports: { '.': { import: './dist/index.js' }, './missing': './dist/missing.js' },
      files: ['dist', 'src'],
    };
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
    const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', work], {
      cwd: dir,
      encoding: 'utf8',
    });
    const tarball = (JSON.parse(out.slice(out.indexOf('{'))) as { filename: string }).filename;
    const packed = { stagingDir: dir, tarball, files: readTarball(tarball) };
    const report = await lintPackage(packed);
    expect(report.publint.join('\n')).toMatch(/missing\.js/);
    expect(report.attw.join('\n')).toMatch(/no type declarations|No types/i);
    expect(report.contents).toEqual(['src/index.ts should not be published']);
    expect(problemCount(report)).toBeGreaterThan(2);
    const text = formatCheck([{ packed: { ...packed, manifest } as never, report }]);
    expect(text).toMatch(/^FAIL @minbil\/broken@1\.0\.0\n {2}publint: /);
  }, 60_000);

  it('rewrite .ts specifiers in declarations to .js, as tsc does in the .js files', () => {
    const cases: [string, string][] = [
      [`export * from './errors.ts';`, `export * from './errors.js';`],
      [
        `import type { A } from "../generated/openapi.ts";`,
        `import type { A } from "../generated/openapi.js";`,
      ],
      [`type T = import('./types.ts').T;`, `type T = import('./types.js').T;`],
      [`export { x } from './x.mts';`, `export { x } from './x.mjs';`],
      [`import type { Z } from 'zod';`, `import type { Z } from 'zod';`],
      [`import { y } from './already.js';`, `import { y } from './already.js';`],
    ];
    for (const [from, to] of cases) expect(rewriteSpecifiers(from)).toBe(to);
  });
});

describe('pnpm release (no --dry-run)', () => {
  it('refuses without a registry token, before building anything', () => {
    const started = Date.now();
    const run = spawnSync(TSX, [RELEASE], { encoding: 'utf8', env: withoutTokens() });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /refusing to publish: no registry token in NODE_AUTH_TOKEN or NPM_TOKEN/,
    );
    expect(run.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
