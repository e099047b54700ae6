/** Per-operation request schemas: one for the parameters, one per validated body media type. */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import type { OperationEntry } from './route-table.ts';
import { deref } from './resolve.ts';
import { isOpenApi30, prepareSchema } from './schema-prep.ts';

type Json = Record<string, unknown>;
const LOCATIONS = ['path', 'query', 'header'] as const;

export interface RequestSchemas {
  operationId: string;
  params?: Json;
  json?: unknown;
  multipart?: unknown;
}

function paramsSchema(
  parameters: OpenAPIV3_1.ParameterObject[],
  openapi30: boolean,
): Json | undefined {
  if (parameters.length === 0) return undefined;
  const properties: Json = {};
  for (const location of LOCATIONS) {
    const own = parameters.filter((p) => p.in === location);
    properties[location] = {
      type: 'object',
      properties: Object.fromEntries(
        own.map((p) => [p.name, prepareSchema(p.schema ?? {}, openapi30)]),
      ),
      required: own.filter((p) => p.required).map((p) => p.name),
    };
  }
  return { type: 'object', properties };
}

export function requestSchemas(spec: OpenAPIV3_1.Document, entry: OperationEntry): RequestSchemas {
  const out: RequestSchemas = { operationId: entry.operation.operationId as string };
  const openapi30 = isOpenApi30(spec);
  const params = paramsSchema(entry.parameters, openapi30);
  if (params) out.params = params;
  const body = deref<OpenAPIV3_1.RequestBodyObject | undefined>(spec, entry.operation.requestBody);
  const json = body?.content?.['application/json']?.schema;
  const multipart = body?.content?.['multipart/form-data']?.schema;
  if (json) out.json = prepareSchema(json, openapi30);
  if (multipart) out.multipart = prepareSchema(multipart, openapi30);
  return out;
}
