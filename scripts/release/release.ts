/**
 * `pnpm release --dry-run`: builds, packs and lints every publishable package and prints exactly
 * what would be published (package, version, registry, tarball, sizes, file list). Publishes
 * nothing.
 *
 * `pnpm release`: the same, then `npm publish` of those very tarballs. It refuses unless a
 * registry token is in `NODE_AUTH_TOKEN` (or `NPM_TOKEN`), and skips versions already on the
 * registry. The token only reaches npm through an environment reference in a temporary npmrc.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { groupVersions } from './check-version.ts';
import { lintPackage, problemCount } from './lint-package.ts';
import { packAll, type PackedPackage } from './packages.ts';
import { accessOf, formatPlan, registryOf } from './plan.ts';
import { readInfoVersion, specRootFile } from './spec-version.ts';
import { versionAgreementProblems } from './version-rule.ts';

const USAGE = 'usage: pnpm release [--dry-run]';
export const TOKEN_VARIABLES = ['NODE_AUTH_TOKEN', 'NPM_TOKEN'] as const;

const tokenVariable = (env: NodeJS.ProcessEnv) => TOKEN_VARIABLES.find((name) => env[name]);

function npm(args: string[], userconfig: string): ReturnType<typeof spawnSync> {
  return spawnSync('npm', [...args, '--userconfig', userconfig], { encoding: 'utf8' });
}

function publish(pkg: PackedPackage, variable: string, workDir: string): string {
  const registry = registryOf(pkg);
  const host = registry.replace(/^https?:/, '').replace(/\/?$/, '/');
  const userconfig = path.join(workDir, 'npmrc');
  // npm expands ${VAR} itself; the token is never written to disk or put on a command line
  fs.writeFileSync(userconfig, `registry=${registry}\n${host}:_authToken=\${${variable}}\n`);
  const id = `${pkg.manifest.name}@${pkg.manifest.version}`;
  if (npm(['view', id, 'version'], userconfig).stdout?.toString().trim())
    return `skip ${id}: already on ${registry}`;
  const result = npm(['publish', pkg.tarball, '--access', accessOf(pkg)], userconfig);
  if (result.status !== 0) throw new Error(`npm publish ${id} failed:\n${String(result.stderr)}`);
  return `published ${id} to ${registry}`;
}

async function main(): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  let dryRun: boolean;
  try {
    dryRun = Boolean(parseArgs({ options: { 'dry-run': { type: 'boolean' } } }).values['dry-run']);
  } catch (error) {
    console.error(`release: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const variable = tokenVariable(process.env);
  if (!dryRun && !variable) {
    console.error(
      `release: refusing to publish: no registry token in ${TOKEN_VARIABLES.join(' or ')}. Use --dry-run to see the plan.`,
    );
    return 1;
  }
  const infoVersion = readInfoVersion(await specRootFile(root));
  const versionProblems = versionAgreementProblems(groupVersions(root), infoVersion);
  if (versionProblems.length) {
    for (const p of versionProblems) console.error(`release: ${p}`);
    return 1;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-release-'));
  try {
    const packed = await packAll(workDir, root);
    let failed = false;
    for (const pkg of packed) {
      const report = await lintPackage(pkg);
      if (problemCount(report) === 0) continue;
      failed = true;
      console.error(`release: ${pkg.manifest.name} fails its checks (pnpm release:check):`);
      for (const line of Object.values(report).flat()) console.error(`  ${line}`);
    }
    if (failed) return 1;
    console.log(dryRun ? 'Release plan (dry run: nothing is published)' : 'Publishing');
    console.log(formatPlan(packed, infoVersion));
    if (!dryRun) for (const pkg of packed) console.log(publish(pkg, variable!, workDir));
    return 0;
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main();
