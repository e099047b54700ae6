/**
 * Under `--watch` the mock stage reruns on every save, but most saves (a description, an example)
 * leave what Ajv compiles unchanged: schema-prep.ts drops annotations before Ajv sees a schema.
 * The last printed module per `coerce` flag is kept with a hash of exactly what Ajv reads, so an
 * unchanged input skips Ajv's compile and the print (about 0.35 s per save on Car Owner).
 * House mode only: third-party mode reports warnings while compiling, which a kept module would
 * not repeat.
 */
import { sha256 } from '../../pipeline/cache.ts';
import { standaloneFile } from './emit.ts';
import { preparedComponents, standaloneModuleSource, type StandaloneInput } from './standalone.ts';

const kept = new Map<boolean, { key: string; file: string }>();

/**
 * The printed standalone module for `input` (standalone.ts, then emit.ts's printer); with `keep`
 * (StageContext.rerun) the last one is kept for the next run.
 */
export function standaloneModuleFile(input: StandaloneInput, keep = false): string {
  if (input.thirdParty || !keep) return standaloneFile(standaloneModuleSource(input));
  const openapi30 = input.openapi30 ?? false;
  const key = sha256(
    JSON.stringify([
      openapi30,
      [...preparedComponents(input.components, openapi30)],
      [...input.schemas],
    ]),
  );
  const last = kept.get(input.coerce);
  if (last?.key === key) return last.file;
  const file = standaloneFile(standaloneModuleSource(input));
  kept.set(input.coerce, { key, file });
  return file;
}
