/**
 * Renders the operation table as a small self-contained TypeScript module. Each operation is one
 * tuple `[operationId, flags, query?]` rather than an object with named fields: the table ships in
 * every app bundle, and tuples with bit flags are about half the min+gzip bytes of objects.
 * The client runtime decodes an entry on first use (packages/client/src/operation-info.ts).
 */
import { objectKey, PRINT_WIDTH, quoteString } from '../../pipeline/print-literals.ts';
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

class Unsure extends Error {}

/** A key as Prettier prints it (quoteProps as-needed: an identifier is unquoted). */
function key(name: string): string {
  // Prettier unquotes `'__proto__'`, which would set the prototype instead of a key
  if (name === '__proto__') throw new Unsure();
  return objectKey(name);
}

/** A row's value on one line as Prettier prints it when it fits (`['id', 17, { a: ['form', false] }]`). */
function flat(value: unknown): string {
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${flat(v)}`).join(', ')} }`;
  }
  throw new Unsure();
}

/** A line as Prettier leaves it: printable ASCII within the print width, or Unsure. */
function fitting(line: string): string {
  if (line.length > PRINT_WIDTH || !/^[\x20-\x7e]*$/.test(line)) throw new Unsure();
  return line;
}

/** An array's entries one per line at `indent`, each flat while it fits (the query object else
 * one parameter per line). */
function entries(entry: unknown[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  return entry.map((item) => {
    const line = `${pad}${flat(item)},`;
    if (line.length <= PRINT_WIDTH || !item || typeof item !== 'object' || Array.isArray(item))
      return fitting(line);
    const params = Object.entries(item).map(([k, v]) => fitting(`${pad}  ${key(k)}: ${flat(v)},`));
    return [`${pad}{`, ...params, `${pad}},`].join('\n');
  });
}

/**
 * One table row as Prettier lays it out: on one line when it fits; else `key: [` with one entry
 * per line; else, when even `key: [` is too wide, the value on the next line (flat, or broken).
 */
function row(name: string, entry: unknown[]): string {
  const line = `  ${name}: ${flat(entry)},`;
  if (line.length <= PRINT_WIDTH) return fitting(line);
  if (`  ${name}: [`.length <= PRINT_WIDTH)
    return [`  ${name}: [`, ...entries(entry, 4), '  ],'].join('\n');
  const keyLine = `  ${name}:`;
  if (!/^[\x20-\x7e]*$/.test(keyLine)) throw new Unsure();
  const value = `    ${flat(entry)},`;
  if (value.length <= PRINT_WIDTH) return [keyLine, fitting(value)].join('\n');
  return [keyLine, '    [', ...entries(entry, 6), '    ],'].join('\n');
}

/**
 * The module in Prettier's layout (`formatted`). An entry that does not fit on its own line,
 * non-ASCII text or an empty table is left to Prettier: the module is then returned as JSON.stringify text. Every
 * spec string reaches the code through JSON.stringify or quoteString, which yield valid, inert
 * TypeScript literals: spec text is never interpolated raw.
 */
export function emitOperations(table: OperationTable): { content: string; formatted?: boolean } {
  const entries = Object.entries(table.operations);
  try {
    if (entries.length === 0) throw new Unsure();
    const rows = entries.map(([name, op]) => row(key(name), encodeOperation(op)));
    const header = table.apiKeyHeader === null ? 'null' : quoteString(table.apiKeyHeader);
    const apiKey = fitting(`export const API_KEY_HEADER: string | null = ${header};`);
    return { content: moduleText(apiKey, rows), formatted: true };
  } catch (error) {
    if (!(error instanceof Unsure)) throw error;
  }
  const rows = entries.map(
    ([key, op]) => `  ${JSON.stringify(key)}: ${JSON.stringify(encodeOperation(op))},`,
  );
  const apiKey = `export const API_KEY_HEADER: string | null = ${JSON.stringify(table.apiKeyHeader)};`;
  return { content: moduleText(apiKey, rows) };
}

function moduleText(apiKey: string, rows: string[]): string {
  return `${GENERATED_HEADER}
${TYPES}
/** Header that carries the API key (\`apiKey\` security scheme), or null when the spec has none. */
${apiKey}

/** Runtime facts per operation, keyed by \`"METHOD /path"\`. */
export const operations: Readonly<Record<string, OperationEntry>> = {
${rows.join('\n')}
};
`;
}
