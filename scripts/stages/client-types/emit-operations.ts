/** Renders the operation table as a self-contained TypeScript module. */
import { GENERATED_HEADER } from './header.ts';
import type { OperationTable } from './operation-table.ts';

// Types are written out here so the generated module compiles on its own.
const TYPES = `export type SecurityKind = 'bearer' | 'apiKey' | 'none' | 'optional';

export interface QueryParamStyle {
  /** OpenAPI \`style\` (form, spaceDelimited, pipeDelimited, deepObject). */
  readonly style: string;
  readonly explode: boolean;
  readonly array: boolean;
}

export interface OperationInfo {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly security: SecurityKind;
  readonly query: Readonly<Record<string, QueryParamStyle>>;
  /** Takes \`page\` and \`page_size\` query parameters. */
  readonly paginated: boolean;
  /** Takes a \`multipart/form-data\` body. */
  readonly multipart: boolean;
  /** Takes an \`application/json\` body. */
  readonly json: boolean;
  /** Answers 304 or takes \`If-None-Match\`. */
  readonly conditional: boolean;
}
`;

/**
 * Every spec string reaches the code through JSON.stringify, which yields valid, inert
 * TypeScript literals: spec text is never interpolated raw.
 */
export function emitOperations(table: OperationTable): string {
  return `${GENERATED_HEADER}
${TYPES}
/** Header that carries the API key (\`apiKey\` security scheme), or null when the spec has none. */
export const API_KEY_HEADER: string | null = ${JSON.stringify(table.apiKeyHeader)};

/** Runtime facts per operation, keyed by \`"METHOD /path"\`. */
export const operations = ${JSON.stringify(table.operations, null, 2)} as const satisfies Record<string, OperationInfo>;

export type OperationKey = keyof typeof operations;
`;
}
