/**
 * One input problem, located in the file a person edits, and its one printed line:
 *   `openapi/paths/profile.yaml:12:7 no-unresolved-refs $ref 'x.yaml' … — did you mean 'y.yaml'?`
 * The path is relative to the repository; the offending value is in the message; the text after
 * ` — ` says how to fix it. Secret values are never put in a message (see secrets.ts).
 */
import path from 'node:path';

export interface Problem {
  /** Absolute path of the file. */
  file: string;
  line: number;
  col: number;
  /** Rule id, e.g. `no-unresolved-refs`, `yaml-duplicate-key`, `house/no-secrets`. */
  rule: string;
  message: string;
  fix: string;
  severity?: 'error' | 'warning';
}

/** `file:line:col rule message — fix` (warnings say so after the rule). */
export function formatProblem(problem: Problem, repoRoot: string): string {
  const file = path.relative(repoRoot, problem.file).split(path.sep).join('/') || problem.file;
  const rule = problem.severity === 'warning' ? `${problem.rule} (warning)` : problem.rule;
  const message = problem.message.replace(/\s*\n\s*/g, ' ').trim();
  return `${file}:${problem.line}:${problem.col} ${rule} ${message} — ${problem.fix}`;
}

/**
 * Formatted lines, one per problem: two rules reporting the same spot (Redocly's markdown rule
 * and the house active-content rule on one description) are one problem, printed once.
 */
export function formatProblems(problems: readonly Problem[], repoRoot: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const p of problems) {
    const spot = `${p.file}:${p.line}:${p.col}`;
    if (seen.has(spot)) continue;
    seen.add(spot);
    lines.push(formatProblem(p, repoRoot));
  }
  return lines;
}

/** Quote a value from the spec for a message: short, one line, control characters escaped. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const flat = JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text).slice(1, -1);
  return `'${flat.replace(/'/g, "\\'")}'`;
}

/** The closest candidate by edit distance, when it is close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length]!;
}
