/**
 * The stateful operations. Everything else answers with its documented example; these change or
 * read the mock's state. Keyed by operationId, so a renamed operation is a type error here.
 */
import type { OperationId } from './generated/routes.ts';
import { bearerToken } from './auth.ts';
import type { Reply } from './respond.ts';
import type { MockState } from './state.ts';
import type { TokenKind, TokenPair } from './tokens.ts';

export interface BehaviourContext {
  request: Request;
  state: MockState;
  /** The documented success reply, ready to send or adjust. */
  reply: Reply;
}

export interface Behaviour {
  /** Which token the operation's bearer header must carry. @default 'access' */
  token?: TokenKind;
  run(ctx: BehaviourContext): Reply;
}

const ACCESS_TOKEN_LIFETIME_S = 3600;

function withTokens(reply: Reply, pair: TokenPair, now: Date): Reply {
  const expires = Math.floor(now.getTime() / 1000) + ACCESS_TOKEN_LIFETIME_S;
  const body = { ...(reply.body as Record<string, unknown>) };
  Object.assign(body, {
    access_token: pair.access,
    refresh_token: pair.refresh,
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    expires_at: new Date(expires * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  if ('expires_at_unix' in body) body.expires_at_unix = expires;
  return { ...reply, body };
}

/** FNV-1a, enough for a stable ETag of a small document. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}

const bumpProfile: Behaviour = {
  run({ state, reply }) {
    state.profileVersion += 1;
    return reply;
  },
};

export const behaviours: Partial<Record<OperationId, Behaviour>> = {
  signIn: {
    run: ({ state, reply }) => withTokens(reply, state.tokens.issue(), state.now()),
  },
  refreshToken: {
    token: 'refresh',
    run({ request, state, reply }) {
      // auth already checked the refresh token is live, so rotation succeeds
      const pair = state.tokens.rotate(bearerToken(request) ?? '') as TokenPair;
      return withTokens(reply, pair, state.now());
    },
  },
  signOut: {
    run({ request, state, reply }) {
      state.tokens.revoke(bearerToken(request) ?? '');
      return reply;
    },
  },
  getProfile: {
    run({ request, state, reply }) {
      const etag = `"p-${fnv1a(`${JSON.stringify(reply.body)}#${state.profileVersion}`)}"`;
      const headers = { ...reply.headers, ETag: etag };
      if (ifNoneMatch(request.headers.get('if-none-match'), etag))
        return { status: 304, headers: { ETag: etag } };
      return { ...reply, headers };
    },
  },
  updateProfile: bumpProfile,
  deleteProfileImage: bumpProfile,
};
