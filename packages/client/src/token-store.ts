/** Where the client keeps tokens. Apps plug in secure storage (Keychain, SecureStore, ...). */

export interface AuthTokens {
  accessToken: string;
  refreshToken?: string | undefined;
  /** ISO 8601 expiry of the access token, as the API sends it. */
  expiresAt?: string | undefined;
}

/** Any storage with get/set; both may be async. `set(null)` signs out. */
export interface TokenStore {
  get(): AuthTokens | null | Promise<AuthTokens | null>;
  set(tokens: AuthTokens | null): void | Promise<void>;
}

/** The token response of `POST /auth/sign-in` and `POST /auth/refresh`. */
export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  expires_at?: string;
  token_type?: string;
}

/** Keeps tokens in memory only: they are lost when the app restarts. */
export function createMemoryTokenStore(initial: AuthTokens | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
  };
}

/** Converts the API's snake_case token response; keeps the old refresh token if none was sent. */
export function tokensFromResponse(body: TokenResponse, previous?: AuthTokens | null): AuthTokens {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? previous?.refreshToken,
    expiresAt: body.expires_at,
  };
}
