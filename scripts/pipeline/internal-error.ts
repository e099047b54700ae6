/**
 * An exception no input should cause: it becomes one line naming the stage and asking for a bug
 * report, never a stack trace (set MINBIL_DEBUG=1 to see the stack).
 */
import path from 'node:path';
import { SpecError } from './spec-error.ts';
import { nodeAt, parseSource } from './yaml-source.ts';

export class StageFailure extends Error {
  readonly stage: string;
  override readonly cause: unknown;
  constructor(stage: string, cause: unknown) {
    super(`${stage}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.stage = stage;
    this.cause = cause;
    this.name = 'StageFailure';
  }
}

/**
 * Runs `work` as `stage`: a SpecError passes through; a stage's own located refusal (an error
 * with a JSON `pointer`, e.g. the validators' "recursive schemas are not supported") becomes a
 * located line in the spec's root file; anything else becomes a StageFailure.
 */
export async function inStage<T>(
  stage: string,
  work: () => T | Promise<T>,
  spec?: { rootFile: string; repoRoot: string },
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SpecError || error instanceof StageFailure) throw error;
    const pointer = (error as { pointer?: unknown } | null)?.pointer;
    if (spec && typeof pointer === 'string') throw refusal(stage, error as Error, pointer, spec);
    throw new StageFailure(stage, error);
  }
}

function refusal(
  stage: string,
  error: Error,
  pointer: string,
  spec: { rootFile: string; repoRoot: string },
): SpecError {
  let where = '1:1';
  try {
    const source = parseSource(spec.rootFile);
    const node = nodeAt(source, pointer.replace(/^#/, ''));
    const { line, col } = source.lines.linePos(node?.range?.[0] ?? 0);
    where = `${line}:${col}`;
  } catch {
    // the file start
  }
  const file = path.relative(spec.repoRoot, spec.rootFile).split(path.sep).join('/');
  const message = error.message.replace(new RegExp(`^${stage}:\\s*`), '').split('\n')[0];
  return new SpecError([
    `${file}:${where} ${stage} ${message} (at ${pointer}) — this construct is not supported by the ${stage} stage yet; rewrite it or leave the stage out for this API`,
  ]);
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    .split('\n')[0]!
    .slice(0, 300);

/** The one line printed for an unexpected exception. */
export function internalErrorLine(error: unknown, command = 'pnpm generate'): string {
  const stage = error instanceof StageFailure ? error.stage : 'startup';
  const cause = error instanceof StageFailure ? error.cause : error;
  return `${command}: internal error in stage ${stage}: ${firstLine(cause)} — this is a bug in the toolchain, not in your spec; please report it with the spec that triggers it (MINBIL_DEBUG=1 prints the stack)`;
}

/** Lines and exit code for any error a command meets. */
export function describeFailure(
  error: unknown,
  command = 'pnpm generate',
): { lines: string[]; exitCode: number } {
  if (error instanceof SpecError)
    return {
      lines: [...error.lines, `${command}: ${error.lines.length} problem(s); nothing was written.`],
      exitCode: 1,
    };
  if (process.env.MINBIL_DEBUG) console.error(error);
  return { lines: [internalErrorLine(error, command)], exitCode: 70 };
}
