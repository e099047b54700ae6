/** The API's three error shapes, each illustrated with the first matching example in the spec. */
import type { OperationModel } from '../operations.ts';
import { isObject } from '../resolve.ts';

export interface ErrorShape {
  id: 'problem' | 'envelope' | 'legacy';
  title: string;
  /** Trusted HTML (ours, not the spec's). */
  explain: string;
  example?: unknown;
  source?: string;
}

const SHAPES: ErrorShape[] = [
  {
    id: 'problem',
    title: 'Problem details (RFC 7807)',
    explain:
      '<code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code>, usually <code>code</code> and <code>message</code>, sometimes <code>where</code>. Branch on <code>code</code>.',
  },
  {
    id: 'envelope',
    title: 'Error envelope',
    explain:
      '<code>{ "error": { "code", "message", "fields", "request_id", "retryable" } }</code> from the newer modules. Branch on <code>error.code</code>; <code>fields</code> lists invalid inputs; retry only when <code>retryable</code> is true.',
  },
  {
    id: 'legacy',
    title: 'Legacy error string',
    explain:
      '<code>{ "error": "…" }</code> from older endpoints: only a message, so branch on the HTTP status.',
  },
];

function shapeOf(contentType: string | undefined, example: unknown): ErrorShape['id'] | undefined {
  if (contentType?.includes('problem+json')) return 'problem';
  if (!isObject(example)) return undefined;
  if (isObject(example.error)) return 'envelope';
  if (typeof example.error === 'string') return 'legacy';
  return undefined;
}

export function classifyErrors(ops: readonly OperationModel[]): ErrorShape[] {
  const found = new Map<string, { example: unknown; source: string }>();
  for (const op of ops)
    for (const r of op.responses) {
      if (!/^[45]/.test(r.status) || r.example === undefined) continue;
      const id = shapeOf(r.contentType, r.example);
      if (id && !found.has(id))
        found.set(id, {
          example: r.example,
          source: `${r.status} from ${op.method.toUpperCase()} ${op.path}`,
        });
    }
  return SHAPES.map((s) => ({ ...s, ...found.get(s.id) }));
}

export const BRANCHING_EXAMPLE = `const res = await fetch(url, init);
if (!res.ok) {
  const body = await res.json().catch(() => null);
  if (res.headers.get("content-type")?.includes("problem+json")) {
    // RFC 7807: { type, title, status, code, message }
    handle(body.code ?? body.type, body.message ?? body.title);
  } else if (body && typeof body.error === "object") {
    // envelope: { error: { code, message, fields, request_id, retryable } }
    handle(body.error.code, body.error.message, body.error.fields);
  } else {
    // legacy: { error: "message" }
    handle(String(res.status), body?.error ?? res.statusText);
  }
}
`;
