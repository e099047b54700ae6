/** The `--spec` half of `pnpm generate` (scripts/generate.ts parses the flags). */
import path from 'node:path';
import { SpecError } from '../pipeline/spec-error.ts';
import { defaultOut, generateFromSpec } from './index.ts';
import { typeCheckOut } from './typecheck.ts';

const SHOWN = 20;

export interface SpecModeFlags {
  /** `--out`; default defaultOut(spec). */
  out: string | undefined;
  check: boolean;
  typecheck: boolean;
  /** `--mini`: the validators' Zod Mini build too. */
  mini: boolean;
  allowedRefs: readonly string[];
}

export async function runSpecMode(spec: string, flags: SpecModeFlags): Promise<number> {
  const { check, typecheck, mini, allowedRefs } = flags;
  const out = flags.out ?? defaultOut(spec);
  try {
    const result = await generateFromSpec({
      spec,
      out,
      check,
      mini,
      allowedRefs,
      log: (line) => console.log(line),
    });
    for (const line of result.warnings.slice(0, SHOWN)) console.warn(line);
    if (result.warnings.length > SHOWN)
      console.warn(
        `… ${result.warnings.length - SHOWN} more warning(s) in ${path.join(out, 'warnings.txt')}`,
      );
    if (check) {
      for (const file of result.stale)
        console.error(`${file} is stale — run pnpm generate --spec ${spec}`);
      return result.stale.length ? 1 : 0;
    }
    if (typecheck) {
      const checked = typeCheckOut(result.out);
      for (const line of checked.errors.slice(0, SHOWN)) console.error(line);
      console.log(`type-check   ${checked.ms.toFixed(0)} ms  ${checked.errors.length} error(s)`);
      if (!checked.ok) return 1;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    for (const line of error.lines) console.error(line);
    console.error(`pnpm generate --spec: ${error.lines.length} problem(s); nothing was written.`);
    return 1;
  }
}
