/** The documented responses of one operation: status, media type, headers, named examples. */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import type {
  ErrorShape,
  ExampleSpec,
  ResponseSpec,
} from '../../../packages/mock/src/route-spec.ts';
import { deref, schemaProperties } from './resolve.ts';

type Json = Record<string, unknown>;

/** `envelope` = `{ error: {...} }`; `problem` = RFC 9457 fields at the top level. */
export function errorShape(spec: object, schema: unknown): ErrorShape {
  if (!schema) return 'other';
  const props = schemaProperties(spec, schema);
  if (props.has('error')) return 'envelope';
  if (props.has('status') && props.has('title')) return 'problem';
  return 'other';
}

function examplesOf(spec: object, media: Json): ExampleSpec[] {
  const named = Object.entries((media.examples as Json | undefined) ?? {}).map(([name, ex]) => ({
    name,
    value: deref<Json>(spec, ex).value,
  }));
  if (named.length === 0 && 'example' in media) return [{ name: 'default', value: media.example }];
  return named;
}

function headersOf(spec: object, response: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries((response.headers as Json | undefined) ?? {})) {
    const header = deref<Json>(spec, raw);
    const schema = deref<Json>(spec, header.schema ?? {});
    const value = header.example ?? schema.example ?? schema.default ?? '';
    out[name] = String(value);
  }
  return out;
}

export function responsesOf(
  spec: OpenAPIV3_1.Document,
  operation: OpenAPIV3_1.OperationObject,
): ResponseSpec[] {
  return Object.entries(operation.responses ?? {})
    .filter(([status]) => /^[1-5]\d\d$/.test(status))
    .map(([status, raw]) => {
      const response = deref<Json>(spec, raw);
      const [contentType, media] =
        Object.entries((response.content as Json | undefined) ?? {})[0] ?? [];
      const spec_: ResponseSpec = {
        status: Number(status),
        headers: headersOf(spec, response),
        examples: media ? examplesOf(spec, media as Json) : [],
        shape: media ? errorShape(spec, (media as Json).schema) : 'other',
      };
      if (contentType) spec_.contentType = contentType;
      return spec_;
    })
    .sort((a, b) => a.status - b.status);
}
