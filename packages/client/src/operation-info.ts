/**
 * Reads the generated operation table. Entries are compact tuples (`[operationId, flags, query?]`,
 * see generated/operations.ts) to keep the bundle small; each is decoded once, on first use.
 */
import type { OperationEntry, SecurityKind } from './generated/operations.ts';

export interface QueryStyle {
  /** OpenAPI `style` (form, spaceDelimited, pipeDelimited, deepObject). */
  readonly style: string;
  readonly explode: boolean;
}

/** What the runtime knows about one operation, beyond its TypeScript types. */
export interface OperationInfo {
  readonly operationId: string;
  readonly security: SecurityKind;
  /** Parameters not sent as `form` + `explode: true` (the default for the rest). */
  readonly query: Readonly<Record<string, QueryStyle>>;
  /** Takes `page` and `page_size` query parameters. */
  readonly paginated: boolean;
  /** Takes a `multipart/form-data` body. */
  readonly multipart: boolean;
  /** Takes an `application/json` body. */
  readonly json: boolean;
  /** Answers 304 or takes `If-None-Match`. */
  readonly conditional: boolean;
  /** Marked idempotent by the spec: sent with an `Idempotency-Key` and retried like a GET. */
  readonly idempotent: boolean;
}

export type OperationTable = Readonly<Record<string, OperationEntry>>;

const SECURITY: readonly SecurityKind[] = ['none', 'bearer', 'apiKey', 'optional'];

export function decodeOperation(entry: OperationEntry): OperationInfo {
  const [operationId, flags, query = {}] = entry;
  const styles: Record<string, QueryStyle> = {};
  for (const name in query) styles[name] = { style: query[name]![0], explode: query[name]![1] };
  return {
    operationId,
    security: SECURITY[flags & 3]!,
    query: styles,
    paginated: (flags & 4) > 0,
    multipart: (flags & 8) > 0,
    json: (flags & 16) > 0,
    conditional: (flags & 32) > 0,
    idempotent: (flags & 64) > 0,
  };
}

/**
 * `lookup("GET", "/profile")`: the decoded operation, or undefined for paths the spec lacks.
 * Keyed by method, then path: the path is usually a literal whose hash is cached, where a
 * `"GET /profile"` key built per call is hashed again on every lookup.
 */
export function createOperationLookup(table: OperationTable) {
  const decoded = new Map<string, Map<string, OperationInfo | undefined>>();
  return (method: string, path: string): OperationInfo | undefined => {
    let byPath = decoded.get(method);
    if (!byPath) decoded.set(method, (byPath = new Map()));
    if (byPath.has(path)) return byPath.get(path);
    const key = `${method} ${path}`;
    const op = Object.prototype.hasOwnProperty.call(table, key)
      ? decodeOperation(table[key]!)
      : undefined;
    // Unknown paths are not remembered: a caller building paths at runtime must not grow this.
    if (op) byPath.set(path, op);
    return op;
  };
}
