/**
 * What declaration emit writes for the committed validators (what `tsc --declaration` in this
 * repository, or an app that compiles the package's sources, produces and reads back): the
 * operations table and every alias of a component schema refer to the schemas by name
 * (`typeof BookingSchema`) instead of spelling out their inferred Zod types again. That spelling
 * was over half of `tsc`'s time on the validators (bench/README.md), and on large specs the
 * table's inferred type is too long to emit at all (TS7056).
 */
import { readdirSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/targets.ts';

const GENERATED = `${ROOT}/packages/validators/src/generated`;
const declarations = new Map<string, string>();

beforeAll(() => {
  const operations = readdirSync(`${GENERATED}/operations`).map(
    (f) => `${GENERATED}/operations/${f}`,
  );
  const program = ts.createProgram([`${GENERATED}/operations.ts`, ...operations], {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  program.emit(undefined, (name, text) => declarations.set(name.slice(GENERATED.length + 1), text));
}, 120_000);

describe('declarations of the validators', () => {
  it('type the operations table by reference to each schema', () => {
    const table = declarations.get('operations.d.ts') ?? '';
    expect(table).toContain('body: typeof createBookingRequestBody;');
    expect(table).toContain("'200': typeof getBookingResponse200;");
    // no schema's inferred type spelled out inside the table
    expect(table).not.toMatch(/z\.Zod(Object|String|Number|Array|Union)</);
  });

  it('type a response that is a component schema as that schema', () => {
    const booking = declarations.get('operations/getBooking.d.ts') ?? '';
    expect(booking).toMatch(/getBookingResponse200: typeof BookingSchema;/);
    expect(booking).not.toContain('service_start_time');
  });
});
