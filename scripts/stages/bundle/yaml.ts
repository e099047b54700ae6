/**
 * The bundle as YAML, `yaml`'s `stringify` output byte for byte. Under `--watch` it is printed
 * entry by entry: each path item and each component on its own (inside its parents, so at its
 * own depth), kept with the JSON of its value, so a save prints again only the entries it
 * changed (printing all of Car Owner's bundle took about 90 ms per save). With `lineWidth: 0`
 * nothing folds, and no anchors are made, so an entry's text does not depend on its neighbours;
 * test/pipeline/bundle-yaml.test.ts compares with one `stringify` of the whole document.
 */
import { yaml } from '../../pipeline/yaml-core.ts';
import { RunMemo } from '../../pipeline/run-memo.ts';
import { jsonToYaml, YAML_OPTIONS } from './yaml-json.ts';

/** `yaml`'s `stringify` of JSON data, printed without its document model where it can be. */
const stringify = (data: unknown): string => jsonToYaml(data) ?? yaml.stringify(data, YAML_OPTIONS);

const entries = new RunMemo<string>();

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;

/** `{ [k0]: { [k1]: ... value } }` printed, without the lines of its parent keys. */
function printEntry(keys: readonly string[], value: unknown): string {
  return entries.get(`${JSON.stringify(keys)}\0${JSON.stringify(value)}`, () => {
    let wrapped: unknown = value;
    for (let i = keys.length - 1; i >= 0; i--) wrapped = { [keys[i]!]: wrapped };
    let text = stringify(wrapped);
    for (let i = 0; i < keys.length - 1; i++) text = text.slice(text.indexOf('\n') + 1);
    return text;
  });
}

/** Prints `map` under `keys` entry by entry, `levels` maps deep. */
function printMap(keys: readonly string[], map: Record<string, unknown>, levels: number): string {
  let out = printEntry(keys, {}).replace(/ \{\}\n$/, '\n'); // `key:` at its depth
  for (const [k, v] of Object.entries(map))
    out +=
      levels > 1 && isMap(v) ? printMap([...keys, k], v, levels - 1) : printEntry([...keys, k], v);
  return out;
}

/**
 * `stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })`. With `keepEntries` (under
 * `--watch`) printed per entry, each entry's text kept for the next run; a cold run prints the
 * whole document at once, which is about 10% faster than entry by entry.
 */
export function bundleYaml(doc: Record<string, unknown>, keepEntries = false): string {
  if (!keepEntries) return stringify(doc);
  const depth: Record<string, number> = { paths: 1, webhooks: 1, components: 2 };
  let out = '';
  for (const [k, v] of Object.entries(doc))
    out += depth[k] && isMap(v) ? printMap([k], v, depth[k]) : printEntry([k], v);
  entries.endRun();
  return out || stringify(doc);
}
