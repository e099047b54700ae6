/**
 * The publishable packages (every `packages/*` without `"private": true`) and how each becomes a
 * tarball: package.json, README.md and LICENSE are copied to a staging folder, the
 * package is built there (`buildPackage`), and `pnpm pack` packs it. Staging keeps stale files in
 * the package's own `dist/` out of the tarball and never races other tools reading that `dist/`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildPackage, REPO_ROOT } from './build-package.ts';
import { readTarball, type TarEntry } from './tarball.ts';

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  [key: string]: unknown;
}

export interface WorkspacePackage {
  /** Absolute path of the package folder. */
  dir: string;
  manifest: Manifest;
}

export interface PackedPackage extends WorkspacePackage {
  /** Where it was built and packed from. */
  stagingDir: string;
  tarball: string;
  /** Size of the `.tgz`. */
  bytes: number;
  files: TarEntry[];
}

const STAGED_FILES = ['package.json', 'README.md', 'LICENSE'];

export const readManifest = (dir: string): Manifest =>
  JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/** Every workspace package under `packages/`, sorted by name. */
export function workspacePackages(root = REPO_ROOT): WorkspacePackage[] {
  const base = path.join(root, 'packages');
  return fs
    .readdirSync(base)
    .map((name) => path.join(base, name))
    .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readManifest(dir) }))
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** The packages app teams install: the workspace packages that are not private. */
export const publishablePackages = (root = REPO_ROOT): WorkspacePackage[] =>
  workspacePackages(root).filter((p) => !p.manifest.private);

/** Builds `pkg` into `workDir/stage/<folder>` and packs it into `workDir/tarballs`. */
export async function packPackage(pkg: WorkspacePackage, workDir: string): Promise<PackedPackage> {
  const stagingDir = path.join(workDir, 'stage', path.basename(pkg.dir));
  const outDir = path.join(workDir, 'tarballs');
  fs.rmSync(stagingDir, { recursive: true, force: true });
  fs.mkdirSync(stagingDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of STAGED_FILES)
    if (fs.existsSync(path.join(pkg.dir, file)))
      fs.copyFileSync(path.join(pkg.dir, file), path.join(stagingDir, file));
  await buildPackage(pkg.dir, path.join(stagingDir, 'dist'));
  const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', outDir], {
    cwd: stagingDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { filename } = JSON.parse(out.slice(out.indexOf('{'))) as { filename: string };
  const tarball = path.resolve(stagingDir, filename);
  return {
    ...pkg,
    stagingDir,
    tarball,
    bytes: fs.statSync(tarball).size,
    files: readTarball(tarball),
  };
}

/** Packs every publishable package, one after another (tsc is CPU-bound). */
export async function packAll(workDir: string, root = REPO_ROOT): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const pkg of publishablePackages(root)) packed.push(await packPackage(pkg, workDir));
  return packed;
}
