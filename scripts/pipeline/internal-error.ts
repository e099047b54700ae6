/**
 * An exception no input should cause: it becomes one line naming the stage and asking for a bug
 * report, never a stack trace (set MINBIL_DEBUG=1 to see the stack).
 */
import { SpecError } from './spec-error.ts';

export class StageFailure extends Error {
  constructor(
    readonly stage: string,
    override readonly cause: unknown,
  ) {
    super(`${stage}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StageFailure';
  }
}

/** Runs `work` as `stage`: a SpecError passes through, anything else becomes a StageFailure. */
export async function inStage<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SpecError || error instanceof StageFailure) throw error;
    throw new StageFailure(stage, error);
  }
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
