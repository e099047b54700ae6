/**
 * The contract every generator stage implements: a pure function from the bundled spec to files.
 * Stages never touch the disk; the orchestrator (scripts/pipeline/orchestrator.ts) owns it.
 */
import type { OpenAPIV3_1 } from './openapi-types.ts';

/** One file a stage wants written. `path` is relative to the repository root, with `/` separators. */
export interface GeneratedFile {
  path: string;
  content: string;
  /**
   * True when a printer already emitted the file in its final form (e.g. `JSON.stringify`), so
   * the orchestrator skips Prettier for it. @default false
   */
  formatted?: boolean;
}

export interface StageContext {
  /** The bundled spec as produced by the bundle stage (named `$ref`s kept, all local). */
  spec: OpenAPIV3_1.Document;
  /** Absolute path of the repository root. */
  root: string;
  /** Files produced by the stages this one `requires`, keyed by stage name. */
  outputs: ReadonlyMap<string, readonly GeneratedFile[]>;
  /**
   * True under `--watch`: this process runs the stage again on the next save, so the stage may
   * keep what it computed for that run (at some cost now). Output must not depend on it.
   */
  rerun?: boolean;
}

/** What the orchestrator knows of a stage before loading it: everything but `run`. */
export type StageMeta = Omit<Stage, 'run'>;

export interface Stage {
  /** Short kebab-case name, printed in the timing line. */
  name: string;
  /** Names of stages whose output this stage reads through `ctx.outputs`. */
  requires?: readonly string[];
  /**
   * Folders (relative to the root) this stage owns completely: the orchestrator replaces each one
   * as a whole on every run. Nothing hand-written may live in them.
   */
  owns: readonly string[];
  /**
   * Files or folders (relative to the root) the stage reads besides the spec, e.g. the docs
   * stage's `openapi/CHANGELOG.md`: part of its cache key, so editing one reruns the stage.
   */
  inputs?: readonly string[];
  /**
   * This stage's time in a cold run on a large spec (Stripe's 4 MB, bench/README.md): orders the
   * stages shared with worker threads, longest first, until a run has recorded real times.
   */
  typicalMs?: number;
  /**
   * What the stage was created with that changes its output besides the spec and its code (the
   * validators' `mini` in third-party mode): part of its cache key.
   */
  variant?: string;
  run(ctx: StageContext): GeneratedFile[] | Promise<GeneratedFile[]>;
}
