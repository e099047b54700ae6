/** Everything the mock remembers between requests. One state per `createHandlers` call. */
import { createTokenStore, type TokenStore } from './tokens.ts';

export interface MockState {
  tokens: TokenStore;
  /** Bumped by profile writes, so the profile's ETag changes. */
  profileVersion: number;
  now: () => Date;
  /** Deterministic UUID-shaped request ids for error documents. */
  nextRequestId(): string;
}

export function createState(now: () => Date = () => new Date()): MockState {
  let requests = 0;
  return {
    tokens: createTokenStore(),
    profileVersion: 0,
    now,
    nextRequestId() {
      requests += 1;
      return `00000000-0000-4000-8000-${requests.toString(16).padStart(12, '0')}`;
    },
  };
}
