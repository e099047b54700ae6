/**
 * Once a run's process holds a lot of memory, V8 is asked to let each heap grow by at most half
 * of what a full collection left live (`--heap-growing-percent=50`; a V8 flag is process-wide,
 * so the worker threads get it too). By default V8 grows a heap up to 4 times its live size
 * while a program allocates fast: on GitHub's REST spec each thread's heap reached about 710 MB
 * over a live set of 260 MB. Measured (bench/README.md): GitHub's peak 1,263 -> 988 MiB for
 * 5-15% more time.
 *
 * The limit costs time wherever it applies (Stripe's types job: about 5%; Car Owner's jobs:
 * about 10%), and saves memory only where heaps are large. So it is decided by what the process
 * holds, not by the spec's size: checked after lint+bundle, after each stage (in whichever
 * thread ran it) and after every 8 MiB of a stage's finished output (the docs render their
 * pages as they are finished), it is set the first time the resident set is past
 * LARGE_RSS_BYTES. GitHub's
 * spec passes that during the lint (473 MiB), Stripe's whole pipeline during its stages; a
 * single stage of Stripe's (its types job peaks near 290 MiB) and every Car Owner job keep V8's
 * default. It is a soft limit: a larger spec still gets what it needs. A
 * `--heap-growing-percent` the process was started with is left as it is.
 */
import v8 from 'node:v8';

const FLAG = '--heap-growing-percent';

/** Resident memory past which heaps are kept near their live size. */
export const LARGE_RSS_BYTES = 384 * 1024 * 1024;

/** The flag a process holding `rssBytes` sets, given its own flags. */
export function heapGrowthFlag(rssBytes: number, given: readonly string[]): string | undefined {
  if (rssBytes < LARGE_RSS_BYTES || given.some((arg) => arg.startsWith(FLAG))) return undefined;
  return `${FLAG}=50`;
}

let applied = false;

/** Sets heapGrowthFlag's flag for this process, once, when it holds `rssBytes` (default: its RSS). */
export function limitHeapGrowthIfLarge(rssBytes?: number): void {
  // checked often (every 8 MiB of output): nothing is read once the flag is set
  if (applied) return;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flag = heapGrowthFlag(rssBytes ?? process.memoryUsage.rss(), given);
  if (!flag) return;
  applied = true;
  v8.setFlagsFromString(flag);
}
