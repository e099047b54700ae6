/**
 * For a large spec, V8 is asked to let each heap grow by at most half of what a full collection
 * left live (`--heap-growing-percent=50`; a V8 flag is process-wide, so the worker threads get it
 * too). By default V8 grows a heap up to 4 times its live size while a program allocates fast:
 * on GitHub's REST spec each thread's heap reached about 710 MB over a live set of 260 MB.
 * Measured (bench/README.md): GitHub's peak 1,263 -> 988 MiB for 5-15% more time, Stripe's
 * 995 -> 790 MiB for about 10%; on Car Owner (a small heap) it only cost time, about 10%, so a
 * small spec keeps V8's default. It is a soft limit: a larger spec still gets what it needs.
 * A `--heap-growing-percent` the process was started with is left as it is.
 */
import v8 from 'node:v8';
import { LARGE_SPEC_BYTES } from './stage-pool.ts';

const FLAG = '--heap-growing-percent';

/** The flag a run over root documents of `rootBytes` sets, given the process's own flags. */
export function heapGrowthFlag(rootBytes: number, given: readonly string[]): string | undefined {
  if (rootBytes < LARGE_SPEC_BYTES || given.some((arg) => arg.startsWith(FLAG))) return undefined;
  return `${FLAG}=50`;
}

let applied = false;

/** Sets heapGrowthFlag's flag for this process, once (the first large run decides). */
export function limitHeapGrowthFor(rootBytes: number): void {
  if (applied) return;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flag = heapGrowthFlag(rootBytes, given);
  if (!flag) return;
  applied = true;
  v8.setFlagsFromString(flag);
}
