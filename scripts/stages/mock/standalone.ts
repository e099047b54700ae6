/**
 * Ajv standalone code: validators compiled at generate time, so the mock never compiles schemas at
 * run time (the docs site runs it under a CSP without `unsafe-eval`).
 * https://ajv.js.org/standalone.html
 */
import { Ajv2020, _ } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { unsupported, type ThirdPartyMode } from '../third-party.ts';
import { reachedComponents } from './reached-components.ts';
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
  /** The components come from an OpenAPI 3.0 document (`nullable`). */
  openapi30?: boolean;
  /** Third-party mode: formats Ajv does not know are accepted unchecked, with a warning. */
  thirdParty?: ThirdPartyMode;
}

/** Every string `format` value in the schemas (a property named `format` has an object value). */
function formatsUsed(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) formatsUsed(item, found);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else formatsUsed(value, found);
    }
  return found;
}

/**
 * Each component prepared for Ajv (schema-prep.ts), once for both of the stage's modules (the
 * same `components` object), by name in the spec's order.
 */
const preparedBefore = new WeakMap<
  object,
  { openapi30: boolean; prepared: Map<string, unknown> }
>();
export function preparedComponents(components: Record<string, unknown>, openapi30: boolean) {
  const before = preparedBefore.get(components);
  if (before?.openapi30 === openapi30) return before.prepared;
  const prepared = new Map(
    Object.entries(components).map(([name, schema]) => [name, prepareSchema(schema, openapi30)]),
  );
  preparedBefore.set(components, { openapi30, prepared });
  return prepared;
}

export function standaloneModuleSource(input: StandaloneInput): string {
  const { coerce, components, schemas, openapi30 = false, thirdParty } = input;
  // Third-party specs routinely break Ajv's strict rules (`required` without `type: object`,
  // unknown keywords): strict mode is for our own spec; elsewhere Ajv reads them as JSON Schema does.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: !thirdParty,
    strictRequired: false,
    ...(thirdParty && { logger: false as const }),
    coerceTypes: coerce ? 'array' : false,
    // `lines`: one statement per line, so emit.ts only indents it (a review diff stays line-by-line)
    code: { source: true, esm: true, lines: true, formats: _`ajvRuntime.formats` },
  });
  addFormats(ajv);
  const prepared = preparedComponents(components, openapi30);
  const registered = reachedComponents(prepared, [...schemas.values()]) ?? [...prepared.keys()];
  const used = [registered.map((name) => prepared.get(name)), [...schemas.values()]];
  for (const format of [...formatsUsed(used)].sort()) {
    if (ajv.formats[format] !== undefined) continue;
    const line = `mock: format "${format}" is unknown to Ajv; the mock accepts any value for it`;
    unsupported(thirdParty, new Error(`mock: unknown format "${format}"`), line);
    ajv.addFormat(format, true);
  }
  for (const name of registered) {
    const $id = `${COMPONENT_ID}${name}`;
    try {
      ajv.addSchema({ ...(prepared.get(name) as object), $id });
    } catch (error) {
      // Ajv rejects the schema itself (not valid JSON Schema 2020-12): accept any value there
      const line = `mock: #/components/schemas/${name} is not valid JSON Schema for Ajv (${(error as Error).message.split('\n')[0]}); the mock accepts any value for it`;
      unsupported(thirdParty, error as Error, line);
      ajv.removeSchema($id); // Ajv may have registered the id before it rejected the schema
      ajv.addSchema({ $id });
    }
  }
  const exports: Record<string, string> = {};
  for (const [exportName, schema] of schemas) {
    if (!/^[A-Za-z_$][\w$]*$/.test(exportName)) throw new Error(`bad export name ${exportName}`);
    const id = `https://mock.minbil.invalid/request/${exportName}`;
    ajv.addSchema({ ...(schema as object), $id: id });
    exports[exportName] = id;
    if (thirdParty) acceptIfUncompilable(ajv, id, exportName, thirdParty);
  }
  let code = standaloneCode(ajv, exports);
  // Spec strings inside the code are JSON-escaped, so an unescaped `require("` is always Ajv's own.
  for (const [call, name] of Object.entries(RUNTIME)) code = code.replaceAll(call, name);
  const leftover = /\brequire\("[^"]*"\)/.exec(code);
  if (leftover) throw new Error(`mock: unexpected runtime import in Ajv output: ${leftover[0]}`);
  return code.replace(/^"use strict";/, '');
}

/**
 * Third-party mode: a request schema Ajv cannot compile (e.g. `type: file`, a component it
 * rejects) is replaced by `{}`, so the mock accepts any value there instead of failing the run.
 */
function acceptIfUncompilable(ajv: Ajv2020, id: string, name: string, mode: ThirdPartyMode): void {
  try {
    ajv.getSchema(id);
  } catch (error) {
    mode.warn(
      `mock: request schema ${name} cannot be compiled by Ajv (${(error as Error).message.split('\n')[0]}); the mock accepts any value for it`,
    );
    ajv.removeSchema(id);
    ajv.addSchema({ $id: id });
  }
}
