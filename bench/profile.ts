/**
 * Where `pnpm generate`'s time goes, per stage: runs the pipeline once per stage (`--only <stage>`,
 * cache off) under `node --cpu-prof`, then sums each profile's self time by where the code lives
 * (a package under node_modules, a file under scripts/, Node internals, GC) and prints the top
 * entries. Every run includes start-up and lint+bundle; the `lint+bundle` run alone shows that
 * share, so a stage's own cost is its run minus that one.
 *   tsx bench/profile.ts [car-owner|stripe|github] [--top 12] [--keep DIR]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../scripts/real-world/setup.ts';
import { generateNodeFlags } from './generate-flags.ts';
import { caseFor, type CaseName } from './pipeline-cases.ts';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: `pkg:<name>`, a repository path, `node:internal` or a V8 bucket. */
export function place(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `pkg:${pkg[1]}`;
  if (file.startsWith('node:')) return 'node:internal';
  const rel = path.relative(REPO_ROOT, file);
  return rel.startsWith('..') ? file : rel;
}

/** Self time (ms) per place, largest first. */
export function summarize(profile: CpuProfile): { place: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const key = place(node.callFrame.url, node.callFrame.functionName);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([p, ms]) => ({ place: p, ms })).sort((a, b) => b.ms - a.ms);
}

const STAGES = ['lint+bundle', 'bundle', 'client-types', 'validators', 'mock', 'docs'];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '12' }, keep: { type: 'string' } },
    allowPositionals: true,
  });
  const name = (positionals[0] ?? 'car-owner') as CaseName;
  const base = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
  const c = caseFor(name, base);
  for (const stage of STAGES) {
    const dir = path.join(base, 'profiles', stage);
    fs.rmSync(dir, { recursive: true, force: true });
    const only = stage === 'lint+bundle' ? 'none' : stage;
    const args = [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      ...generateNodeFlags(),
      path.join(REPO_ROOT, 'bench/pipeline-child.ts'),
      c.root,
      ...(c.thirdParty ? ['--third-party'] : []),
      '--only',
      only,
    ];
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
    const wall = performance.now() - start;
    if (run.status !== 0) {
      console.log(`\n## ${stage}: FAILED\n${run.stderr.slice(-2000)}`);
      continue;
    }
    const lines = (JSON.parse(run.stdout.trim().split('\n').pop()!) as { lines: string[] }).lines;
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const rows = summarize(profile);
    const sampled = rows.reduce((sum, r) => sum + r.ms, 0);
    console.log(`\n## ${name}, --only ${only}: ${Math.round(wall)} ms wall, ${lines.join('; ')}`);
    for (const r of rows.slice(0, Number(values.top)))
      console.log(
        `${r.place.padEnd(64)}${String(Math.round(r.ms)).padStart(7)} ms ${((100 * r.ms) / sampled).toFixed(0).padStart(3)}%`,
      );
  }
  if (!values.keep) fs.rmSync(base, { recursive: true, force: true });
  else console.log(`\nprofiles kept in ${base}/profiles (open them in Chrome DevTools)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
