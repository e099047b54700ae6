/**
 * house/no-secrets-in-examples: example values must not look like live credentials. Examples are
 * published in the docs, served by the mock and copied into apps. The shapes live in
 * secret-patterns.js (the pipeline's precheck uses the same ones on every string of any spec);
 * the message names the property and never prints the value.
 */
import { secretKind } from './secret-patterns.js';

function findSecret(value, name, trail) {
  if (typeof value === 'string') {
    const kind = secretKind(value, name);
    return kind ? { kind, where: trail.join('.') || name } : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findSecret(child, key, [...trail, key]);
      if (found) return found;
    }
  }
  return undefined;
}

export default function NoSecretsInExamples() {
  const check = (node, ctx, field) => {
    if (!(field in node)) return;
    const found = findSecret(node[field], field, []);
    if (found) {
      ctx.report({
        message: `\`${field}\`${found.where && found.where !== field ? ` at \`${found.where}\`` : ''} looks like a real ${found.kind} (value not shown). Use an obviously fake value (e.g. \`sk_test_example\`).`,
        location: ctx.location.child(field),
      });
    }
  };
  return {
    any: {
      enter(node, ctx) {
        if (!node || typeof node !== 'object' || Array.isArray(node)) return;
        check(node, ctx, 'example');
        if (ctx.type?.name === 'Example') check(node, ctx, 'value');
        if (Array.isArray(node.examples)) check(node, ctx, 'examples');
      },
    },
  };
}
