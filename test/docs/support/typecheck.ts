/**
 * Type-checks snippet files with the repo's strict settings, resolving packages as an app would:
 * `axios` from its own types, `@minbil/car-owner-client` from the built package (call
 * `buildClientPackage()` first when the files import it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { linkClientPackage } from './client-package.ts';
import { ROOT } from './spec.ts';

export function typecheck(
  dir: string,
  files: Record<string, string>,
): { ok: boolean; output: string } {
  for (const [name, content] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), content);
  linkClientPackage(dir);
  const tsconfig = {
    extends: path.join(ROOT, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules/@types')],
    },
    include: ['*.mts'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir],
    { encoding: 'utf8' },
  );
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}
