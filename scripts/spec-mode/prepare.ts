/**
 * Gives every construct the stages cannot take as written a documented treatment, on the bundled
 * spec, before any stage runs (each change is one located warning):
 *
 * - missing/repeated operationId: derived or suffixed (operation-id.ts);
 * - a boolean schema where a schema object is expected: `true` -> `{}`, `false` -> `{ not: {} }`
 *   (the client types read `{ not: {} }` as `never`); `additionalProperties: false` etc. stay;
 * - OpenAPI 3.0 keywords left in a 3.1 document: `nullable: true` -> `null` added to `type`
 *   and to `enum` when there is one (else `anyOf: [schema, { type: 'null' }]` without `type`);
 *   boolean `exclusiveMinimum`/`exclusiveMaximum` -> the 3.1 number form;
 * - a `pattern` JavaScript cannot compile (with or without the `u` flag Ajv uses), e.g.
 *   `\p{Alnum}`: removed, so the value is not checked against it;
 * - a path parameter the template names but no parameter declares: declared as a required string;
 * - a security requirement naming an undefined scheme: that requirement is dropped;
 * - path templates that differ only in parameter names (`/a/{id}` vs `/a/{name}`): kept; the mock
 *   matches the first in document order, so the second is reachable only through the client;
 * - in an OpenAPI 3.0 document, keywords beside a `$ref` (`nullable`, `type`...): dropped, as
 *   3.0 says they "SHALL be ignored" (openapi-typescript reads them so); annotations
 *   (`description`, `title`, `example`, `deprecated`, `x-*`) stay for the docs.
 */
import type { OpenAPIV3_1 } from '../pipeline/openapi-types.ts';
import { assignOperationIds } from './operation-id.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const esc = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Keywords whose value is one schema; `additionalProperties` & co. keep their boolean form. */
const ONE_SCHEMA = ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const ONE_SCHEMA_OR_BOOLEAN = [
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

function compiles(pattern: string): string | undefined {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return undefined;
}

export function prepareSpec(spec: OpenAPIV3_1.Document): string[] {
  const warnings: string[] = [];
  const doc = spec as unknown as Json;
  const is31 = String(doc.openapi ?? '').startsWith('3.1');

  for (const change of assignOperationIds(doc.paths as Json | undefined))
    warnings.push(
      change.from === undefined
        ? `${change.pointer} warning [operation-id] no operationId; derived "${change.to}" from method and path`
        : `${change.pointer} warning [operation-id] operationId "${change.from}" is used before; renamed "${change.to}"`,
    );

  const seen = new WeakSet<object>();
  /** Returns the schema to store in place of `node` (a boolean becomes an object). */
  const schema = (node: unknown, pointer: string): unknown => {
    if (node === true || node === false) {
      warnings.push(
        `#${pointer} warning [boolean-schema] schema \`${node}\` read as ${node ? '{} (any value)' : '{ not: {} } (no value)'}`,
      );
      return node ? {} : { not: {} };
    }
    if (!isObject(node) || seen.has(node)) return node;
    seen.add(node);
    if (typeof node.$ref === 'string') return is31 ? node : refAlone(node, pointer, warnings);
    let out: Json = node;
    if (is31 && 'nullable' in node) {
      const { nullable, ...rest } = node;
      out = rest;
      if (nullable === true) {
        if (typeof rest.type === 'string') out.type = [rest.type, 'null'];
        else if (Array.isArray(rest.type)) out.type = [...new Set([...rest.type, 'null'])];
        // an enum constrains the type: null must be one of its values too
        if (Array.isArray(rest.enum) && !rest.enum.includes(null)) out.enum = [...rest.enum, null];
        if (rest.type === undefined && !Array.isArray(rest.enum))
          out = { anyOf: [rest, { type: 'null' }] };
        warnings.push(
          `#${pointer} warning [nullable-in-3.1] \`nullable: true\` is OpenAPI 3.0; read as a null-able type`,
        );
      }
      seen.add(out);
    }
    if (is31)
      for (const [flag, bound] of [
        ['exclusiveMinimum', 'minimum'],
        ['exclusiveMaximum', 'maximum'],
      ] as const) {
        if (typeof out[flag] !== 'boolean') continue;
        if (out[flag] === true && typeof out[bound] === 'number') {
          out[flag] = out[bound];
          delete out[bound];
        } else delete out[flag];
        warnings.push(
          `#${pointer} warning [${flag}-in-3.1] boolean \`${flag}\` is OpenAPI 3.0; read as the 3.1 number form`,
        );
      }
    if (typeof out.pattern === 'string') {
      const pattern = out.pattern;
      const error = compiles(pattern);
      if (error) {
        delete out.pattern;
        warnings.push(
          `#${pointer}/pattern warning [pattern] ${JSON.stringify(pattern)} is not a JavaScript regular expression (${error}); not checked`,
        );
      }
    }
    for (const key of ONE_SCHEMA)
      if (key in out && !(key === 'items' && Array.isArray(out.items)))
        out[key] = schema(out[key], `${pointer}/${key}`);
    if (Array.isArray(out.items))
      out.items = out.items.map((s, i) => schema(s, `${pointer}/items/${i}`));
    for (const key of ONE_SCHEMA_OR_BOOLEAN)
      if (isObject(out[key])) out[key] = schema(out[key], `${pointer}/${key}`);
    for (const key of SCHEMA_LISTS)
      if (Array.isArray(out[key]))
        out[key] = (out[key] as unknown[]).map((s, i) => schema(s, `${pointer}/${key}/${i}`));
    for (const key of SCHEMA_MAPS)
      if (isObject(out[key]))
        for (const [name, sub] of Object.entries(out[key] as Json))
          (out[key] as Json)[name] = schema(sub, `${pointer}/${key}/${esc(name)}`);
    return out;
  };

  /** Walks a non-schema OpenAPI object, treating every `schema` member and components.schemas. */
  const container = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => container(n, `${pointer}/${i}`));
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${esc(key)}`;
      if (key === 'schema') node[key] = schema(value, at);
      else if (key === 'example' || key === 'examples' || key === 'default') continue;
      else container(value, at);
    }
  };

  const components = isObject(doc.components) ? doc.components : undefined;
  if (components && isObject(components.schemas))
    for (const [name, s] of Object.entries(components.schemas))
      components.schemas[name] = schema(s, `/components/schemas/${esc(name)}`);
  container(doc, '');

  warnings.push(...declarePathParameters(doc), ...dropUndefinedSecurity(doc));
  warnings.push(...identicalPaths(doc));
  return warnings;
}

/** Annotations a 3.0 `$ref` may keep: they change no type and no check, only the docs. */
const REF_ANNOTATIONS = new Set([
  '$ref',
  'description',
  'title',
  'summary',
  'example',
  'deprecated',
]);

/** A 3.0 `$ref` without the sibling keywords 3.0 ignores (one warning naming them). */
function refAlone(node: Json, pointer: string, warnings: string[]): Json {
  const ignored = Object.keys(node).filter((k) => !REF_ANNOTATIONS.has(k) && !k.startsWith('x-'));
  if (ignored.length === 0) return node;
  for (const key of ignored) delete node[key];
  warnings.push(
    `#${pointer} warning [ref-siblings-3.0] OpenAPI 3.0 ignores keywords beside $ref; ${ignored.map((k) => `\`${k}\``).join(', ')} dropped`,
  );
  return node;
}

