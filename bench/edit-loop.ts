/**
 * Edit loop: `pnpm generate --watch` on the Car Owner spec, one property changed per save (its
 * description, in openapi/components/schemas/Attachment.yaml), timed from the save to the rerun
 * having written its output, watcher debounce (50 ms here) included. Run: `tsx bench/edit-loop.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/real-world/setup.ts';
import { defaultWorkerCount, watchWorkerCount } from '../scripts/pipeline/stage-pool.ts';
import { generateNodeFlags } from './generate-flags.ts';
import { measure } from './measure.ts';
import { carOwnerCase } from './pipeline-cases.ts';
import type { Section } from './pipeline.ts';
import type { Target } from './targets.ts';

const SCHEMA = 'openapi/components/schemas/Attachment.yaml';
const PROPERTY = 'name';
const EDITS = 3;

export function runEditLoopBench(): { section: Section; targets: Target[] } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-edit-loop-'));
  const c = carOwnerCase(base);
  const rows: Section['rows'] = [];
  const targets: Target[] = [];
  const counts = [0, 1];
  for (const workers of counts) {
    const run = measure(
      process.execPath,
      [
        ...generateNodeFlags(),
        path.join(REPO_ROOT, 'bench/edit-loop-child.ts'),
        c.root,
        SCHEMA,
        PROPERTY,
        '--edits',
        String(EDITS),
        '--workers',
        String(workers),
      ],
      REPO_ROOT,
    );
    const label = `edit loop, ${workers ? `${workers} worker thread(s)` : 'one thread'}`;
    if (!run.ok) {
      rows.push({ name: label, value: 0, unit: '', note: `FAILED: ${run.stderr.slice(-200)}` });
      continue;
    }
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      ms: number[];
      lines: string[];
    };
    const sorted = [...out.ms].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    rows.push({
      name: `${label}: save -> written (median of ${EDITS})`,
      value: Math.round(median),
      unit: 'ms',
      note: `all: ${out.ms.map((m) => Math.round(m)).join(', ')} ms; peak RSS ${Math.round(run.rssMiB ?? NaN)} MiB`,
    });
    for (const line of out.lines) {
      const match = /^(\S+)\s+(\d+) ms/.exec(line);
      if (match && match[1] !== 'total')
        rows.push({
          name: `  stage ${match[1]} (last rerun)`,
          value: Number(match[2]),
          unit: 'ms',
        });
    }
    if (workers === watchWorkerCount(defaultWorkerCount()))
      targets.push({
        name: 'Car Owner edit loop (one property, --watch) <= 1 s',
        ratio: median / 1000,
        limit: 1,
        detail: `${Math.round(median)} ms / 1000 ms`,
      });
  }
  fs.rmSync(base, { recursive: true, force: true });
  return {
    section: { title: `Edit loop: Car Owner, --watch, one property of ${SCHEMA} per save`, rows },
    targets,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printSection } = await import('./table.ts');
  const { printTargets } = await import('./targets.ts');
  const { section, targets } = runEditLoopBench();
  printSection(section.title, section.rows);
  printTargets(targets);
}
