/** Collects an operation's parameters from a request, as the strings the validators coerce. */
import type { RouteSpec } from './route-spec.ts';

export interface ParamInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

type PathParams = Record<string, string | readonly string[] | undefined>;

export function readParams(route: RouteSpec, request: Request, pathParams: PathParams): ParamInput {
  const url = new URL(request.url);
  const input: ParamInput = { path: {}, query: {}, header: {} };
  for (const param of route.params) {
    if (param.in === 'path') {
      const value = pathParams[param.name];
      if (typeof value === 'string') input.path[param.name] = value;
    } else if (param.in === 'header') {
      const value = request.headers.get(param.name);
      if (value !== null) input.header[param.name] = value;
    } else if (url.searchParams.has(param.name)) {
      const values = url.searchParams.getAll(param.name);
      if (!param.array) input.query[param.name] = values[values.length - 1];
      else if (param.array.explode) input.query[param.name] = values;
      else input.query[param.name] = values.flatMap((v) => (v === '' ? [] : v.split(',')));
    }
  }
  return input;
}
