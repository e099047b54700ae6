/**
 * Under `--watch`, Redocly's example rules (`no-invalid-media-type-examples`,
 * `no-invalid-schema-examples`, `no-invalid-parameter-examples`) compile every schema with Ajv
 * again on every save: each lint builds new rule instances, each with a new Ajv. On Car Owner
 * that compile is about 0.2 s of the 0.45 s lint. This keeps each compiled validator across
 * lints with a key made of everything the compile reads: the schema's location and the content
 * of every schema it reaches through `$ref`s, annotations dropped (Ajv does not validate them;
 * Redocly's own shared-validator key drops the same ones). Any edit that changes what Ajv would
 * compile changes the key, so the lint compiles again; examples are validated on every lint.
 *
 * The wrapper is set on Redocly's `AjvValidator` class (redocly-ajv.ts). Where that is absent
 * (another version), nothing is wrapped and the lint runs as it always did.
 * test/pipeline/redocly-example-validators.test.ts checks both that it is active and that an
 * edit is never answered with a stale validator.
 */
import { createHash } from 'node:crypto';
import {
  ajvValidatorPrototype,
  type GetValidator,
  type Location,
  type Resolve,
} from './redocly-ajv.ts';
import { RunMemo } from './run-memo.ts';
import { withoutAnnotations } from './schema-annotations.ts';

/** Keywords that move `$ref` resolution where this module does not follow it: no reuse. */
const UNFOLLOWED = ['$id', 'id', '$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `$ref` string anywhere in `node`, and whether a keyword of UNFOLLOWED occurs. */
function refsIn(node: unknown): { refs: string[]; unfollowed: boolean } {
  const refs: string[] = [];
  let unfollowed = false;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isObject(v)) return;
    for (const [key, value] of Object.entries(v)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else if (UNFOLLOWED.includes(key) && typeof value === 'string') unfollowed = true;
      else visit(value);
    }
  };
  visit(node);
  return { refs, unfollowed };
}

interface NodeFacts {
  text: string;
  refs: string[];
  unfollowed: boolean;
}

const validators = new RunMemo<NonNullable<ReturnType<GetValidator>>>();
/** Per lint: each reached node's facts, by object identity (a lint's documents are its own). */
let facts = new WeakMap<object, NodeFacts>();
export const exampleValidatorStats = { reused: 0, compiled: 0 };

function factsOf(node: object): NodeFacts {
  let f = facts.get(node);
  if (!f) {
    f = { text: JSON.stringify(withoutAnnotations(node)), ...refsIn(node) };
    facts.set(node, f);
  }
  return f;
}

/**
 * The key of what Ajv compiles for `schema` at `loc`: its location and every reachable schema's
 * location and content. Undefined when a `$ref` does not resolve or resolution leaves our reach.
 */
function keyOf(
  schema: unknown,
  loc: Location,
  resolve: Resolve,
  allow: boolean,
  dialect: string,
): string | undefined {
  if (!isObject(schema)) return undefined;
  const hash = createHash('sha256').update(`${dialect}\0${allow}\0${loc.absolutePointer}\0`);
  const seen = new Set<object>();
  const stack: Array<{ node: object; from: string; where: string }> = [
    { node: schema, from: loc.source.absoluteRef, where: loc.absolutePointer },
  ];
  while (stack.length) {
    const { node, from, where } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const f = factsOf(node);
    if (f.unfollowed) return undefined;
    hash.update(`${where}\0${f.text}\0`);
    for (const $ref of f.refs) {
      const target = resolve({ $ref }, from);
      if (!target.location || !isObject(target.node)) return undefined;
      stack.push({
        node: target.node,
        from: target.location.source.absoluteRef,
        where: target.location.absolutePointer,
      });
    }
  }
  return hash.digest('hex');
}

/** Wraps `getValidator` so an unchanged key returns the validator of an earlier lint. */
function reusing(original: GetValidator): GetValidator {
  return function (this: unknown, schema, loc, resolve, allow, dialect) {
    // as Redocly does first: a plain `$ref` compiles as its target
    let target = schema;
    let at = loc;
    if (isObject(schema) && typeof schema.$ref === 'string' && Object.keys(schema).length === 1) {
      const resolved = resolve(schema, loc.source.absoluteRef);
      if (resolved.location && isObject(resolved.node)) {
        target = resolved.node;
        at = resolved.location;
      }
    }
    const key = keyOf(target, at, resolve, allow, dialect);
    if (key === undefined) return original.call(this, schema, loc, resolve, allow, dialect);
    const kept = validators.take(key);
    if (kept) {
      exampleValidatorStats.reused++;
      return kept;
    }
    const validator = original.call(this, schema, loc, resolve, allow, dialect);
    exampleValidatorStats.compiled++;
    if (validator) validators.keep(key, validator);
    return validator;
  };
}

let active: boolean | undefined;

/**
 * Turns the reuse on for this process (`--watch` calls it once); true when Redocly's class was
 * found and wrapped.
 */
export async function keepExampleValidatorsBetweenLints(): Promise<boolean> {
  if (active !== undefined) return active;
  active = false;
  const proto = ajvValidatorPrototype();
  if (!proto) return false;
  proto.getValidator = reusing(proto.getValidator);
  active = true;
  return active;
}

/** Called before each lint: validators unused by the last two lints are let go. */
export function nextLint(): void {
  validators.endRun();
  facts = new WeakMap();
}
