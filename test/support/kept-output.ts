/** For the `--watch` memo tests: a run that keeps output must print what a fresh run prints. */
import { expect } from 'vitest';

type Files = readonly { path: string; content: string }[];
export const byPath = (files: Files) => new Map(files.map((f) => [f.path, f.content]));

/** Applies `edit`, then expects `keeping()` to print exactly `fresh()`'s files; returns them. */
export function expectKeptEqualsFresh(
  edit: () => void,
  keeping: () => Files,
  fresh: () => Files,
): Map<string, string> {
  edit();
  const kept = byPath(keeping());
  const expected = byPath(fresh());
  expect([...kept.keys()]).toEqual([...expected.keys()]);
  for (const [file, text] of expected) expect(kept.get(file), file).toBe(text);
  return kept;
}
