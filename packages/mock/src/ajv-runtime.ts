/**
 * The Ajv runtime helpers the generated standalone validators call. Importing them here, instead
 * of the `require()` calls Ajv emits, keeps the generated code ESM for Node, Vitest and esbuild.
 */
import * as equalModule from 'ajv/dist/runtime/equal.js';
import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import * as uriModule from 'ajv/dist/runtime/uri.js';
import * as formatsModule from 'ajv-formats/dist/formats.js';

type Namespace = { default?: unknown };

/**
 * `exports.default` of a CommonJS module: Node's ESM loader puts all of `module.exports` under
 * `default`, while esbuild follows `__esModule` and gives `exports.default` directly.
 */
function cjsDefault<T>(ns: Namespace): T {
  const value = ns.default as { __esModule?: boolean; default?: unknown } | undefined;
  return (value && value.__esModule ? value.default : value) as T;
}

export const equal = cjsDefault<(a: unknown, b: unknown) => boolean>(equalModule);
export const ucs2length = cjsDefault<(s: string) => number>(ucs2lengthModule);
export const uri = cjsDefault<unknown>(uriModule);
export const formats = formatsModule.fullFormats;
