import { refName } from './schema-name.js';

/**
 * house/error-response-shape: every 4xx/5xx response body is one of the documented error shapes
 * (configurable list `schemas`), referenced by name, so clients can parse every error the same way.
 */
export default function ErrorResponseShape(opts) {
  const allowed = new Set(opts.schemas ?? []);
  return {
    Response: {
      enter(response, ctx) {
        const status = ctx.key;
        if (!/^[45]/.test(String(status))) return;
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          const name = refName(media?.schema?.$ref);
          if (name && allowed.has(name)) continue;
          ctx.report({
            message: `Error response ${status} (${mediaType}) must use one of the documented error shapes: ${[...allowed].join(', ')}.`,
            location: ctx.location.child(['content', mediaType, 'schema']),
          });
        }
      },
    },
  };
}
