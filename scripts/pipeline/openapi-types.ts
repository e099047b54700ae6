// One import point for the OpenAPI document types, so stages do not each pick a package.
export type { OpenAPIV3_1 } from 'openapi-types';
