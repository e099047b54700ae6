/**
 * house/no-secrets-in-examples: example values must not look like live credentials. Examples are
 * published in the docs, served by the mock and copied into apps.
 */
const SECRETS = [
  ['Stripe live key', /\b[sr]k_live_[0-9A-Za-z]{8,}/],
  ['AWS access key id', /\bAKIA[0-9A-Z]{16}\b/],
  ['GitHub token', /\bgh[pousr]_[0-9A-Za-z]{30,}/],
  ['Slack token', /\bxox[abposr]-[0-9A-Za-z-]{10,}/],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
];

function findSecret(value) {
  if (typeof value === 'string') {
    for (const [kind, pattern] of SECRETS) if (pattern.test(value)) return kind;
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) {
      const kind = findSecret(child);
      if (kind) return kind;
    }
  }
  return undefined;
}

export default function NoSecretsInExamples() {
  const check = (node, ctx, field) => {
    if (!(field in node)) return;
    const kind = findSecret(node[field]);
    if (kind) {
      ctx.report({
        message: `Example looks like a real ${kind}. Use an obviously fake value (e.g. \`sk_test_example\`).`,
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
