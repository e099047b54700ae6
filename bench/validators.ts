/**
 * Validators bench: parse throughput of the largest response schemas (Zod, `z.compile()`d Zod and
 * Ajv compiled validators, as ratios) and the validators package size, min+gzip, whole and for one
 * imported schema, with the Zod Mini core for comparison. `tsx bench/validators.ts` prints a table.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as z from 'zod';
import { Oracle, relaxUnknownKeys } from '../test/validators/support/oracle.ts';
import { samples } from '../test/validators/support/samples.ts';
import { allTargets, spec } from '../test/validators/support/targets.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = `${ROOT}/packages/validators/src`;

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

function opsPerSecond(fn: (value: unknown) => unknown, values: unknown[], ms = 300): number {
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < ms) for (const value of values) (fn(value), ops++);
  return (ops / (performance.now() - start)) * 1000;
}

/** Size of the closure of `#/...` refs reachable from a schema, as a stand-in for "largest". */
function weight(node: unknown, seen = new Set<string>()): number {
  const text = JSON.stringify(node) ?? '';
  let total = text.length;
  for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
    if (!name || seen.has(name)) continue;
    seen.add(name);
    total += weight((spec.components as { schemas: Record<string, unknown> }).schemas[name], seen);
  }
  return total;
}

async function bundleSize(entry: string, label: string): Promise<BenchRow> {
  const out = await build({
    stdin: { contents: entry, resolveDir: SRC, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'neutral',
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    name: `size: ${label}`,
    value: Math.round(gzipSync(code).length / 10.24) / 100,
    unit: 'KiB min+gzip',
    note: `${Math.round(code.length / 1024)} KiB min`,
  };
}

export async function runValidatorsBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const responses = allTargets().filter((t) => t.mode === 'tolerant' && 'pointer' in t.source);
  const largest = [...new Map(responses.map((t) => [t.zod, t])).values()]
    .sort(
      (a, b) =>
        weight('pointer' in b.source ? b.source.schema : 0) -
        weight('pointer' in a.source ? a.source.schema : 0),
    )
    .slice(0, 3);
  const tolerant = new Oracle(relaxUnknownKeys(spec));
  for (const target of largest) {
    const ajv = tolerant.validator(target.source);
    const valid = samples(spec, target.source, 2000, 7)
      .filter((v) => ajv(v) && target.zod.safeParse(v).success)
      .slice(0, 100);
    const compiled = z.compile(target.zod);
    const zodOps = opsPerSecond((v) => target.zod.safeParse(v), valid);
    const compiledOps = opsPerSecond((v) => compiled.safeParse(v), valid);
    const ajvOps = opsPerSecond((v) => ajv(v), valid);
    rows.push(
      {
        name: `${target.exportName}: Zod safeParse`,
        value: Math.round(zodOps),
        unit: 'ops/s',
        note: `${valid.length} valid payloads`,
      },
      {
        name: `${target.exportName}: z.compile() safeParse`,
        value: Math.round(compiledOps),
        unit: 'ops/s',
        note: `x${(compiledOps / zodOps).toFixed(2)} vs Zod`,
      },
      {
        name: `${target.exportName}: Ajv compiled`,
        value: Math.round(ajvOps),
        unit: 'ops/s',
        note: `Zod/Ajv = ${(zodOps / ajvOps).toFixed(3)}`,
      },
    );
  }
  rows.push(...(await bookingsPayloadBench()));
  rows.push(
    await bundleSize(`export * from './index.ts';`, 'whole package (index)'),
    await bundleSize(`export { operationValidators } from './operations.ts';`, 'operations table'),
    await bundleSize(
      `export { BookingSchema } from './generated/schemas/Booking.ts';`,
      'one schema (BookingSchema)',
    ),
    await bundleSize(
      `export { BookingSchema } from './generated/mini/schemas/Booking.ts';`,
      'one schema, Zod Mini build (mini/BookingSchema)',
    ),
    await bundleSize(
      `import * as z from 'zod'; export const s = z.object({ a: z.string() });`,
      'zod classic core (one tiny object)',
    ),
    await bundleSize(
      `import * as z from 'zod/mini'; export const s = z.object({ a: z.string() });`,
      'zod/mini core (one tiny object)',
    ),
  );
  return rows;
}

/**
 * A large realistic payload: 50 bookings (valid for Ajv and Zod, from the seeded samples), about
 * 60 kB of JSON, parsed as an array of `BookingSchema` by Zod, Zod Mini, `z.compile()`d Zod and
 * Ajv. `z.compile()` is only reported: it compiles from the schema definition and so skips the
 * input-side hook of runtime/object.ts, and the row says how many payloads it judges differently.
 */
async function bookingsPayloadBench(): Promise<BenchRow[]> {
  const pointer = '#/components/schemas/Booking';
  const oracle = new Oracle(spec);
  const one = oracle.pointer(pointer);
  const mini = (await import(`${SRC}/generated/mini/schemas/Booking.ts`)) as {
    BookingSchema: z.ZodType;
  };
  const booking = (allTargets().find((t) => t.exportName === 'BookingSchema') as { zod: z.ZodType })
    .zod;
  const pool = samples(spec, { pointer, schema: undefined }, 3000, 11).filter(
    (v) => one(v) && booking.safeParse(v).success && JSON.stringify(v).length > 600,
  );
  const payloads = [0, 1, 2].map((k) =>
    Array.from({ length: 50 }, (_, i) => pool[(k * 50 + i) % pool.length]),
  );
  const bytes = Math.round(JSON.stringify(payloads[0]).length / 1024);
  const list = z.array(booking);
  const miniList = z.array(mini.BookingSchema);
  const ajvList = (value: unknown) => Array.isArray(value) && value.every((b) => one(b));
  const compiled = z.compile(list);
  const differs = pool.filter(
    (v) => compiled.safeParse([v]).success !== list.safeParse([v]).success,
  ).length;
  const zodOps = opsPerSecond((v) => list.safeParse(v), payloads);
  const miniOps = opsPerSecond((v) => miniList.safeParse(v), payloads);
  const compiledOps = opsPerSecond((v) => compiled.safeParse(v), payloads);
  const ajvOps = opsPerSecond(ajvList, payloads);
  const row = (name: string, ops: number, note: string): BenchRow => ({
    name: `50 bookings (${bytes} kB): ${name}`,
    value: Math.round(ops),
    unit: 'payloads/s',
    note,
  });
  return [
    row('Zod safeParse', zodOps, `Zod/Ajv = ${(zodOps / ajvOps).toFixed(3)}`),
    row('Zod Mini safeParse', miniOps, `Mini/Ajv = ${(miniOps / ajvOps).toFixed(3)}`),
    row(
      'z.compile() safeParse',
      compiledOps,
      `x${(compiledOps / zodOps).toFixed(2)} vs Zod; judges ${differs} of ${pool.length} bookings differently`,
    ),
    row('Ajv compiled', ajvOps, 'reference'),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await runValidatorsBench();
  console.table(
    rows.map((r) => ({ measure: r.name, value: r.value, unit: r.unit, note: r.note ?? '' })),
  );
}
