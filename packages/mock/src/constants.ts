/** Fixed values of the mock that users rely on; documented in the README. */

/** Where the API lives under any origin. */
export const BASE_PATH = '/api/co';

/** `pnpm mock` listens here by default. */
export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

/** A bearer token that is always valid, for the docs console and quick curl calls. Never revoked. */
export const DEMO_ACCESS_TOKEN = 'minbil-demo-access-token';

/** A refresh token that is always valid; refreshing with it never retires it. */
export const DEMO_REFRESH_TOKEN = 'minbil-demo-refresh-token';

/** The only `x-api-key` value the mock accepts (GET /car-brands). */
export const DEMO_API_KEY = 'minbil-demo-api-key';

/** Request bodies above this many bytes get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Size of every seeded paginated list (notifications, threads, messages, shops). */
export const SEEDED_LIST_SIZE = 45;
