/** The corpus table: one row per spec, each tool's outcome side by side, then the totals. */
import type { CorpusSpec } from './select.ts';
import type { Tool, ToolRun } from './tools.ts';

export interface Row {
  spec: CorpusSpec;
  /** Component schemas in the spec (the denominator of `skipped`). */
  components: number;
  runs: Partial<Record<Tool, ToolRun>>;
}

const ok = (r: ToolRun | undefined) => !!r && r.generated && r.typeErrors === 0;
const size = (b: number) =>
  b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(b / 1024)} KB`;

function cell(r: ToolRun | undefined): string {
  if (!r) return '–';
  if (!r.generated) return `✗ ${r.crashed ? 'crash' : 'failed'}`;
  return r.typeErrors ? `✗ ${r.typeErrors} TS errors` : '✓';
}

export function formatTable(rows: readonly Row[], tools: readonly Tool[]): string {
  const head = [
    'spec',
    'size',
    'ours',
    'warnings',
    'skipped schemas',
    ...tools.filter((t) => t !== 'ours').flatMap((t) => [t, `time ratio vs ${t}`]),
  ];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const { spec, components, runs } of rows) {
    const ours = runs.ours;
    const cells = [
      spec.id,
      size(spec.bytes),
      cell(ours),
      String(ours?.warnings ?? '–'),
      ours?.skipped !== undefined ? `${ours.skipped}/${components}` : '–',
      ...tools
        .filter((t) => t !== 'ours')
        .flatMap((t) => [
          cell(runs[t]),
          ours && runs[t]?.generated ? `${(ours.ms / runs[t]!.ms).toFixed(1)}×` : '–',
        ]),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const total = (t: Tool) => rows.filter((r) => ok(r.runs[t])).length;
  const skipped = rows.reduce((n, r) => n + (r.runs.ours?.skipped ?? 0), 0);
  const schemas = rows.reduce((n, r) => n + (r.runs.ours?.generated ? r.components : 0), 0);
  const crashes = rows.filter((r) => Object.values(r.runs).some((x) => x?.crashed)).length;
  lines.push(
    '',
    `generated and type-checked: ${tools.map((t) => `${t} ${total(t)}/${rows.length}`).join(', ')}`,
    `validators skipped ${skipped} of ${schemas} component schemas (${schemas ? ((100 * skipped) / schemas).toFixed(2) : '0'}%); runs ending in an uncaught exception: ${crashes}`,
  );
  return lines.join('\n');
}
