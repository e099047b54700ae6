/**
 * The format checks Redocly's Ajv runs: `ajv-formats`' full set, loaded from where
 * @redocly/openapi-core loads it (lib/rules/ajv.js calls `addFormats(ajv)`), so the example
 * check and Ajv test a `format` with the same function or pattern.
 */
import { createRequire } from 'node:module';

type FormatDefinition =
  | true
  | RegExp
  | ((data: string) => boolean)
  | {
      type?: string;
      async?: boolean;
      validate: RegExp | ((data: never) => boolean);
    };

const requireFromRedocly = createRequire(import.meta.resolve('@redocly/openapi-core'));

export const fullFormats = (
  requireFromRedocly('ajv-formats/dist/formats.js') as {
    fullFormats: Record<string, FormatDefinition>;
  }
).fullFormats;
