/**
 * Dev helper: runs the validators stage (and client-types, whose output the type-equality check
 * imports) on a spec and writes the files, formatted with Prettier. `pnpm generate` does this for
 * real. Usage: tsx test/validators/write-generated.ts [spec.json|spec.yaml]
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { writeStageFiles } from './support/stage-files.ts';

const root = resolve(import.meta.dirname, '../..');
const specPath = resolve(process.argv[2] ?? `${root}/generated/openapi.json`);
const spec = parse(await readFile(specPath, 'utf8'));
for (const path of await writeStageFiles(spec, root)) console.log(`wrote ${path}`);
