/**
 * Pipeline bench: per spec (Car Owner; Stripe, read from ../shared at bench time; GitHub's REST
 * spec, fetched on demand into the corpus cache), the whole pipeline cold — in one thread and with
 * `pnpm generate`'s worker threads — each stage's time, the no-op rerun, peak memory and the
 * type-check of the generated packages, beside the peers doing the same job in the same run
 * (bench/peers.ts). Every tool runs as its own child process.
 *   tsx bench/pipeline.ts [car-owner] [stripe] [github]      (default: all three)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST } from '../scripts/pipeline/cache.ts';
// built once per install (scripts/pipeline/redocly-core.ts), here rather than in a timed run
import '../scripts/pipeline/redocly-core.ts';
import { defaultWorkerCount, resolveWorkers } from '../scripts/pipeline/stage-pool.ts';
import { REPO_ROOT } from '../scripts/real-world/setup.ts';
import { thirdPartyStages } from '../scripts/stages/index.ts';
import { TYPE_CHECKED } from '../scripts/real-world/index.ts';
import { TSC, tsconfigFor } from '../scripts/real-world/typecheck.ts';
import { measure, type Measured } from './measure.ts';
import { CASE_NAMES, caseFor, STRIPE, type Case, type CaseName } from './pipeline-cases.ts';
import { generateNodeFlags } from './generate-flags.ts';
import { peersFor, type Job, type Peer } from './peers.ts';
import type { Row } from './table.ts';
import type { Target } from './targets.ts';

const CHILD = path.join(REPO_ROOT, 'bench/pipeline-child.ts');
const thirdPartyNames = thirdPartyStages({ warn: () => {} }).map((s) => s.name);
const JOB_STAGE: Record<Job, string> = {
  types: 'client-types',
  validators: 'validators',
  docs: 'docs',
};
/** The per-job limit of issue 12 (ours / peer). */
const JOB_LIMIT: Record<Job, number> = { types: 1, validators: 1, docs: 1.5 };

export interface Section {
  title: string;
  rows: Row[];
}

interface ChildOutput {
  lines: string[];
  ms: number;
  noopMs?: number;
}

/**
 * What each spec measures: GitHub's is too large for orval (and per-job reruns) on 2 cores.
 * `repeats`: the whole pipeline and each job, ours and the peer's, run that many times (a job
 * and its peer alternating), and the median run counts: the peers' own times moved by a fifth
 * between runs on the shared cores (Stripe's chain 12.0 to 17.6 s over runs 10 to 14), which
 * flipped targets both ways. GitHub runs once (a whole run is 20-30 s).
 */
const PLAN: Record<
  CaseName,
  { jobs: boolean; repeats: number; peers: (p: Peer) => boolean; label: string }
> = {
  'car-owner': { jobs: true, repeats: 3, peers: () => true, label: 'Car Owner' },
  stripe: { jobs: true, repeats: 3, peers: (p) => !p.name.startsWith('orval'), label: 'Stripe' },
  github: { jobs: false, repeats: 1, peers: (p) => !p.name.startsWith('orval'), label: 'GitHub' },
};

/** The run of median time (the lower middle one of an even count). */
function median(runs: readonly Measured[]): Measured {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
}
const times = (runs: readonly Measured[]) =>
  runs.length > 1 ? `; median of ${runs.map((r) => ms(r.ms)).join(', ')} ms` : '';

const mib = (m: Measured) => Math.round(m.rssMiB ?? Number.NaN);
const ms = (n: number) => Math.round(n);
/** Why a child failed: its first error-looking line (or its last line). */
const failed = (m: Measured) => {
  if (m.ok) return undefined;
  const lines = `${m.stderr}\n${m.stdout}`.split('\n').filter((l) => l.trim());
  const line = lines.find((l) => /heap out of memory|error|🛑/i.test(l)) ?? lines.pop() ?? '';
  return `FAILED: ${line.trim().slice(0, 120)}`;
};

