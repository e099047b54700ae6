/**
 * house/success-has-example: every 2xx JSON response carries an example (the mock serves it, the
 * docs show it, and the tests validate it against its schema).
 */
export default function SuccessHasExample() {
  return {
    Response: {
      enter(response, ctx) {
        if (!/^2/.test(String(ctx.key))) return;
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (!/json/i.test(mediaType)) continue;
          const has =
            media.example !== undefined ||
            (media.examples && Object.keys(media.examples).length > 0);
          if (has) continue;
          ctx.report({
            message: `Success response ${ctx.key} (${mediaType}) has no example. Add \`examples\` with a value valid against its schema.`,
            location: ctx.location.child(['content', mediaType]).key(),
          });
        }
      },
    },
  };
}
