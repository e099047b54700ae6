/** What every kind function receives besides the schema node. */
import type ts from 'typescript';
import type { ImportSet } from './imports.ts';
import type { Kind } from './keywords.ts';
import { childPointer } from '../../pipeline/json-pointer.ts';

/**
 * `exact`: what the document says, `additionalProperties: false` included (requests).
 * `tolerant`: the same, except that `additionalProperties: false` admits unknown keys (responses).
 */
export type Mode = 'exact' | 'tolerant';

export interface EmitContext {
  /** JSON pointer of the node being emitted, for error messages. */
  readonly pointer: string;
  readonly mode: Mode;
  /**
   * The one JSON type an enclosing schema already guarantees (`type: string, anyOf: [{format}]`),
   * so an untyped member's keywords apply to every instance it sees.
   */
  readonly impliedType: Kind | undefined;
  readonly imports: ImportSet;
  /** The schema comes from an OpenAPI 3.0 document, where `nullable: true` admits null. */
  readonly openapi30: boolean;
  /**
   * Third-party mode: called for a `format` that has no validator, which is then treated as an
   * annotation (as JSON Schema 2020-12 does by default). Undefined: such a format fails generation.
   */
  readonly unknownFormat: ((format: string, pointer: string) => void) | undefined;
  /**
   * Third-party mode: called for what is reported and then left unchecked (an unknown keyword,
   * a `pattern` that is not a valid JavaScript `u` regex). Undefined: it fails generation.
   */
  readonly uncheckable: ((what: string, pointer: string, reason: string) => void) | undefined;
  /** The expression for `#/components/schemas/<name>` in this mode (records the import). */
  readonly ref: (name: string, mode: Mode, pointer: string) => ts.Expression;
  /** The expression for any other local `$ref` (`#/components/schemas/A/$defs/b`). */
  readonly localRef: (pointer: string, where: string, ctx: EmitContext) => ts.Expression;
  /** The node a local pointer names in the document, or undefined. */
  readonly resolve: (pointer: string) => unknown;
  /** Records why `z.infer` of this schema cannot equal openapi-typescript's type. */
  readonly typeGap: (reason: string) => void;
}

/** The context for a child node: extends the pointer; `impliedType` only if asked to keep it. */
export function child(
  ctx: EmitContext,
  segments: (string | number)[],
  keepImplied = false,
): EmitContext {
  return {
    ...ctx,
    pointer: childPointer(ctx.pointer, ...segments),
    impliedType: keepImplied ? ctx.impliedType : undefined,
  };
}

/** Imports a helper from the package's hand-written runtime (`src/runtime/<file>.ts`). */
export function runtime(
  ctx: EmitContext,
  file: 'checks' | 'formats' | 'keyword-checks' | 'object' | 'unevaluated',
  name: string,
): ts.Identifier {
  return ctx.imports.use(`runtime/${file}.ts`, name);
}

export type SchemaNode = Record<string, unknown>;
