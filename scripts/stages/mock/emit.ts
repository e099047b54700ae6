/** Renders the generated modules. Every spec value is embedded with JSON.stringify, never spliced. */
import { GENERATED_NOTICE } from '../../pipeline/header.ts';
import { printData } from '../../pipeline/print-data.ts';
import { objectKey, PRINT_WIDTH } from '../../pipeline/print-literals.ts';
import type { RouteSpec } from '../../../packages/mock/src/route-spec.ts';
import { indentCode } from './indent-code.ts';

const HEADER = `/* ${GENERATED_NOTICE} */\n`;
const js = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * `routes.ts`. Printed in Prettier's layout by print-data.ts (`formatted`: the orchestrator skips
 * Prettier, 0.3–0.5 s on Car Owner's 225 KB), or, where that printer cannot promise Prettier's
 * layout, as `JSON.stringify` text for Prettier to format.
 */
export function routesModule(routes: RouteSpec[]): { content: string; formatted: boolean } {
  const printed = routesText(routes, true);
  return printed !== undefined
    ? { content: printed, formatted: true }
    : { content: routesText(routes, false)!, formatted: false };
}

/** The module's text: printed (undefined when print-data.ts cannot), or for Prettier to format. */
export function routesText(routes: RouteSpec[], print: boolean): string | undefined {
  const ids = literal(
    print,
    'export const operationIds = ',
    routes.map((r) => r.operationId).sort(),
    ' as const;',
  );
  const constant = routesConstant(routes, print);
  if (ids === undefined || constant === undefined) return undefined;
  return `${HEADER}/** The operations of the spec, most specific path first (see scripts/stages/mock). */
import type { RouteSpec } from '../route-spec.ts';

${ids}

/** An operationId of the Car Owner API. */
export type OperationId = (typeof operationIds)[number];

${constant}
`;
}

/** Routes per literal: one array literal of GitHub's 1,223 routes is a union too complex for tsc (TS2590). */
const CHUNK = 200;

/** `value` after `before`: printed in Prettier's layout, or as `JSON.stringify` text for Prettier. */
function literal(print: boolean, before: string, value: unknown, after: string) {
  return print ? printData(before, value, after) : `${before}${js(value)}${after}`;
}

function routesConstant(routes: RouteSpec[], print: boolean): string | undefined {
  if (routes.length <= CHUNK)
    return literal(print, 'export const routes: readonly RouteSpec[] = ', routes, ';');
  const names: string[] = [];
  const parts: (string | undefined)[] = [];
  for (let i = 0; i < routes.length; i += CHUNK) {
    const name = `routes${names.length}`;
    names.push(name);
    parts.push(
      literal(print, `const ${name}: readonly RouteSpec[] = `, routes.slice(i, i + CHUNK), ';'),
    );
  }
  if (parts.includes(undefined)) return undefined;
  const spreads = names.map((n) => `...${n}`);
  let all = `export const routes: readonly RouteSpec[] = [${spreads.join(', ')}];`;
  // as Prettier breaks an array that does not fit: one item per line
  if (print && all.length > PRINT_WIDTH)
    all = `export const routes: readonly RouteSpec[] = [\n${spreads.map((s) => `  ${s},`).join('\n')}\n];`;
  return `${parts.join('\n\n')}\n\n${all}`;
}

/**
 * A module of Ajv standalone code, as Ajv writes it with `code.lines` (one statement per line),
 * indented by indent-code.ts; the stage marks it `formatted`, so Prettier never reads it. Ajv's
 * text is kept as it is, so the module means exactly what Ajv compiled. This is machine code
 * nobody edits, and a review diff of it stays line-by-line. Before, esbuild reprinted Ajv's
 * one-line functions: on GitHub's spec that print was 2 s of the mock stage's 6 s.
 */
export function standaloneFile(code: string): string {
  return `${HEADER}// @ts-nocheck -- Ajv standalone output (https://ajv.js.org/standalone.html), typed in validators.ts
import * as ajvRuntime from '../ajv-runtime.ts';
${indentCode(code).trimEnd()}
`;
}

export interface ValidatorRefs {
  params?: string;
  json?: string;
  multipart?: string;
}

/**
 * `validators.ts`: operationId -> its validators from the two standalone modules. With `print`,
 * in Prettier's layout (an entry on one line when it fits in the print width, else one validator
 * per line), or undefined for a key these rules do not cover (a non-ASCII name, which Prettier
 * may unquote; `__proto__`; a key too long for `key: {` to fit). Without, for Prettier to format.
 */
export function validatorsText(
  refs: Map<string, ValidatorRefs>,
  print: boolean,
): string | undefined {
  const entries: string[] = [];
  for (const [id, r] of refs) {
    const parts = [
      r.params && `params: fn(coerced.${r.params})`,
      r.multipart && `multipart: fn(coerced.${r.multipart})`,
      r.json && `json: fn(strict.${r.json})`,
    ].filter(Boolean);
    if (!print) {
      entries.push(`  ${JSON.stringify(id)}: { ${parts.join(', ')} },`);
      continue;
    }
    if (!/^[\x20-\x7e]*$/.test(id) || id === '__proto__') return undefined;
    const key = objectKey(id);
    const line = parts.length ? `  ${key}: { ${parts.join(', ')} },` : `  ${key}: {},`;
    if (line.length <= PRINT_WIDTH) entries.push(line);
    else if (`  ${key}: {`.length > PRINT_WIDTH) return undefined;
    else entries.push(`  ${key}: {\n${parts.map((p) => `    ${p},\n`).join('')}  },`);
  }
  return `${HEADER}/** Request validators per operation, compiled ahead of time by Ajv. */
import type { OperationValidators, ValidateFn } from '../route-spec.ts';
import * as coerced from './coercing-validators.ts';
import * as strict from './strict-validators.ts';

const fn = (validate: unknown) => validate as ValidateFn;

export const validators: Readonly<Record<string, OperationValidators>> = {
${entries.join('\n')}
};
`;
}

/** `validators.ts`, printed (`formatted`) where validatorsText can, else for Prettier. */
export function validatorsModule(refs: Map<string, ValidatorRefs>): {
  content: string;
  formatted: boolean;
} {
  const printed = validatorsText(refs, true);
  return printed !== undefined
    ? { content: printed, formatted: true }
    : { content: validatorsText(refs, false)!, formatted: false };
}
