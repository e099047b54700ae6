// A run whose process holds a lot of memory keeps each heap nearer what is live (heap-growth.ts);
// a small one, and a process started with its own --heap-growing-percent, keep V8's default.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { heapGrowthFlag, LARGE_RSS_BYTES } from '../../scripts/pipeline/heap-growth.ts';

/**
 * Peak heap (MB) of a child that keeps about 50 MB live while it churns garbage. The child
 * collects in one thread (`--single-threaded-gc`): with V8's helper threads, how far the heap
 * overshoots depends on how busy the machine is (the full suite beside it), not only on the
 * growth limit.
 */
function peakHeap(rssBytes: number): number {
  const script = `
    const v8 = await import('node:v8');
    const { limitHeapGrowthIfLarge } = await import(${JSON.stringify(new URL('../../scripts/pipeline/heap-growth.ts', import.meta.url).href)});
    limitHeapGrowthIfLarge(${rssBytes});
    const live = [];
    let peak = 0;
    for (let round = 0; round < 60; round++) {
      live.push(Array.from({ length: 20000 }, (_, i) => ({ i, s: 'x'.repeat(64) + i })));
      if (live.length > 12) live.shift();
      for (let j = 0; j < 20; j++) Array.from({ length: 20000 }, (_, i) => ({ i, s: 'y'.repeat(64) + i }));
      peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
    }
    console.log(Math.round(peak / 1048576));`;
  const run = spawnSync(
    process.execPath,
    ['--single-threaded-gc', '--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
    },
  );
  expect(run.stderr).toBe('');
  return Number(run.stdout.trim());
}

describe('heap growth in a process that holds a lot', () => {
  it('is limited from 384 MiB resident, unless the process set it itself', () => {
    expect(heapGrowthFlag(LARGE_RSS_BYTES - 1, [])).toBeUndefined();
    expect(heapGrowthFlag(LARGE_RSS_BYTES, [])).toBe('--heap-growing-percent=50');
    expect(heapGrowthFlag(LARGE_RSS_BYTES, ['--heap-growing-percent=20'])).toBeUndefined();
  });

  it('keeps the heap well below what V8 grows to by default', () => {
    const limited = peakHeap(LARGE_RSS_BYTES);
    const free = peakHeap(LARGE_RSS_BYTES - 1);
    expect(limited).toBeGreaterThan(100); // the live set is there
    expect(limited).toBeLessThan(free * 0.8);
  }, 60_000);
});
