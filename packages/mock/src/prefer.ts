/**
 * The `Prefer` request header, in Prism's convention: `Prefer: code=404`, `Prefer: example=Name`,
 * or both (`Prefer: code=400, example=ProblemBadRequest`). https://docs.stoplight.io/docs/prism
 */
import type { RouteSpec } from './route-spec.ts';

export interface Preference {
  code?: number;
  example?: string;
}

export function parsePrefer(header: string | null): Preference {
  const out: Preference = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const match = /^\s*(code|example)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (!match) continue;
    const [, key, value] = match as unknown as [string, string, string];
    if (key.toLowerCase() === 'code') out.code = Number(value);
    else out.example = value;
  }
  return out;
}

export type Selection = { status: number; example?: string } | { error: string };

/** The documented status and example a preference selects, or why none matches. */
export function selectResponse(route: RouteSpec, pref: Preference): Selection | undefined {
  if (pref.code === undefined && pref.example === undefined) return undefined;
  const documented = route.responses.map((r) => r.status);
  const candidates = route.responses.filter(
    (r) => pref.code === undefined || r.status === pref.code,
  );
  if (candidates.length === 0)
    return {
      error: `Prefer asks for status ${pref.code}, which ${route.operationId} does not document (documented: ${documented.join(', ')}).`,
    };
  if (pref.example === undefined) return { status: candidates[0]!.status };
  const hit = candidates.find((r) => r.examples.some((e) => e.name === pref.example));
  if (hit) return { status: hit.status, example: pref.example };
  const names = candidates.flatMap((r) => r.examples.map((e) => e.name));
  return {
    error: `Prefer asks for example ${JSON.stringify(pref.example)}, which ${route.operationId} does not document${pref.code === undefined ? '' : ` for ${pref.code}`} (documented: ${names.join(', ') || 'none'}).`,
  };
}
