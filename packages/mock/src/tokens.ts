/**
 * Token sessions: sign-in issues an access/refresh pair, refresh rotates it (the old refresh token
 * is rejected from then on), sign-out revokes it. Only issued tokens and the demo tokens are valid.
 */
import { DEMO_ACCESS_TOKEN, DEMO_REFRESH_TOKEN } from './constants.ts';

export type TokenKind = 'access' | 'refresh';

export interface TokenPair {
  access: string;
  refresh: string;
}

export interface TokenStore {
  issue(): TokenPair;
  /** Whether `token` is a live token of the given kind. */
  accepts(token: string, kind: TokenKind): boolean;
  /** A new pair for a live refresh token (which is retired), or undefined. */
  rotate(refreshToken: string): TokenPair | undefined;
  /** Retire the session an access token belongs to. The demo tokens stay valid. */
  revoke(accessToken: string): void;
}

const base64url = (text: string) =>
  btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** JWT-shaped (unsigned) so clients that peek at claims work; deterministic per store. */
function accessToken(serial: number): string {
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const claims = base64url(JSON.stringify({ sub: 'mock-car-owner', jti: `mock-${serial}` }));
  return `${header}.${claims}.mock`;
}

export function createTokenStore(): TokenStore {
  let serial = 0;
  const live = new Map<string, { kind: TokenKind; session: number }>();
  const sessions = new Map<number, TokenPair>();
  const store: TokenStore = {
    issue() {
      serial += 1;
      const pair = { access: accessToken(serial), refresh: `mock-refresh-${serial}` };
      live.set(pair.access, { kind: 'access', session: serial });
      live.set(pair.refresh, { kind: 'refresh', session: serial });
      sessions.set(serial, pair);
      return pair;
    },
    accepts(token, kind) {
      if (token === (kind === 'access' ? DEMO_ACCESS_TOKEN : DEMO_REFRESH_TOKEN)) return true;
      return live.get(token)?.kind === kind;
    },
    rotate(refreshToken) {
      if (refreshToken === DEMO_REFRESH_TOKEN) return store.issue();
      const entry = live.get(refreshToken);
      if (entry?.kind !== 'refresh') return undefined;
      live.delete(refreshToken); // the old access token stays valid until it would expire
      sessions.delete(entry.session);
      return store.issue();
    },
    revoke(token) {
      const entry = live.get(token);
      if (!entry) return;
      const pair = sessions.get(entry.session);
      if (pair) for (const t of [pair.access, pair.refresh]) live.delete(t);
      live.delete(token);
      sessions.delete(entry.session);
    },
  };
  return store;
}
