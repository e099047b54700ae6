/**
 * Redocly's problems as our lines: located in the source file, with the offending value and a fix,
 * one line per problem. Known cascades are dropped (an example that fails only because of a
 * broken schema the same run reports), and a blocked `$ref` from ConfinedResolver keeps its rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NormalizedProblem } from '@redocly/openapi-core';
import { closest, quote, type Problem } from './problem.ts';
import { redocly } from './redocly-core.ts';
import { BLOCKED_MARK, CONFINEMENT_FIX } from './ref-confinement.ts';
import { yaml } from './yaml-core.ts';
import { nodeAt, parseSource, type SourceFile } from './yaml-source.ts';

const { getLineColLocation } = redocly;
const { isScalar } = yaml;

const JSON_TYPES = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];
const EXAMPLE_RULES = /^no-invalid-(media-type|schema|parameter)-examples$/;

interface Context {
  repoRoot: string;
  /** Parsed sources by absolute path (from the precheck). */
  files: ReadonlyMap<string, SourceFile>;
}

function valueAt(ctx: Context, file: string, pointer: string | undefined): unknown {
  let source = ctx.files.get(file);
  // a screened file (spec-screen.ts) is parsed with positions only now that there is a problem in it
  if (!source && pointer && fs.existsSync(file)) {
    try {
      source = parseSource(file);
    } catch {
      return undefined;
    }
  }
  if (!source || !pointer) return undefined;
  const node = nodeAt(source, pointer.replace(/^#/, ''));
  return isScalar(node) ? node.value : undefined;
}

/** Schema name from a pointer or file: `#/components/schemas/Profile/required/0` → Profile. */
function schemaName(file: string, pointer: string): string {
  const m = pointer.match(/\/components\/schemas\/([^/]+)/);
  if (m) return m[1]!;
  return path.basename(file).replace(/\.[^.]+$/, '');
}

function rewrite(
  p: NormalizedProblem,
  ctx: Context,
  file: string,
  pointer: string,
): { message: string; fix: string; rule?: string } {
  const message = p.message.trim();
  if (p.ruleId === 'no-unresolved-refs' && message.includes(BLOCKED_MARK)) {
    return {
      rule: 'no-ref-outside-root',
      message: `$ref to ${message.split(BLOCKED_MARK)[1]!.trim()}; it was not read`,
      fix: CONFINEMENT_FIX,
    };
  }
  if (p.ruleId === 'struct' && message.startsWith('`type` can be one of')) {
    const value = valueAt(ctx, file, pointer);
    const near = typeof value === 'string' ? closest(value, JSON_TYPES) : undefined;
    return {
      message: `\`type: ${quote(value ?? '?')}\` is not a JSON Schema type`,
      fix: `${near ? `did you mean ${quote(near)}? ` : ''}use one of ${JSON_TYPES.join(', ')}`,
    };
  }
  if (p.ruleId === 'no-required-schema-properties-undefined') {
    const m = message.match(/'([^']+)'/);
    const name = schemaName(file, pointer);
    return {
      message: `\`required\` names ${quote(m?.[1] ?? '?')}, but schema ${quote(name)} has no such property`,
      fix: `add ${quote(m?.[1] ?? '?')} under \`properties\` of ${quote(name)} or remove it from \`required\``,
    };
  }
  const unexpected = message.match(/^Property `(.+)` is not expected here\.?$/);
  if (p.ruleId === 'struct' && unexpected) {
    const code = /\/responses\/[^/]+$/.test(pointer);
    return {
      message: code
        ? `response code ${quote(unexpected[1])} is not a status code`
        : `${quote(unexpected[1])} is not allowed here`,
      fix: p.suggest?.length
        ? `did you mean ${p.suggest.map((s) => quote(s)).join(' or ')}?`
        : code
          ? 'use a three-digit status (e.g. 404), a range such as 4XX, or default'
          : 'remove it, or fix its spelling or indentation',
    };
  }
  const missing = message.match(/^The field `(.+)` must be present on this level\.?$/);
  if (p.ruleId === 'struct' && missing)
    return {
      message: `required field ${quote(missing[1])} is missing`,
      fix: `add \`${missing[1]}\``,
    };
  if (p.ruleId === 'struct' && /^paths\/[^/]+$/.test(pointer.replace(/^#\//, '')))
    return {
      message: `path ${quote(pointer.split('/').pop()!.replace(/~1/g, '/'))} does not start with '/'`,
      fix: 'start every path with /',
    };
  const suggest = p.suggest?.length
    ? `did you mean ${p.suggest.map((s) => quote(s)).join(' or ')}?`
    : '';
  const [text, ...rest] = message.split(/(?<=\.)\s+(?=[A-Z])/);
  const fix =
    suggest ||
    rest.join(' ') ||
    `see https://redocly.com/docs/cli/rules/${p.ruleId.replace(/^.*\//, '')}`;
  return { message: text!.replace(/\.$/, ''), fix: fix.replace(/\.$/, '') };
}

export function fromRedocly(problems: readonly NormalizedProblem[], ctx: Context): Problem[] {
  const active = problems.filter((p) => !p.ignored);
  const undefinedRequired = new Set(
    active
      .filter((p) => p.ruleId === 'no-required-schema-properties-undefined')
      .map((p) => p.message.match(/'([^']+)'/)?.[1]),
  );
  const hasStruct = active.some((p) => p.ruleId === 'struct');
  const kept = active.filter((p) => {
    // a component only looks unused when the structure that uses it is reported broken
    if (hasStruct && p.ruleId === 'no-unused-components') return false;
    // a misspelt status code is one problem, not also "no 2xx/4xx response"
    if (hasStruct && /^operation-[24]xx-response$/.test(p.ruleId)) return false;
    if (!EXAMPLE_RULES.test(p.ruleId)) return true;
    // an example judged against a schema that is itself reported broken is an echo
    if (hasStruct && /Example validation errored/.test(p.message)) return false;
    const missing = p.message.match(/must have required property '([^']+)'/)?.[1];
    return !(missing && undefinedRequired.has(missing));
  });
  return kept.map((p) => {
    const loc = p.location[0];
    const file = loc?.source.absoluteRef ?? path.join(ctx.repoRoot, '(unknown)');
    let line = 1;
    let col = 1;
    if (loc) {
      try {
        ({ line, col } = getLineColLocation(loc).start);
      } catch {
        // a location Redocly cannot place: the file start
      }
    }
    const rewritten = rewrite(p, ctx, file, loc?.pointer ?? '');
    const { fix, rule } = rewritten;
    // never an absolute machine path in a message: paths are relative to the repository
    const message = rewritten.message.split(`${ctx.repoRoot}${path.sep}`).join('');
    return {
      file,
      line,
      col,
      rule: rule ?? p.ruleId,
      message,
      fix,
      severity: p.severity === 'warn' ? 'warning' : 'error',
    };
  });
}
