/**
 * Dev helper: runs the client-types stage on a spec and writes its files, formatted with Prettier.
 * `pnpm generate` (the orchestrator) does this for real; use this while iterating on the client.
 * Usage: tsx test/client/write-generated.ts [spec.json|spec.yaml]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { parse } from 'yaml';
import { clientTypesStage } from '../../scripts/stages/client-types/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const specPath = resolve(process.argv[2] ?? `${root}/generated/openapi.json`);
const spec = parse(await readFile(specPath, 'utf8'));
const files = await clientTypesStage.run({ spec, root, outputs: new Map() });
const config = await prettier.resolveConfig(`${root}/package.json`);
for (const file of files) {
  const target = `${root}/${file.path}`;
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, await prettier.format(file.content, { ...config, filepath: target }));
  console.log(`wrote ${file.path} from ${specPath}`);
}
