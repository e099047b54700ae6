/**
 * `pnpm corpus [--slice] [--only TEXT] [--tools ours,openapi-typescript,hey-api] [--timeout S]
 * [--table] [--results FILE]`: each corpus spec
 * (select.ts; `--slice`: the CI slice in test/fixtures/corpus/) through `pnpm generate --spec`
 * and `tsc`, then openapi-typescript and Hey API on the same spec, one at a time with a time
 * limit. Prints a Markdown table and writes .tmp/corpus/results.json; a run of some tools keeps
 * the other tools' results from the previous run there (`--table`: only print it). Exit 1 when a
 * spec fails ours.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../spec-mode/support.ts';
import { selectCorpus, type CorpusSpec } from './select.ts';
import { sliceSpecs } from './slice.ts';
import { formatTable, type Row } from './table.ts';
import { runTool, TOOLS, type Tool } from './tools.ts';

const { values } = parseArgs({
  options: {
    slice: { type: 'boolean' },
    only: { type: 'string' },
    'ours-only': { type: 'boolean' },
    tools: { type: 'string' },
    table: { type: 'boolean' },
    results: { type: 'string' },
    timeout: { type: 'string' },
  },
});
const timeoutMs = Number(values.timeout ?? 600) * 1000;
const work = path.join(REPO_ROOT, '.tmp/corpus');
let specs: CorpusSpec[] = values.slice ? sliceSpecs() : selectCorpus();
if (values.only) specs = specs.filter((s) => s.id.includes(values.only!));
const tools: readonly Tool[] = values['ours-only']
  ? ['ours']
  : values.tools
    ? (values.tools.split(',') as Tool[]).filter((t) => TOOLS.includes(t))
    : TOOLS;
const resultsFile = path.resolve(values.results ?? path.join(work, 'results.json'));
const previous = new Map<string, Row>(
  fs.existsSync(resultsFile)
    ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Row[]).map((r) => [r.spec.id, r])
    : [],
);
if (values.table) {
  const rows = specs.map((s) => previous.get(s.id)).filter((r): r is Row => !!r);
  console.log(formatTable(rows, TOOLS));
  process.exit(0);
}

const rows: Row[] = [];
for (const spec of specs) {
  const components = Object.keys(
    (JSON.parse(fs.readFileSync(spec.file, 'utf8')) as { components?: { schemas?: object } })
      .components?.schemas ?? {},
  ).length;
  const row: Row = { spec, components, runs: { ...previous.get(spec.id)?.runs } };
  for (const tool of tools) {
    const out = path.join(work, spec.id.replace(/[^\w.-]+/g, '_'), tool);
    row.runs[tool] = runTool(tool, spec.file, out, timeoutMs);
    const r = row.runs[tool]!;
    process.stderr.write(
      `${spec.id} ${tool}: ${r.generated ? `generated, ${r.typeErrors} type error(s)` : `FAILED ${r.failure}`} ${(r.ms / 1000).toFixed(1)} s\n`,
    );
    if (tool !== 'ours') fs.rmSync(out, { recursive: true, force: true });
  }
  rows.push(row);
  previous.set(spec.id, row);
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify([...previous.values()], null, 2));
}
console.log(formatTable(rows, TOOLS));
const failed = rows.filter((r) => !r.runs.ours?.generated || r.runs.ours.typeErrors !== 0);
process.exitCode = failed.length ? 1 : 0;
