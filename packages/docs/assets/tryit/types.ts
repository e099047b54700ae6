/** The try-it data each operation carries in `data-op` (written by the docs stage). */
export interface TryItOp {
  id: string;
  method: string;
  path: string;
  auth: 'none' | 'bearer' | 'optional-bearer' | 'apiKey';
  apiKeyHeader: string;
  params: {
    name: string;
    in: 'path' | 'query' | 'header' | 'cookie';
    required: boolean;
    example: unknown;
  }[];
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
