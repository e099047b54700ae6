/** Type-checks snippet files with the repo's strict settings; the typed client resolves to its source. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './spec.ts';

export function typecheck(
  dir: string,
  files: Record<string, string>,
): { ok: boolean; output: string } {
  for (const [name, content] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), content);
  fs.copyFileSync(
    path.join(ROOT, 'test/docs/support/axios-stub.d.ts'),
    path.join(dir, 'axios-stub.d.ts'),
  );
  const tsconfig = {
    extends: path.join(ROOT, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      allowImportingTsExtensions: true,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules/@types')],
      paths: { '@minbil/car-owner-client': [path.join(ROOT, 'packages/client/src/index.ts')] },
    },
    include: ['*.mts', 'axios-stub.d.ts'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir],
    { encoding: 'utf8' },
  );
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}
