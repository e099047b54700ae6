/**
 * Serializes query parameters the way the spec declares each one. openapi-fetch applies one
 * array style to every parameter, but this API mixes CSV (`explode: false`) and repeated params.
 */
import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from 'openapi-fetch';
import type { OperationInfo } from './operation-info.ts';

type ArrayStyle = Parameters<typeof serializeArrayParam>[2]['style'];
type ObjectStyle = Parameters<typeof serializeObjectParam>[2]['style'];

/**
 * Returns a serializer for one operation. Parameters the table does not list use OpenAPI's
 * default for query parameters, `style: form` with `explode: true`.
 */
export function querySerializerFor(op: OperationInfo | undefined) {
  return (query: Record<string, unknown> | undefined): string => {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      const declared = op?.query[name];
      const explode = declared?.explode ?? true;
      const style = declared?.style ?? 'form';
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        parts.push(serializeArrayParam(name, value, { style: style as ArrayStyle, explode }));
      } else if (typeof value === 'object') {
        parts.push(
          serializeObjectParam(name, value as Record<string, unknown>, {
            style: style as ObjectStyle,
            explode,
          }),
        );
      } else {
        parts.push(serializePrimitiveParam(name, String(value)));
      }
    }
    return parts.join('&');
  };
}
