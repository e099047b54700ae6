/**
 * openapi-typescript narrows a discriminator's property in the schemas it selects (a oneOf/anyOf
 * member or mapping target gets `type: 'datepicker'` where its own schema says `type: string`;
 * an allOf child of a discriminated parent likewise). The validators keep each schema's own
 * meaning, so those components, and the discriminated schemas themselves, are listed in the
 * type-equality file with this reason instead of compared.
 */
import type { TypeGaps } from './modules/component-module.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const PREFIX = '#/components/schemas/';
const nameOf = (ref: unknown) =>
  typeof ref === 'string' && ref.startsWith(PREFIX)
    ? decodeURIComponent(ref.slice(PREFIX.length)).replace(/~1/g, '/').replace(/~0/g, '~')
    : undefined;

export function addDiscriminatorGaps(spec: unknown, gaps: TypeGaps): void {
  const components = isObject(spec) ? spec.components : undefined;
  const schemas = isObject(components) && isObject(components.schemas) ? components.schemas : {};
  const discriminated = new Set<string>();
  const narrowed = new Map<string, string>();
  const seen = new WeakSet<object>();
  // `owner`: the component the node is in; undefined for inline schemas (paths, webhooks)
  const visit = (node: unknown, owner: string | undefined): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, owner));
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    const d = node.discriminator;
    if (isObject(d) && typeof d.propertyName === 'string') {
      if (owner !== undefined) discriminated.add(owner);
      const targets = [
        ...(isObject(d.mapping) ? Object.values(d.mapping) : []),
        ...[node.oneOf, node.anyOf]
          .flatMap((l) => (Array.isArray(l) ? l : []))
          .map((m) => (isObject(m) ? m.$ref : undefined)),
      ];
      for (const t of targets) {
        const name = nameOf(t);
        if (name) narrowed.set(name, `${d.propertyName}`);
      }
    }
    for (const value of Object.values(node)) visit(value, owner);
  };
  for (const [name, schema] of Object.entries(schemas)) visit(schema, name);
  // a discriminated oneOf written inline in an operation narrows its members just the same
  if (isObject(spec)) for (const key of ['paths', 'webhooks']) visit(spec[key], undefined);
  // allOf children of a discriminated parent
  for (const [name, schema] of Object.entries(schemas))
    if (isObject(schema) && Array.isArray(schema.allOf))
      for (const part of schema.allOf) {
        const parent = isObject(part) ? nameOf(part.$ref) : undefined;
        if (parent && discriminated.has(parent)) narrowed.set(name, 'its parent');
      }
  const add = (name: string, reason: string) => {
    if (!(name in schemas)) return;
    gaps.set(name, [...(gaps.get(name) ?? []), reason]);
  };
  for (const name of discriminated)
    add(
      name,
      'discriminated: openapi-typescript narrows the discriminator property in its members',
    );
  for (const [name, property] of narrowed)
    if (!discriminated.has(name))
      add(
        name,
        `selected by a discriminator: openapi-typescript narrows \`${property}\` to the mapping value, the validator keeps the schema's own type`,
      );
}
