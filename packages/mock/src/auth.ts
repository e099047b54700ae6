/**
 * Enforces an operation's security requirement. Bearer operations accept only tokens this mock
 * issued (or the demo token); an optional-bearer operation treats a bad token as anonymous, since
 * those operations document no 401.
 */
import { DEMO_API_KEY } from './constants.ts';
import type { RouteSpec } from './route-spec.ts';
import type { MockState } from './state.ts';
import type { TokenKind } from './tokens.ts';

export type AuthResult = { ok: true; token?: string } | { ok: false; message: string };

export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

export function checkAuth(
  route: RouteSpec,
  request: Request,
  state: MockState,
  kind: TokenKind,
): AuthResult {
  const { auth } = route;
  if (auth.kind === 'none') return { ok: true };
  if (auth.kind === 'apiKey') {
    const key = request.headers.get(auth.header);
    if (key === DEMO_API_KEY) return { ok: true };
    return {
      ok: false,
      message: key
        ? `The ${auth.header} header holds an unknown API key.`
        : `Missing ${auth.header} header.`,
    };
  }
  const token = bearerToken(request);
  if (token && state.tokens.accepts(token, kind)) return { ok: true, token };
  if (auth.optional) return { ok: true };
  if (!token)
    return {
      ok: false,
      message: 'Missing bearer token: send Authorization: Bearer <access token>.',
    };
  return {
    ok: false,
    message:
      kind === 'refresh'
        ? 'The refresh token is unknown, already used or revoked: sign in again.'
        : 'The bearer token is unknown, expired or revoked: sign in with POST /auth/sign-in.',
  };
}