function declarePathParameters(doc: Json): string[] {
  const warnings: string[] = [];
  const params =
    isObject(doc.components) && isObject(doc.components.parameters)
      ? doc.components.parameters
      : {};
  const deref = (p: unknown): Json | undefined => {
    if (isObject(p) && typeof p.$ref === 'string' && p.$ref.startsWith('#/components/parameters/'))
      return deref(params[p.$ref.slice('#/components/parameters/'.length)]);
    return isObject(p) ? p : undefined;
  };
  for (const [p, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    const names = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      const declared = new Set(
        [...shared, ...own]
          .map(deref)
          .filter((x) => x?.in === 'path')
          .map((x) => String(x!.name)),
      );
      for (const name of names)
        if (!declared.has(name)) {
          op.parameters = [
            ...own,
            { name, in: 'path', required: true, schema: { type: 'string' } },
          ];
          warnings.push(
            `#/paths/${esc(p)}/${method} warning [path-parameter] {${name}} is not declared; declared as a required string`,
          );
        }
    }
  }
  return warnings;
}

function dropUndefinedSecurity(doc: Json): string[] {
  const warnings: string[] = [];
  const schemes = new Set(
    Object.keys(
      isObject(doc.components) && isObject(doc.components.securitySchemes)
        ? doc.components.securitySchemes
        : {},
    ),
  );
  const filter = (list: unknown, pointer: string): unknown => {
    if (!Array.isArray(list)) return list;
    return list.filter((req) => {
      const missing = isObject(req) ? Object.keys(req).filter((n) => !schemes.has(n)) : [];
      for (const name of missing)
        warnings.push(
          `#${pointer} warning [security-defined] security scheme "${name}" is not defined; that requirement is dropped`,
        );
      return !missing.length;
    });
  };
  if ('security' in doc) doc.security = filter(doc.security, '/security');
  for (const [p, item] of Object.entries(isObject(doc.paths) ? doc.paths : {}))
    for (const method of METHODS) {
      const op = isObject(item) ? item[method] : undefined;
      if (isObject(op) && 'security' in op)
        op.security = filter(op.security, `/paths/${esc(p)}/${method}/security`);
    }
  return warnings;
}

function identicalPaths(doc: Json): string[] {
  const first = new Map<string, string>();
  const warnings: string[] = [];
  for (const p of Object.keys(isObject(doc.paths) ? doc.paths : {})) {
    const shape = p.replace(/\{[^}]+\}/g, '{}');
    const earlier = first.get(shape);
    if (earlier === undefined) first.set(shape, p);
    else
      warnings.push(
        `#/paths/${esc(p)} warning [identical-paths] same template as ${earlier}; the mock answers that one first`,
      );
  }
  return warnings;
}
