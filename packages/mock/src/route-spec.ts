/**
 * The shape of the generated route table (`generated/routes.ts`): everything the engine needs to
 * know about one operation, extracted from the spec at generate time by `scripts/stages/mock/`.
 */

/** How an operation is secured, from its `security` requirement. */
export type AuthSpec =
  | { kind: 'none' }
  /** `bearerAuth`; `optional` when `security: [{}, {bearerAuth: []}]`. */
  | { kind: 'bearer'; optional: boolean }
  /** `apiKeyAuth`: an API key in the named request header. */
  | { kind: 'apiKey'; header: string };

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** Set for array parameters: `explode: false` means one comma-separated value. */
  array?: { explode: boolean };
}

export interface ExampleSpec {
  name: string;
  value: unknown;
}

/** Which documented error document the response uses, so the engine can fill in a message. */
export type ErrorShape = 'problem' | 'envelope' | 'other';

export interface ResponseSpec {
  status: number;
  /** The documented media type; absent for bodiless responses (204, 304). */
  contentType?: string;
  /** Documented response headers with their example values. */
  headers: Record<string, string>;
  examples: ExampleSpec[];
  shape: ErrorShape;
}

export interface PaginationSpec {
  pageParam: string;
  sizeParam: string;
  defaultSize: number;
}

export interface RouteSpec {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. `/bookings/{booking_id}`. */
  path: string;
  /** The same path in MSW's syntax, e.g. `/bookings/:booking_id`. */
  mswPath: string;
  auth: AuthSpec;
  params: ParamSpec[];
  /** Documented request media types; absent when the operation takes no body. */
  body?: { required: boolean; contentTypes: string[] };
  /** Lowest documented 2xx status. */
  success: number;
  responses: ResponseSpec[];
  pagination?: PaginationSpec;
}

/** An Ajv standalone validate function, as emitted in `generated/*-validators.ts`. */
export interface ValidateFn {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The generated validators of one operation, by what they check. */
export interface OperationValidators {
  /** path, query and header parameters (strings coerced to the documented types) */
  params?: ValidateFn;
  /** `application/json` body */
  json?: ValidateFn;
  /** `multipart/form-data` body (fields coerced like parameters) */
  multipart?: ValidateFn;
}
