/** Tiny inline OpenAPI documents for the stage tests. */
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';

export const ok = (example: unknown = { ok: true }) => ({
  description: 'OK',
  content: {
    'application/json': { schema: { type: 'object' }, examples: { Ok: { value: example } } },
  },
});

export function tiny(
  paths: Record<string, unknown>,
  components: Record<string, unknown> = {},
): OpenAPIV3_1.Document {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        apiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
      ...components,
    },
  } as OpenAPIV3_1.Document;
}