/** Forgets the last run (its manifest), so the next run is cold: every stage runs, nothing is reused. */
const forget = (c: Case) => fs.rmSync(path.join(c.root, MANIFEST), { force: true });

function ours(c: Case, extra: string[]): { run: Measured; out: ChildOutput | undefined } {
  const args = [...generateNodeFlags(), CHILD, c.root, ...(c.thirdParty ? ['--third-party'] : [])];
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

/**
 * What an app's `tsc` pays for the packages as published: their declarations (the packages ship
 * `.d.ts` built by `tsc`, scripts/release/build-package.ts) read by a file that imports the
 * client types, every validator and the operations table, with the app settings of
 * tsconfig.base.json (`skipLibCheck`). The declaration build is a release cost, shown beside it.
 */
function appView(root: string): Row[] {
  const out = path.join(root, '.bench-declarations');
  fs.rmSync(out, { recursive: true, force: true });
  const config = tsconfigFor(root, TYPE_CHECKED);
  const json = JSON.parse(fs.readFileSync(config, 'utf8')) as { compilerOptions: object };
  json.compilerOptions = {
    ...json.compilerOptions,
    noEmit: false,
    emitDeclarationOnly: true,
    outDir: out,
    rootDir: path.join(root, 'packages'),
  };
  const buildConfig = path.join(root, 'tsconfig.bench-declarations.json');
  fs.writeFileSync(buildConfig, JSON.stringify(json));
  const build = measure(process.execPath, [TSC, '-p', buildConfig, '--pretty', 'false'], root);
  const app = path.join(root, 'bench-app.ts');
  const at = (file: string) => `./${path.relative(root, path.join(out, file))}`;
  fs.writeFileSync(
    app,
    [
      `import type { paths, components } from '${at('client/src/generated/openapi.js')}';`,
      `import * as validators from '${at('validators/src/generated/index.js')}';`,
      `import { operationValidators } from '${at('validators/src/generated/operations.js')}';`,
      `export type Used = [paths, components, typeof validators, typeof operationValidators];`,
      `export const parsed = Object.values(operationValidators).map((op) => op.responses);`,
      '',
    ].join('\n'),
  );
  const check = build.ok ? tsc(root, ['bench-app.ts']) : build;
  return [
    {
      name: '  declarations of client types + validators (release build)',
      value: ms(build.ms),
      unit: 'ms',
      note: failed(build) ?? `peak RSS ${mib(build)} MiB`,
    },
    {
      name: '  type-check of an app importing them (declarations)',
      value: ms(check.ms),
      unit: 'ms',
      note: failed(check) ?? `peak RSS ${mib(check)} MiB`,
    },
  ];
}

function benchCase(name: CaseName, c: Case): { rows: Row[]; targets: Target[] } {
  const plan = PLAN[name];
  const rows: Row[] = [];
  const targets: Target[] = [];
  // as `pnpm generate` decides (MINBIL_GENERATE_WORKERS, else by the size of the root document)
  const workers = resolveWorkers(defaultWorkerCount(), [c.spec]);
  const other = workers ? 0 : 1;
  const threads = (n: number) => (n ? `${n} worker thread(s)` : 'one thread');
  // the other thread setting first; its manifest is removed before the next run, so both are cold
  const alt = name !== 'github' ? ours(c, ['--workers', String(other)]) : undefined;
  forget(c);
  let whole = ours(c, ['--rerun', '--workers', String(workers)]);
  let partial: string | undefined;
  if (!whole.out) {
    // a stage that throws on this spec: say so, then measure the others (marked as partial)
    const stage = /SpecError: [^\n]*\n([\w-]+): /.exec(whole.run.stderr);
    const names = thirdPartyNames.filter((n) => n !== stage?.[1]);
    rows.push({ name: 'ours: whole pipeline', value: 0, unit: '', note: failed(whole.run) });
    if (!stage || names.length === thirdPartyNames.length) return { rows, targets };
    partial = `without ${stage[1]}, which fails on this spec`;
    forget(c);
    whole = ours(c, ['--workers', String(workers), '--only', names.join(',')]);
    if (!whole.out) {
      rows.push({ name: `ours: ${partial}`, value: 0, unit: '', note: failed(whole.run) });
      return { rows, targets };
    }
  }
  // the first run's process also made the no-op rerun (reported on its own row): its cold run
  // is the process's time without it (on GitHub, measured once, the rerun was 0.2 s of it)
  const rerunMs = whole.out?.noopMs;
  if (rerunMs !== undefined && !partial)
    whole = { ...whole, run: { ...whole.run, ms: whole.run.ms - rerunMs } };
  // more cold runs as `pnpm generate` runs it: the median time counts (its stage lines with
  // it), the largest peak memory, and the first run's no-op rerun
  const wholeRuns = [whole];
  for (let i = 1; i < plan.repeats && !partial; i++) {
    forget(c);
    const again = ours(c, ['--workers', String(workers)]);
    if (again.out) wholeRuns.push(again);
  }
  const chosen = wholeRuns.find((r) => r.run === median(wholeRuns.map((w) => w.run)))!;
  const wholeOut: ChildOutput = { ...chosen.out!, noopMs: rerunMs };
  whole = {
    run: { ...chosen.run, rssMiB: Math.max(...wholeRuns.map((r) => r.run.rssMiB ?? 0)) },
    out: wholeOut,
  };
  const wholeTimes = times(wholeRuns.map((r) => r.run));
  if (alt)
    rows.push({
      name: `ours: whole pipeline, cold, ${threads(other)}`,
      value: ms(alt.run.ms),
      unit: 'ms',
      note: failed(alt.run) ?? `peak RSS ${mib(alt.run)} MiB`,
    });
  rows.push({
    name: `ours: whole pipeline, cold, ${threads(workers)}${partial ? ` ${partial}` : ' (pnpm generate)'}`,
    value: ms(whole.run.ms),
    unit: 'ms',
    ratio: alt ? whole.run.ms / alt.run.ms : undefined,
    note: `${alt ? `vs ${threads(other)}; ` : ''}peak RSS ${mib(whole.run)} MiB${wholeTimes}`,
  });
  for (const line of wholeOut.lines) {
    const match = /^(\S+)\s+(\d+) ms/.exec(line);
    if (match && match[1] !== 'total')
      rows.push({ name: `  stage ${match[1]} (in-process)`, value: Number(match[2]), unit: 'ms' });
  }
  if (wholeOut.noopMs !== undefined)
    rows.push({
      name: 'ours: no-op rerun (hashing only)',
      value: ms(wholeOut.noopMs),
      unit: 'ms',
    });
  const ourCheck = tsc(c.root, TYPE_CHECKED);
  rows.push({
    name: 'ours: type-check client types + validators',
    value: ms(ourCheck.ms),
    unit: 'ms',
    note: failed(ourCheck) ?? `peak RSS ${mib(ourCheck)} MiB`,
  });
  rows.push(...appView(c.root));
  if (c.thirdParty) {
    // third-party mode emits the validators' Zod Mini build only on request (`--spec … --mini`);
    // one run with it, after the type-checks above (they read what is on disk), for the record
    forget(c);
    const withMini = ours(c, ['--mini', '--workers', String(workers)]);
    rows.push({
      name: 'ours: whole pipeline, cold, with --mini (the Zod Mini build too)',
      value: ms(withMini.run.ms),
      unit: 'ms',
      ratio: withMini.run.ms / whole.run.ms,
      // on the output the runs above left, so its unchanged files are hard-linked, not created
      note: failed(withMini.run) ?? `vs without (warm root); peak RSS ${mib(withMini.run)} MiB`,
    });
  }

  const peers = peersFor(c.spec, path.join(c.root, 'peers')).filter(plan.peers);
  const jobs = new Map<Job, Measured>();
  let peerTotal = 0;
  let peerPeak = 0;
  const peerFailures: string[] = [];
  const skipped = peersFor(c.spec, path.join(c.root, 'peers-skipped'))
    .filter((p) => !plan.peers(p))
    .map((p) => p.name);
  for (const peer of peers) {
    // ours and the peer alternate, so a slow spell on the shared cores hits both
    const ourRuns: Measured[] = [];
    const peerRuns: Measured[] = [];
    for (let i = 0; i < plan.repeats; i++) {
      if (plan.jobs && !jobs.has(peer.job))
        ourRuns.push(ours(c, ['--only', JOB_STAGE[peer.job]]).run);
      peerRuns.push(measure(peer.command, peer.args, peer.cwd));
    }
    if (ourRuns.length) {
      const job = median(ourRuns);
      jobs.set(peer.job, job);
      rows.push({
        name: `${peer.job}: ours (lint+bundle + ${JOB_STAGE[peer.job]})`,
        value: ms(job.ms),
        unit: 'ms',
        note: failed(job) ?? `peak RSS ${mib(job)} MiB${times(ourRuns)}`,
      });
    }
    const job = jobs.get(peer.job);
    const run = peerRuns.some((r) => !r.ok) ? peerRuns.find((r) => !r.ok)! : median(peerRuns);
    if (run.ok) {
      peerTotal += run.ms;
      peerPeak = Math.max(peerPeak, run.rssMiB ?? 0);
    } else peerFailures.push(peer.name);
    rows.push({
      name: `${peer.job}: ${peer.name}`,
      value: ms(run.ms),
      unit: 'ms',
      ratio: job ? job.ms / run.ms : undefined,
      note:
        failed(run) ??
        `peak RSS ${mib(run)} MiB${job ? ` (ours/peer ${((job.rssMiB ?? 0) / (run.rssMiB ?? 1)).toFixed(2)}x)` : ''}${times(peerRuns)}`,
    });
    const first = [...peers].find((p) => p.job === peer.job) === peer;
    if (job && run.ok && first)
      targets.push({
        name: `${plan.label} ${peer.job} <= ${JOB_LIMIT[peer.job]}x ${peer.name}`,
        ratio: job.ms / run.ms,
        limit: JOB_LIMIT[peer.job],
        detail: `${ms(job.ms)} ms / ${ms(run.ms)} ms`,
      });
    if (peer.name.startsWith('Hey API') && run.ok && name === 'github') {
      targets.push({
        name: `GitHub whole pipeline <= 1x Hey API's time`,
        ratio: partial ? Number.NaN : whole.run.ms / run.ms,
        limit: 1,
        detail: `${ms(whole.run.ms)} ms${partial ? ` ${partial}` : ''} / ${ms(run.ms)} ms`,
      });
    }
    if (peer.typeCheck && run.ok) {
      const check = tsc(peer.cwd, peer.typeCheck);
      rows.push({
        name: `  type-check ${peer.name} output`,
        value: ms(check.ms),
        unit: 'ms',
        ratio: ourCheck.ms / check.ms,
        note: check.ok ? undefined : 'tsc reports errors',
      });
      if (peer.name.startsWith('Hey API'))
        targets.push({
          name: `${plan.label} type-check <= 1x Hey API's output`,
          ratio: ourCheck.ms / check.ms,
          limit: 1,
          detail: `${ms(ourCheck.ms)} ms / ${ms(check.ms)} ms${ourCheck.ok ? '' : ' (ours has errors)'}`,
        });
      if (peer.name.startsWith('openapi-typescript'))
        targets.push({
          name: `${plan.label} type-check <= 2x openapi-typescript's output (aim)`,
          ratio: ourCheck.ms / check.ms,
          limit: 2,
          detail: `${ms(ourCheck.ms)} ms / ${ms(check.ms)} ms`,
        });
    }
  }
  const failures = peerFailures.length ? `; failed, not counted: ${peerFailures.join(', ')}` : '';
  const notRun = skipped.length ? `; not run on this spec: ${skipped.join(', ')}` : '';
  rows.push({
    name: 'the peers that succeeded, one after another',
    value: ms(peerTotal),
    unit: 'ms',
    ratio: whole.run.ms / peerTotal,
    note: `largest peak RSS ${Math.round(peerPeak)} MiB (ours/peer ${((whole.run.rssMiB ?? 0) / peerPeak).toFixed(2)}x)${failures}${notRun}`,
  });
  if (name !== 'github')
    targets.push({
      name: `${plan.label} whole pipeline cold <= 1x the peers one after another`,
      ratio: whole.run.ms / peerTotal,
      limit: 1,
      detail: `${ms(whole.run.ms)} ms / ${ms(peerTotal)} ms${failures}${notRun}`,
    });
  if (name === 'car-owner')
    targets.push({
      name: `Car Owner whole pipeline peak RSS <= 1.5x the largest peer's`,
      ratio: (whole.run.rssMiB ?? NaN) / peerPeak,
      limit: 1.5,
      detail: `${mib(whole.run)} MiB / ${Math.round(peerPeak)} MiB`,
    });
  if (name === 'github')
    targets.push({
      name: 'GitHub whole pipeline peak RSS <= 1 GiB',
      ratio: partial ? Number.NaN : (whole.run.rssMiB ?? NaN) / 1024,
      limit: 1,
      detail: `${mib(whole.run)} MiB${partial ? ` ${partial}` : ''} / 1024 MiB`,
    });
  return { rows, targets };
}

/** The specs to run: the arguments, else `BENCH_SPECS` (comma-separated), else all three. */
export function selectedCases(argv: readonly string[] = []): CaseName[] {
  const named = argv.length ? argv : (process.env.BENCH_SPECS?.split(',').filter(Boolean) ?? []);
  const names = (named.length ? named : CASE_NAMES) as CaseName[];
  for (const n of names)
    if (!CASE_NAMES.includes(n))
      throw new Error(`unknown spec "${n}" (known: ${CASE_NAMES.join(', ')})`);
  return names.filter((n) => n !== 'stripe' || process.env.BENCH_LARGE_SPEC !== 'none');
}

/** Runs the specs in turn; `onSection` sees each section as soon as it is measured. */
export async function runPipelineBench(
  names: readonly CaseName[] = selectedCases(),
  onSection: (section: Section) => void = () => {},
): Promise<{ sections: Section[]; targets: Target[] }> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  const node = measure(process.execPath, ['-e', '0'], REPO_ROOT);
  const flags = generateNodeFlags();
  const withTsx = measure(process.execPath, [...flags, '-e', '0'], REPO_ROOT);
  const sections: Section[] = [
    {
      title: 'Pipeline: process start-up, included in every child below',
      rows: [
        { name: 'node -e 0', value: ms(node.ms), unit: 'ms' },
        {
          name: `node ${flags.join(' ')} -e 0 (how ours starts)`,
          value: ms(withTsx.ms),
          unit: 'ms',
        },
      ],
    },
  ];
  onSection(sections[0]!);
  const targets: Target[] = [];
  for (const name of names) {
    if (name === 'stripe' && !fs.existsSync(STRIPE)) {
      sections.push({
        title: `Pipeline: Stripe skipped (${STRIPE} not found; its targets are not measured)`,
        rows: [],
      });
      onSection(sections.at(-1)!);
      continue;
    }
    const c = caseFor(name, base);
    const result = benchCase(name, c);
    sections.push({ title: `Pipeline: ${c.title}; ratio = ours / peer`, rows: result.rows });
    onSection(sections.at(-1)!);
    targets.push(...result.targets);
    fs.rmSync(c.root, { recursive: true, force: true });
  }
  fs.rmSync(base, { recursive: true, force: true });
  return { sections, targets };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printSection } = await import('./table.ts');
  const { printTargets } = await import('./targets.ts');
  const { targets } = await runPipelineBench(selectedCases(process.argv.slice(2)), (section) =>
    printSection(section.title, section.rows),
  );
  printTargets(targets);
}
