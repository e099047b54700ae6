/** run-memo.ts: what a run uses is kept for the next; what a run did not use is gone after it. */
import { describe, expect, it } from 'vitest';
import { RunMemo } from '../../scripts/pipeline/run-memo.ts';

describe('RunMemo', () => {
  it('keeps a value while runs use it and lets it go after a run that does not', () => {
    const memo = new RunMemo<string>();
    let made = 0;
    const make = () => `value ${++made}`;
    expect(memo.get('a', make)).toBe('value 1');
    memo.endRun();
    expect(memo.get('a', make)).toBe('value 1'); // used again: kept
    memo.endRun();
    expect(memo.take('a')).toBe('value 1'); // the next run may still use it
    memo.endRun();
    memo.endRun(); // a run that did not use it
    expect(memo.take('a')).toBeUndefined();
    expect(memo.get('a', make)).toBe('value 2');
  });
});
