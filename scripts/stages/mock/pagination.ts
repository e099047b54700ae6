/**
 * Finds paginated list operations structurally: a `page` query parameter plus a page-size one, and a
 * success body with a `data` array and a `meta` that carries `total_pages`/`has_next`.
 */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import type { PaginationSpec } from '../../../packages/mock/src/route-spec.ts';
import { deref, schemaProperties } from './resolve.ts';

const SIZE_PARAMS = ['page_size', 'size', 'per_page', 'limit'];
const META_FIELDS = ['page', 'page_size', 'total', 'total_pages', 'has_next', 'has_prev'];

export function paginationOf(
  spec: OpenAPIV3_1.Document,
  operation: OpenAPIV3_1.OperationObject,
  parameters: OpenAPIV3_1.ParameterObject[],
  success: number,
): PaginationSpec | undefined {
  const query = parameters.filter((p) => p.in === 'query');
  const page = query.find((p) => p.name === 'page');
  const size = SIZE_PARAMS.map((n) => query.find((p) => p.name === n)).find(Boolean);
  if (!page || !size) return undefined;
  const response = deref<OpenAPIV3_1.ResponseObject>(spec, operation.responses?.[String(success)]);
  const schema = Object.values(response?.content ?? {})[0]?.schema;
  const body = schemaProperties(spec, schema);
  const meta = schemaProperties(spec, body.get('meta'));
  if (!body.has('data') || !META_FIELDS.every((f) => meta.has(f))) return undefined;
  const sizeSchema = deref<{ default?: unknown }>(spec, size.schema ?? {});
  const defaultSize = typeof sizeSchema.default === 'number' ? sizeSchema.default : 20;
  return { pageParam: page.name, sizeParam: size.name, defaultSize };
}
