/**
 * @minbil/car-owner-mock: the MinBil Car Owner API mocked from its spec. MSW handlers for app
 * tests, an HTTP server (`pnpm mock`), and a browser worker (`./browser`).
 */
export { createHandlers } from './handlers.ts';
export { createMockServer, type MockServer, type MockServerOptions } from './server.ts';
export type { MockOptions, OperationOverride } from './options.ts';
export { operationIds, routes, type OperationId } from './generated/routes.ts';
export type { RouteSpec } from './route-spec.ts';
export {
  BASE_PATH,
  DEFAULT_PORT,
  DEMO_ACCESS_TOKEN,
  DEMO_API_KEY,
  DEMO_REFRESH_TOKEN,
  MAX_BODY_BYTES,
  SEEDED_LIST_SIZE,
} from './constants.ts';
