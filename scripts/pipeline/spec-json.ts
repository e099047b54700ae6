/**
 * The bundled spec as indented JSON text, made once per spec object in each thread: the
 * orchestrator hashes it (the stages' cache key), the bundle stage writes it
 * (`generated/openapi.json`, after its `x-generated` notice) and the docs stage ships it (the
 * site's `openapi.json`). Stages in the main thread reuse the orchestrator's text:
 * `JSON.stringify(spec, null, 2)` took 100-130 ms each on GitHub's spec (in a batch).
 */
const texts = new WeakMap<object, string>();

/** `JSON.stringify(spec, null, 2)`, reused for the same object (a spec is never edited after the bundle). */
export function specJson(spec: object): string {
  let text = texts.get(spec);
  if (text === undefined) texts.set(spec, (text = JSON.stringify(spec, null, 2)));
  return text;
}

/**
 * `JSON.stringify({ [key]: value, ...spec }, null, 2)` (a string member first), from specJson's
 * text when that is an object's with at least one member and without `key`.
 */
export function specJsonWithFirst(spec: object, key: string, value: string): string {
  const text = specJson(spec);
  if (!text.startsWith('{\n') || Object.hasOwn(spec, key))
    return JSON.stringify({ [key]: value, ...spec }, null, 2);
  // the text opens with `{\n  "first key": …`: the new member is a line before that one
  return `{\n  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n${text.slice(2)}`;
}
