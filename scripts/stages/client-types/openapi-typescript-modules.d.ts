/**
 * Types of the openapi-typescript modules emit-openapi-types.ts imports directly (the package
 * ships declarations for its index only): each is what the index re-exports from it.
 */
declare module 'openapi-typescript/dist/lib/ts.mjs' {
  export { astToString, NEVER, NULL } from 'openapi-typescript';
}
declare module 'openapi-typescript/dist/lib/utils.mjs' {
  export { resolveRef, scanDiscriminators } from 'openapi-typescript';
}
declare module 'openapi-typescript/dist/transform/index.mjs' {
  export { transformSchema as default } from 'openapi-typescript';
}
