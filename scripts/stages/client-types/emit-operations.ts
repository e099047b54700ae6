/**
 * Renders the operation table as a small self-contained TypeScript module. Each operation is one
 * tuple `[operationId, flags, query?]` rather than an object with named fields: the table ships in
 * every app bundle, and tuples with bit flags are about half the min+gzip bytes of objects.
 * The client runtime decodes an entry on first use (packages/client/src/operation-info.ts).
 */
import { GENERATED_HEADER } from './header.ts';
import type { OperationInfo, OperationTable, SecurityKind } from './operation-table.ts';

/** Bit layout of the flags field; the client runtime reads the same bits. */
export const FLAGS = {
  /** Bits 0-1: the security kind, as an index into SECURITY. */
  paginated: 4,
  multipart: 8,
  json: 16,
  conditional: 32,
  idempotent: 64,
} as const;

export const SECURITY: readonly SecurityKind[] = ['none', 'bearer', 'apiKey', 'optional'];

// Types are written out here so the generated module compiles on its own.
const TYPES = `export type SecurityKind = 'none' | 'bearer' | 'apiKey' | 'optional';

/**
 * One operation: \`[operationId, flags, query?]\`.
 * flags: bits 0-1 security (0 none, 1 bearer, 2 apiKey, 3 optional); ${FLAGS.paginated} paginated (takes
 * \`page\` and \`page_size\`); ${FLAGS.multipart} multipart body; ${FLAGS.json} JSON body; ${FLAGS.conditional} conditional (304 or
 * \`If-None-Match\`); ${FLAGS.idempotent} idempotent (\`Idempotency-Key\` parameter or \`x-idempotent\`).
 * query: only the parameters not serialized as \`form\` + \`explode: true\`, as \`[style, explode]\`.
 */
export type OperationEntry = readonly [
  operationId: string,
  flags: number,
  query?: Readonly<Record<string, readonly [style: string, explode: boolean]>>,
];
`;

/** The compact tuple for one operation. */
export function encodeOperation(op: OperationInfo): unknown[] {
  let flags = SECURITY.indexOf(op.security);
  for (const [name, bit] of Object.entries(FLAGS)) if (op[name as keyof typeof FLAGS]) flags |= bit;
  const query = Object.entries(op.query).filter(([, q]) => q.style !== 'form' || !q.explode);
  const entry: unknown[] = [op.operationId, flags];
  if (query.length > 0)
    entry.push(Object.fromEntries(query.map(([name, q]) => [name, [q.style, q.explode]])));
  return entry;
}

/**
 * Every spec string reaches the code through JSON.stringify, which yields valid, inert
 * TypeScript literals: spec text is never interpolated raw.
 */
export function emitOperations(table: OperationTable): string {
  const rows = Object.entries(table.operations).map(
    ([key, op]) => `  ${JSON.stringify(key)}: ${JSON.stringify(encodeOperation(op))},`,
  );
  return `${GENERATED_HEADER}
${TYPES}
/** Header that carries the API key (\`apiKey\` security scheme), or null when the spec has none. */
export const API_KEY_HEADER: string | null = ${JSON.stringify(table.apiKeyHeader)};

/** Runtime facts per operation, keyed by \`"METHOD /path"\`. */
export const operations: Readonly<Record<string, OperationEntry>> = {
${rows.join('\n')}
};
`;
}
