/** One parameter as the console needs it (written by the docs stage into `data-op`). */
export interface TryItParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** How the value is edited and serialized. */
  kind: 'array' | 'object' | 'primitive';
  /** The effective style and explode (the stage fills in the location's defaults). */
  style: string;
  explode: boolean;
  allowReserved?: boolean;
  example: unknown;
}

/** The try-it data each operation carries in `data-op` (written by the docs stage). */
export interface TryItOp {
  id: string;
  method: string;
  path: string;
  auth: 'none' | 'bearer' | 'optional-bearer' | 'apiKey';
  apiKeyHeader: string;
  /** What the scheme carries: `access_token`, `refresh_token`, `api_key`, … */
  credential: string;
  params: TryItParam[];
  bodyType: string;
}

export interface TryItResult {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  note?: string;
}

export interface TryItRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
