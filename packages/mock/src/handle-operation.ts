/**
 * Answers one request for a matched operation: body limit, `Prefer`, auth, contract validation,
 * then the app's override, the stateful behaviour or the documented example.
 */
import { checkAuth } from './auth.ts';
import { behaviours } from './behaviours.ts';
import type { OperationOverride } from './options.ts';
import { paginate } from './pagination.ts';
import { parsePrefer, selectResponse } from './prefer.ts';
import { documentedError, plainProblem } from './problems.ts';
import { readBody } from './request-body.ts';
import { readParams } from './request-input.ts';
import { documentedReply, toResponse, type Reply } from './respond.ts';
import type { RouteSpec } from './route-spec.ts';
import type { MockState } from './state.ts';
import { validateRequest } from './validate.ts';

export interface OperationRequest {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
}

async function answer(
  route: RouteSpec,
  state: MockState,
  { request, params }: OperationRequest,
  override?: OperationOverride,
): Promise<Reply | Response> {
  const instance = new URL(request.url).pathname;
  const error = (status: number, message: string, issues?: { field: string; reason: string }[]) =>
    documentedError(route, status, {
      message,
      instance,
      requestId: state.nextRequestId(),
      ...(issues && { issues }),
    });

  const body = await readBody(route, request);
  if (body.kind === 'error')
    return body.status === 400
      ? error(400, body.message, [{ field: 'body', reason: body.message }])
      : plainProblem(body.status, body.message, instance);

  const selected = selectResponse(route, parsePrefer(request.headers.get('prefer')));
  if (selected && 'error' in selected) return plainProblem(400, selected.error, instance);
  if (selected) return documentedReply(route, selected.status, selected.example);

  const behaviour = behaviours[route.operationId as keyof typeof behaviours];
  const auth = checkAuth(route, request, state, behaviour?.token ?? 'access');
  if (!auth.ok) return error(401, auth.message);

  const input = readParams(route, request, params);
  const issues = validateRequest(route, input, body);
  if (issues.length > 0) return error(400, issues.map((i) => i.reason).join('; '), issues);

  const custom = override && (await override({ request, params, operationId: route.operationId }));
  if (custom) return custom;

  let reply = documentedReply(route, route.success);
  if (route.pagination)
    reply = { ...reply, body: paginate(reply.body, route.pagination, input.query, instance) };
  return behaviour ? behaviour.run({ request, state, reply }) : reply;
}

export async function handleOperation(
  route: RouteSpec,
  state: MockState,
  req: OperationRequest,
  override?: OperationOverride,
): Promise<Response> {
  const result = await answer(route, state, req, override);
  return result instanceof Response ? result : toResponse(result);
}
