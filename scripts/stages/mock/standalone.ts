/**
 * Ajv standalone code: validators compiled at generate time, so the mock never compiles schemas at
 * run time (the docs site runs it under a CSP without `unsafe-eval`).
 * https://ajv.js.org/standalone.html
 */
import { Ajv2020, _ } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { COMPONENT_ID, prepareSchema } from './schema-prep.ts';

// CommonJS interop: module.exports is the function, and `.default` points at it too
type StandaloneFn = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneFn }).default ??
  standaloneModule) as unknown as StandaloneFn;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Ajv's runtime helpers, as `require` calls in its code, and their names in `ajv-runtime.ts`. */
const RUNTIME: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': 'ajvRuntime.ucs2length',
  'require("ajv/dist/runtime/equal").default': 'ajvRuntime.equal',
  'require("ajv/dist/runtime/uri").default': 'ajvRuntime.uri',
};

export interface StandaloneInput {
  /** coerce string inputs (parameters, multipart fields) to the documented types */
  coerce: boolean;
  components: Record<string, unknown>;
  /** export name (a plain identifier) -> schema */
  schemas: Map<string, unknown>;
}

export function standaloneModuleSource({ coerce, components, schemas }: StandaloneInput): string {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    coerceTypes: coerce ? 'array' : false,
    code: { source: true, esm: true, formats: _`ajvRuntime.formats` },
  });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(components))
    ajv.addSchema({ ...(prepareSchema(schema) as object), $id: `${COMPONENT_ID}${name}` });
  const exports: Record<string, string> = {};
  for (const [exportName, schema] of schemas) {
    if (!/^[A-Za-z_$][\w$]*$/.test(exportName)) throw new Error(`bad export name ${exportName}`);
    const id = `https://mock.minbil.invalid/request/${exportName}`;
    ajv.addSchema({ ...(schema as object), $id: id });
    exports[exportName] = id;
  }
  let code = standaloneCode(ajv, exports);
  // Spec strings inside the code are JSON-escaped, so an unescaped `require("` is always Ajv's own.
  for (const [call, name] of Object.entries(RUNTIME)) code = code.replaceAll(call, name);
  const leftover = /\brequire\("[^"]*"\)/.exec(code);
  if (leftover) throw new Error(`mock: unexpected runtime import in Ajv output: ${leftover[0]}`);
  return code.replace(/^"use strict";/, '');
}
