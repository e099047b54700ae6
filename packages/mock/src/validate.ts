/** Runs the generated validators and turns Ajv errors into messages that name the field. */
import { validators } from './generated/validators.ts';
import type { BodyInput } from './request-body.ts';
import type { FieldIssue } from './problems.ts';
import type { ParamInput } from './request-input.ts';
import type { AjvError, RouteSpec, ValidateFn } from './route-spec.ts';

const LOCATION: Record<string, string> = {
  path: 'path parameter',
  query: 'query parameter',
  header: 'header',
};

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function reason(error: AjvError): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'enum')
    return `must be one of: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') return 'is not allowed';
  return error.message ?? 'is invalid';
}

/** `/a/0/b` -> `a[0].b`, with the missing or extra property appended where Ajv reports it. */
function fieldPath(segments: string[], error: AjvError): string {
  const extra = (error.params.missingProperty ?? error.params.additionalProperty) as
    string | undefined;
  const all = extra === undefined ? segments : [...segments, extra];
  return all.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

function issues(validate: ValidateFn, data: unknown, where: 'params' | 'body'): FieldIssue[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  return (validate.errors ?? []).flatMap((error) => {
    const segments = error.instancePath.split('/').slice(1).map(unescape);
    const location =
      where === 'params' ? (LOCATION[segments.shift() ?? ''] ?? 'parameter') : 'body field';
    const field = fieldPath(segments, error) || 'body';
    const text = `${field === 'body' ? 'body' : `${location} ${field}`} ${reason(error)}`;
    if (seen.has(text)) return [];
    seen.add(text);
    return [{ field, reason: text }];
  });
}

/** Every contract violation in the request, or an empty list. */
export function validateRequest(
  route: RouteSpec,
  params: ParamInput,
  body: BodyInput,
): FieldIssue[] {
  const own = validators[route.operationId] ?? {};
  const out: FieldIssue[] = [];
  if (own.params) out.push(...issues(own.params, params, 'params'));
  if (body.kind === 'json' && own.json) out.push(...issues(own.json, body.value, 'body'));
  if (body.kind === 'multipart' && own.multipart)
    out.push(...issues(own.multipart, body.value, 'body'));
  return out;
}
