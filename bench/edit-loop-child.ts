/**
 * One `--watch` session in its own process, for bench/edit-loop.ts: starts the watcher on `root`,
 * waits for the first run, then `--edits` times changes one property of one schema file (its
 * description) and measures from the save to the end of the rerun that wrote the new output.
 * Prints one JSON line: `{ ms: number[], lines: string[] }` (the last rerun's stage lines).
 *   tsx bench/edit-loop-child.ts <root> <schema file> <property> [--edits 3] [--workers N]
 */
import fs from 'node:fs';
import path from 'node:path';
import * as nodeModule from 'node:module';
import { parseArgs } from 'node:util';

// As scripts/generate.ts does: V8's code cache on disk for the modules loaded below.
nodeModule.enableCompileCache?.(); // Node >= 22.1; absent on older Node
const { watchPipeline } = await import('../scripts/pipeline/watch.ts');
const { stages } = await import('../scripts/stages/index.ts');

const { values, positionals } = parseArgs({
  options: {
    edits: { type: 'string', default: '3' },
    workers: { type: 'string', default: '0' },
  },
  allowPositionals: true,
});
const [root, schemaFile, property] = positionals as [string, string, string];
const file = path.join(root, schemaFile);

let onTotal: ((line: string) => void) | undefined;
let lines: string[] = [];
const watcher = await watchPipeline({
  root,
  stages,
  workers: Number(values.workers),
  debounceMs: 50,
  log: (line) => {
    lines.push(line);
    if (line.startsWith('total') || line.includes('keeping the last good output')) onTotal?.(line);
  },
});

/** Rewrites the `description:` line of `property` (the first one after `  <property>:`). */
function editProperty(n: number): void {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(`\n  ${property}:\n`);
  if (start < 0) throw new Error(`${schemaFile} has no property ${property}`);
  const at = text.indexOf('description:', start);
  const end = text.indexOf('\n', at);
  fs.writeFileSync(
    file,
    `${text.slice(0, at)}description: Edited ${n} by the bench.${text.slice(end)}`,
  );
}

const ms: number[] = [];
for (let n = 1; n <= Number(values.edits); n++) {
  lines = [];
  const done = new Promise<string>((resolve) => (onTotal = resolve));
  const saved = performance.now();
  editProperty(n);
  const last = await done;
  if (!last.startsWith('total')) throw new Error(`the edit broke the spec: ${lines.join('\n')}`);
  ms.push(performance.now() - saved);
}
watcher.close();
console.log(JSON.stringify({ ms, lines }));
process.exit(0);
