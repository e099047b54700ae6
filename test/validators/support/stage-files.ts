/** Runs the validators and client-types stages on a spec and writes their files under `root`. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import prettier from 'prettier';
import type { OpenAPIV3_1 } from '../../../scripts/pipeline/openapi-types.ts';
import { clientTypesStage } from '../../../scripts/stages/client-types/index.ts';
import { validatorsStage } from '../../../scripts/stages/validators/index.ts';

export async function writeStageFiles(
  spec: OpenAPIV3_1.Document,
  root: string,
  config = process.cwd(),
): Promise<string[]> {
  const ctx = { spec, root, outputs: new Map() };
  const files = [...(await clientTypesStage.run(ctx)), ...(await validatorsStage.run(ctx))];
  const options = await prettier.resolveConfig(`${config}/package.json`);
  for (const owned of [...validatorsStage.owns, ...clientTypesStage.owns])
    await rm(`${root}/${owned}`, { recursive: true, force: true });
  for (const file of files) {
    const target = `${root}/${file.path}`;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await prettier.format(file.content, { ...options, filepath: target }));
  }
  return files.map((f) => f.path);
}
