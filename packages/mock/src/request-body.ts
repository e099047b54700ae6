/**
 * Reads a request body under the size limit and parses it by media type. Failures come back as
 * a status and a message, never as an exception.
 */
import { MAX_BODY_BYTES } from './constants.ts';
import type { RouteSpec } from './route-spec.ts';

export type BodyInput =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; value: Record<string, unknown> }
  | { kind: 'unvalidated' };

export type BodyResult = BodyInput | { kind: 'error'; status: 400 | 413 | 415; message: string };

const tooLarge = {
  kind: 'error',
  status: 413,
  message: `Request body exceeds ${MAX_BODY_BYTES} bytes.`,
} as const;

/** Multipart fields as plain values; files become their file names so schemas can check presence. */
async function formFields(
  bytes: ArrayBuffer,
  contentType: string,
): Promise<Record<string, unknown>> {
  const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map((v) => (typeof v === 'string' ? v : v.name || 'file'));
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export async function readBody(route: RouteSpec, request: Request): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge;
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return noBody(route);
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) return tooLarge;
  if (bytes.byteLength === 0 || !route.body) return noBody(route);
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const documented = route.body.contentTypes;
  if (!documented.includes(mediaType))
    return {
      kind: 'error',
      status: 415,
      message: `Content-Type ${JSON.stringify(mediaType || '(none)')} is not accepted here; send one of: ${documented.join(', ')}.`,
    };
  if (mediaType === 'application/json') {
    try {
      return { kind: 'json', value: JSON.parse(new TextDecoder().decode(bytes)) };
    } catch (error) {
      return {
        kind: 'error',
        status: 400,
        message: `body is not valid JSON: ${(error as Error).message}`,
      };
    }
  }
  if (mediaType === 'multipart/form-data') {
    try {
      return { kind: 'multipart', value: await formFields(bytes, contentType) };
    } catch {
      return {
        kind: 'error',
        status: 400,
        message: 'body is not a valid multipart/form-data document.',
      };
    }
  }
  return { kind: 'unvalidated' };
}

function noBody(route: RouteSpec): BodyResult {
  if (route.body?.required)
    return {
      kind: 'error',
      status: 400,
      message: `body is required (${route.body.contentTypes.join(' or ')}).`,
    };
  return { kind: 'none' };
}
