/**
 * A scratch app outside the workspace (in the OS temp folder, so nothing resolves from the
 * workspace's node_modules): test/fixtures/consumer-app plus a package.json that installs the
 * packed tarballs with plain npm, exactly as an app team would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from '../../support/spec.ts';

export const FIXTURE = path.join(repoRoot, 'test/fixtures/consumer-app');
const TSC = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

/** Why the npm registry cannot be used (npm's own registry and proxy settings), or undefined. */
export function registryProblem(): string | undefined {
  const ping = spawnSync('npm', ['ping', '--fetch-retries=0', '--fetch-timeout=15000'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (ping.status === 0) return undefined;
  const registry = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' });
  const reason = ping.error
    ? 'no answer in 30 s'
    : (/npm error code (\S+)/.exec(ping.stderr)?.[1] ?? `npm ping exited with ${ping.status}`);
  return `${registry.stdout.trim() || 'npm registry'}: ${reason}`;
}

/**
 * Copies the fixture into `dir` and installs `tarballs` (name -> .tgz) with npm. The peers are
 * pinned to the versions the workspace tests with, as the READMEs tell app teams to install them.
 */
export function createScratchApp(dir: string, tarballs: Record<string, string>): void {
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const manifest = {
    name: 'minbil-consumer-app',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`])),
      msw: '3.0.5',
      zod: '4.6.7',
    },
    devDependencies: { '@types/node': '24.19.2' },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // --ignore-scripts: no install script of any dependency runs on the test machine
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (install.status !== 0)
    throw new Error(`npm install failed (${install.status}):\n${install.stderr}${install.stdout}`);
}

/** `tsc -p <config>` in the app; returns its output ('' when clean). */
export function typecheck(dir: string, config: string): string {
  const result = spawnSync(process.execPath, [TSC, '-p', config], { cwd: dir, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

/** Starts `node <script>` in the app and resolves with its first stdout line and the process. */
export function startLine(dir: string, script: string): Promise<[string, ChildProcess]> {
  const child = spawn(process.execPath, [script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) resolve([line.trim(), child]);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${err}`)));
  });
}

export interface BundleSize {
  minified: number;
  gzip: number;
  code: string;
}

/** esbuild bundle of `src/<entry>.ts` (minified ESM for browsers), resolved from the app. */
export async function bundleSize(dir: string, entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [path.join(dir, 'src', `${entry}.ts`)],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'warning',
  });
  const bytes = result.outputFiles[0]!.contents;
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    code: Buffer.from(bytes).toString('utf8'),
  };
}
