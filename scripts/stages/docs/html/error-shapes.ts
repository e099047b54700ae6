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
      '<code>{ "error": "&#x2026;" }</code> from older endpoints: only a message, so branch on the HTTP status.',
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

/** A complete module (type-checked in test/docs): one reader for all three shapes, then a call. */
export const BRANCHING_EXAMPLE = `export interface ApiError {
  status: number;
  code: string;
  message: string;
  fields: unknown[];
}

/** Reads any of the API's three error shapes into one value. */
export async function readApiError(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => null);
  if (res.headers.get("content-type")?.includes("problem+json")) {
    // RFC 7807: { type, title, status, code, message }
    return { status: res.status, code: String(body?.code ?? body?.type), message: String(body?.message ?? body?.title), fields: [] };
  }
  if (body && typeof body.error === "object" && body.error !== null) {
    // envelope: { error: { code, message, fields, request_id, retryable } }
    return { status: res.status, code: String(body.error.code), message: String(body.error.message), fields: body.error.fields ?? [] };
  }
  // legacy: { error: "message" }
  return { status: res.status, code: String(res.status), message: String(body?.error ?? res.statusText), fields: [] };
}

const res = await fetch((process.env.BASE_URL ?? "https://api.minbil.no/api/co") + "/profile", {
  headers: { Accept: "application/json", Authorization: \`Bearer \${process.env.MINBIL_ACCESS_TOKEN ?? ""}\` },
});
if (!res.ok) console.error(await readApiError(res));
else console.log(await res.json());
`;
