/**
 * Pipeline bench: for the Car Owner spec and the large real-world fixture (Stripe, read from
 * ../shared at bench time), each stage's time, the whole pipeline's, the no-op rerun, peak memory
 * and the type-check of the generated packages, beside the peers doing the same job in the same
 * run (bench/peers.ts). Every tool runs as its own child process. Run: `tsx bench/pipeline.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/real-world/setup.ts';
import { TYPE_CHECKED } from '../scripts/real-world/index.ts';
import { TSC, tsconfigFor } from '../scripts/real-world/typecheck.ts';
import { measure, type Measured } from './measure.ts';
import { carOwnerCase, STRIPE, stripeCase, type Case } from './pipeline-cases.ts';
import { peersFor, type Job } from './peers.ts';
import type { Row } from './table.ts';

const CHILD = path.join(REPO_ROOT, 'bench/pipeline-child.ts');
const JOB_STAGE: Record<Job, string> = {
  types: 'client-types',
  validators: 'validators',
  docs: 'docs',
};

export interface Section {
  title: string;
  rows: Row[];
}

interface ChildOutput {
  lines: string[];
  ms: number;
  noopMs?: number;
}

const mib = (m: Measured) => Math.round(m.rssMiB ?? Number.NaN);
const ms = (n: number) => Math.round(n);
/** Why a child failed: its first error-looking line (or its last line). */
const failed = (m: Measured) => {
  if (m.ok) return undefined;
  const lines = `${m.stderr}\n${m.stdout}`.split('\n').filter((l) => l.trim());
  const line = lines.find((l) => /heap out of memory|error|🛑/i.test(l)) ?? lines.pop() ?? '';
  return `FAILED: ${line.trim().slice(0, 120)}`;
};

function ours(c: Case, extra: string[]): { run: Measured; out: ChildOutput | undefined } {
  const args = ['--import', 'tsx', CHILD, c.root, ...(c.thirdParty ? ['--third-party'] : [])];
  const run = measure(process.execPath, [...args, ...extra], REPO_ROOT);
  const json = run.stdout.trim().split('\n').pop() ?? '';
  return { run, out: run.ok ? (JSON.parse(json) as ChildOutput) : undefined };
}

function tsc(root: string, include: readonly string[]): Measured {
  return measure(
    process.execPath,
    [TSC, '-p', tsconfigFor(root, include), '--pretty', 'false'],
    root,
  );
}

function benchCase(c: Case): Row[] {
  const rows: Row[] = [];
  const whole = ours(c, ['--rerun']);
  if (!whole.out)
    return [{ name: 'ours: whole pipeline', value: 0, unit: '', note: failed(whole.run) }];
  rows.push({
    name: 'ours: whole pipeline, cold (child process)',
    value: ms(whole.run.ms),
    unit: 'ms',
    note: `peak RSS ${mib(whole.run)} MiB`,
  });
  for (const line of whole.out.lines) {
    const match = /^(\S+)\s+(\d+) ms/.exec(line);
    if (match && match[1] !== 'total')
      rows.push({ name: `  stage ${match[1]} (in-process)`, value: Number(match[2]), unit: 'ms' });
  }
  rows.push({
    name: 'ours: no-op rerun (hashing only)',
    value: ms(whole.out.noopMs ?? 0),
    unit: 'ms',
  });
  const ourCheck = tsc(c.root, TYPE_CHECKED);
  rows.push({
    name: 'ours: type-check client types + validators',
    value: ms(ourCheck.ms),
    unit: 'ms',
    note: failed(ourCheck) ?? `peak RSS ${mib(ourCheck)} MiB`,
  });

  const peers = peersFor(c.spec, path.join(c.root, 'peers'));
  const jobs = new Map<Job, Measured>();
  let peerTotal = 0;
  let peerPeak = 0;
  const peerFailures: string[] = [];
  for (const peer of peers) {
    if (!jobs.has(peer.job)) {
      const job = ours(c, ['--only', JOB_STAGE[peer.job]]).run;
      jobs.set(peer.job, job);
      rows.push({
        name: `${peer.job}: ours (lint+bundle + ${JOB_STAGE[peer.job]})`,
        value: ms(job.ms),
        unit: 'ms',
        note: failed(job) ?? `peak RSS ${mib(job)} MiB`,
      });
    }
    const job = jobs.get(peer.job)!;
    const run = measure(peer.command, peer.args, peer.cwd);
    if (run.ok) {
      peerTotal += run.ms;
      peerPeak = Math.max(peerPeak, run.rssMiB ?? 0);
    } else peerFailures.push(peer.name);
    rows.push({
      name: `${peer.job}: ${peer.name}`,
      value: ms(run.ms),
      unit: 'ms',
      ratio: job.ms / run.ms,
      note:
        failed(run) ??
        `peak RSS ${mib(run)} MiB (ours/peer ${((job.rssMiB ?? 0) / (run.rssMiB ?? 1)).toFixed(2)}x)`,
    });
    if (peer.typeCheck && run.ok) {
      const check = tsc(peer.cwd, peer.typeCheck);
      rows.push({
        name: `  type-check ${peer.name} output`,
        value: ms(check.ms),
        unit: 'ms',
        ratio: ourCheck.ms / check.ms,
        note: check.ok ? undefined : 'tsc reports errors',
      });
    }
  }
  const failures = peerFailures.length ? `; failed, not counted: ${peerFailures.join(', ')}` : '';
  rows.push({
    name: 'the peers that succeeded, one after another',
    value: ms(peerTotal),
    unit: 'ms',
    ratio: whole.run.ms / peerTotal,
    note: `largest peak RSS ${Math.round(peerPeak)} MiB (ours/peer ${((whole.run.rssMiB ?? 0) / peerPeak).toFixed(2)}x)${failures}`,
  });
  return rows;
}

export async function runPipelineBench(): Promise<Section[]> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  const node = measure(process.execPath, ['-e', '0'], REPO_ROOT);
  const withTsx = measure(process.execPath, ['--import', 'tsx', '-e', '0'], REPO_ROOT);
  const startup: Section = {
    title: 'Pipeline: process start-up, included in every child below',
    rows: [
      { name: 'node -e 0', value: ms(node.ms), unit: 'ms' },
      { name: 'node --import tsx -e 0 (how ours starts)', value: ms(withTsx.ms), unit: 'ms' },
    ],
  };
  const sections = [startup];
  const cases = [carOwnerCase(base)];
  const large = process.env.BENCH_LARGE_SPEC !== 'none' && fs.existsSync(STRIPE);
  if (large) cases.push(stripeCase(base));
  for (const c of cases)
    sections.push({ title: `Pipeline: ${c.title}; ratio = ours / peer`, rows: benchCase(c) });
  if (!large)
    sections.push({
      title: `Pipeline: large spec skipped (BENCH_LARGE_SPEC=none, or ${STRIPE} not found)`,
      rows: [],
    });
  fs.rmSync(base, { recursive: true, force: true });
  return sections;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printSection } = await import('./table.ts');
  for (const section of await runPipelineBench()) printSection(section.title, section.rows);
}
