/** The release plan as people read it: per package, its version, tarball, sizes and every file. */
import path from 'node:path';
import type { PackedPackage } from './packages.ts';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Where a package goes: its `publishConfig.registry`, else the npm registry. */
export function registryOf(pkg: PackedPackage): string {
  const config = pkg.manifest.publishConfig as { registry?: string } | undefined;
  return config?.registry ?? DEFAULT_REGISTRY;
}

export function accessOf(pkg: PackedPackage): string {
  const config = pkg.manifest.publishConfig as { access?: string } | undefined;
  return config?.access ?? 'restricted';
}

export function formatPlan(packed: readonly PackedPackage[], infoVersion: string): string {
  const out = [`spec info.version ${infoVersion}; ${packed.length} packages, dist-tag latest`];
  for (const pkg of packed) {
    const unpacked = pkg.files.reduce((n, f) => n + f.bytes, 0);
    out.push(
      '',
      `${pkg.manifest.name}@${pkg.manifest.version} -> ${registryOf(pkg)} (access ${accessOf(pkg)})`,
      `  ${path.basename(pkg.tarball)}: ${kb(pkg.bytes)} packed, ${kb(unpacked)} unpacked, ${pkg.files.length} files`,
      ...[...pkg.files]
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((f) => `  ${kb(f.bytes).padStart(10)}  ${f.path}`),
    );
  }
  return out.join('\n');
}
