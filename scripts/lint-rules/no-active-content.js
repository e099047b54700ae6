/**
 * house/no-active-content: spec text that a browser would run if a renderer slipped (script or
 * iframe tags, inline event handlers, `javascript:` URLs) is rejected at the source. The docs site
 * escapes and sanitizes anyway; this keeps such text from reaching any other consumer.
 */
const ACTIVE =
  /<\s*(script|iframe|object|embed)\b|\bjavascript\s*:|\bon[a-z]+\s*=\s*["']?[^"'\s>]/i;
const TEXT_FIELDS = ['description', 'summary', 'title'];

export default function NoActiveContent() {
  return {
    any: {
      enter(node, ctx) {
        if (!node || typeof node !== 'object' || Array.isArray(node)) return;
        for (const field of TEXT_FIELDS) {
          if (typeof node[field] === 'string' && ACTIVE.test(node[field])) {
            ctx.report({
              message: `\`${field}\` contains active content (${node[field].match(ACTIVE)[0]}). Describe it in words or as code in backticks.`,
              location: ctx.location.child(field),
            });
          }
        }
        if (Array.isArray(node.enum)) {
          node.enum.forEach((value, i) => {
            if (typeof value === 'string' && ACTIVE.test(value)) {
              ctx.report({
                message: `Enum value contains active content (${value.match(ACTIVE)[0]}). Use a plain value without markup or script URLs.`,
                location: ctx.location.child(['enum', i]),
              });
            }
          });
        }
      },
    },
  };
}
