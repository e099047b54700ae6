/**
 * A fast screen for large single-file specs (GitHub's JSON is 12.7 MB, Stripe's YAML 4 MB):
 * positions cost seconds to compute (Stripe: 1.3-1.7 s for `yaml`'s positional parse against
 * 0.26 s for Redocly's js-yaml), so a large file is first checked as plain data. Only when the
 * screen finds something to report (or an external `$ref` to follow) is it parsed with
 * positions, so every problem is still located; a clean file goes straight to Redocly.
 *
 * JSON is read with JSON.parse. YAML is read with Redocly's own parser (`parseYaml`, what its
 * resolver would use), and that parse is handed to Redocly (ConfinedResolver) instead of being
 * done twice. A YAML document with an alias (two places holding one object) or nesting past the
 * depth limit is not screened: the positional parse counts alias expansion and locates the
 * depth. Bracket nesting is checked on the text first (spec-sources.ts `tooDeep`).
 */
import { parseYaml } from '@redocly/openapi-core';
import { secretKind } from '../lint-rules/secret-patterns.js';
import { resolvePointer } from './json-pointer.ts';
import { LIMITS } from './resource-limits.ts';
import { METHODS, SCHEMA_KEYS } from './spec-checks.ts';

/** Files from this size on are screened first. */
export const SCREEN_BYTES = 1024 * 1024;

const DATA_KEYS = new Set(['example', 'default', 'const', 'enum']);

/** True when `text` is a clean, self-contained OpenAPI 3.x JSON document with nothing to report. */
export function screenJson(text: string, isRoot: boolean): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return isClean(value, isRoot, false);
}

/**
 * Redocly's parse of `text` when it is a clean, self-contained OpenAPI 3.x YAML document with
 * nothing to report and no alias; undefined otherwise.
 */
export function screenYaml(text: string, isRoot: boolean): object | undefined {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch {
    return undefined; // a YAML error (or a stack overflow): the positional parse locates it
  }
  return isClean(value, isRoot, true) ? (value as object) : undefined;
}

/**
 * The checks on plain data. `tree` (YAML): also no object reached twice (an alias) and no
 * nesting past the depth limit; JSON.parse builds neither.
 */
function isClean(value: unknown, isRoot: boolean, tree: boolean): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const doc = value as Record<string, unknown>;
  if (isRoot && (doc.swagger !== undefined || !/^3\.[01]\.\d+$/.test(String(doc.openapi))))
    return false;
  let clean = true;
  const operationIds = new Set<string>();
  const seen = new Set<object>();
  const walk = (node: unknown, key: string, data: boolean, depth: number): void => {
    if (!clean) return;
    if (typeof node === 'string') {
      if (secretKind(node, key)) clean = false;
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (tree) {
      if (seen.has(node) || depth > LIMITS.depth) {
        clean = false;
        return;
      }
      seen.add(node);
    }
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key, data, depth + 1);
      return;
    }
    for (const [k, child] of Object.entries(node)) {
      if (k === '$ref' && typeof child === 'string' && !data) {
        // an external reference, or a local one that points at nothing: the full parse follows
        // and checks it, and names what it points at
        if (localTarget(doc, child) === undefined) {
          clean = false;
          return;
        }
      }
      walk(child, k, data || DATA_KEYS.has(k), depth + 1);
    }
  };
  walk(doc, '', false, 0);
  for (const section of ['paths', 'webhooks']) {
    const items = doc[section];
    if (!items || typeof items !== 'object') continue;
    for (const item of Object.values(items as Record<string, unknown>)) {
      if (!item || typeof item !== 'object') continue;
      for (const op of Object.values(item as Record<string, unknown>)) {
        const id = (op as { operationId?: unknown } | null)?.operationId;
        if (typeof id !== 'string') continue;
        if (operationIds.has(id)) return false;
        operationIds.add(id);
      }
    }
  }
  return clean && !hasWrongKindRef(doc);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** What a local `$ref` (`#` or `#/…`) names; undefined for any other ref or a bad %-escape. */
function localTarget(doc: Json, ref: string): unknown {
  if (ref !== '#' && !ref.startsWith('#/')) return undefined;
  try {
    return resolvePointer(doc, ref);
  } catch {
    return undefined; // decodeURIComponent refused it: the full parse names the ref
  }
}

/** Follows local pure `$ref`s (up to 16 hops), as spec-checks.ts `follow` does. */
function follow(doc: Json, node: unknown): unknown {
  for (let hop = 0; hop < 16 && isObject(node) && typeof node.$ref === 'string'; hop++)
    node = localTarget(doc, node.$ref);
  return node;
}

/**
 * spec-checks.ts `findWrongKindRefs` on plain data: a `$ref` where a response or request body
 * belongs that reaches a schema. Found here, the full parse reports it with its position.
 */
function hasWrongKindRef(doc: Json): boolean {
  const wrong = (node: unknown) => {
    if (!isObject(node) || node.$ref === undefined) return false;
    const target = follow(doc, node);
    return (
      isObject(target) &&
      target.content === undefined &&
      target.headers === undefined &&
      SCHEMA_KEYS.some((k) => Object.hasOwn(target, k))
    );
  };
  const values = (node: unknown) => (isObject(node) ? Object.values(node) : []);
  for (const section of ['paths', 'webhooks'])
    for (const item of values(doc[section])) {
      const pathItem = follow(doc, item);
      if (!isObject(pathItem)) continue;
      for (const [method, op] of Object.entries(pathItem)) {
        if (!METHODS.includes(method) || !isObject(op)) continue;
        if (values(follow(doc, op.responses)).some(wrong) || wrong(op.requestBody)) return true;
      }
    }
  const components = isObject(doc.components) ? doc.components : {};
  return values(components.responses).some(wrong) || values(components.requestBodies).some(wrong);
}
