/**
 * Serializes query parameters the way the spec declares each one. openapi-fetch applies one
 * array style to every parameter, but this API mixes CSV (`explode: false`) and repeated params.
 */
import type { OperationInfo } from './operation-info.ts';
import { queryParam } from './serializers.ts';

/**
 * Returns a serializer for one operation. Parameters the table does not list use OpenAPI's
 * default for query parameters, `style: form` with `explode: true`.
 */
export function querySerializerFor(op: OperationInfo | undefined) {
  return (query: Record<string, unknown> | undefined): string => {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      const declared = op?.query[name];
      parts.push(queryParam(name, value, declared?.style ?? 'form', declared?.explode ?? true));
    }
    return parts.join('&');
  };
}
