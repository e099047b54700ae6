/**
 * `@minbil/car-owner-client/validation`: optional schema checks of responses (and requests)
 * against validators generated from the spec (the validators package), installed with
 * `createClient({ ..., validation: validation(operationValidators) })`. Structural types only:
 * the runtime never imports zod.
 */
import type { ValidationHooks } from './client-options.ts';
import { RequestValidationError, ResponseValidationError, type ValidationIssue } from './errors.ts';

/** What the client needs from a schema; zod 4 schemas satisfy it. */
export interface ZodTypeLike {
  safeParse(value: unknown):
    | { success: true; data: unknown }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

export interface OperationValidators {
  request?: {
    /** The JSON body; checked unless the body went as FormData. */
    body?: ZodTypeLike;
    query?: ZodTypeLike;
    path?: ZodTypeLike;
    /** Accepted for compatibility with the validators package; not checked by the client. */
    headers?: ZodTypeLike;
    bodies?: Readonly<Record<string, ZodTypeLike>>;
  };
  /** Keyed by status (`"200"`), range (`"2XX"`) or `"default"`. */
  responses: Readonly<Record<string, ZodTypeLike>>;
}

/** Keyed by operationId. */
export type Validators = Readonly<Record<string, OperationValidators>>;

/** `responses`: check 2xx bodies. `all`: also check request body, query and path parameters before sending. */
export type ValidateMode = 'responses' | 'all';

/** The `validation` option of createClient: checks against `validators`, keyed by operationId. */
export function validation(
  validators: Validators,
  mode: ValidateMode = 'responses',
): ValidationHooks {
  return {
    response: (operationId, status, data) =>
      validateResponse(validators, operationId, status, data),
    request:
      mode === 'all'
        ? (operationId, parts) => validateRequest(validators, operationId, parts)
        : undefined,
  };
}

/** Throws ResponseValidationError when a 2xx body breaks its schema. */
export function validateResponse(
  validators: Validators | undefined,
  operationId: string,
  status: number,
  data: unknown,
): void {
  const responses = validators?.[operationId]?.responses;
  const schema =
    responses?.[String(status)] ??
    responses?.[`${Math.floor(status / 100)}XX`] ??
    responses?.default;
  const issues = check(schema, data);
  if (issues) throw new ResponseValidationError(operationId, status, issues);
}

/** Throws RequestValidationError for the first request part that breaks its schema. */
export function validateRequest(
  validators: Validators | undefined,
  operationId: string,
  parts: { body?: unknown; query?: unknown; path?: unknown },
): void {
  const request = validators?.[operationId]?.request;
  for (const part of ['path', 'query', 'body'] as const) {
    // Multipart bodies are FormData by now: nothing a JSON schema can check.
    if (part === 'body' && typeof FormData !== 'undefined' && parts.body instanceof FormData)
      continue;
    const issues = check(request?.[part], parts[part]);
    if (issues) throw new RequestValidationError(operationId, part, issues);
  }
}

function check(schema: ZodTypeLike | undefined, value: unknown): ValidationIssue[] | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  return result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

/** `["data", 0, "email"]` becomes `$.data[0].email`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) return `${out}.${key}`;
    return `${out}[${typeof key === 'symbol' ? String(key) : JSON.stringify(key)}]`;
  }, '$');
}
