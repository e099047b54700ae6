/**
 * JSON data as YAML, byte for byte what `yaml`'s `stringify(data, { lineWidth: 0,
 * aliasDuplicateObjects: false })` writes, without building its document model first.
 *
 * `stringify` turns every value of the data into a node (a `Scalar`, `Pair` or `YAMLMap`) and
 * then prints the nodes through a generic context: on GitHub's 13 MB bundle that was 1.7 s of
 * CPU, two thirds of the bundle stage. JSON data needs only block maps and sequences (no
 * comments, anchors, tags or flow style), so the layout is printed here as `yaml` prints it
 * (stringifyCollection.js, stringifyPair.js, with `indentSeq` on), and each string goes through
 * `yaml`'s own `stringifyString` with the context `stringify` would give it: the quoting, block
 * scalars and escapes are the package's. Numbers, booleans and null are printed by `stringify`
 * itself, once per distinct value. With `lineWidth: 0` nothing folds, so a one-line string reads
 * the same at any depth and is printed once per run. Anything else (a key longer than 1,024
 * characters, which `yaml` makes an explicit `? ` key; a value JSON cannot hold) returns
 * undefined and the caller uses `stringify`. test/bundle/yaml-json.test.ts compares the two.
 */
import { yaml } from '../../pipeline/yaml-core.ts';

export const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/** `yaml`'s defaults (stringify.js, createStringifyContext) under YAML_OPTIONS. */
const CONTEXT_OPTIONS = {
  blockQuote: true,
  commentString: (s: string) => s.replace(/^(?!$)(?: $)?/gm, '#'), // stringifyComment.js
  defaultKeyType: null,
  defaultStringType: 'PLAIN',
  directives: null,
  doubleQuotedAsJSON: false,
  doubleQuotedMinMultiLineLength: 40,
  falseStr: 'false',
  flowCollectionPadding: true,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 20,
  nullStr: 'null',
  simpleKeys: false,
  singleQuote: null,
  trailingComma: false,
  trueStr: 'true',
  verifyAliasOrder: true,
};

const STEP = '  ';

class Unprintable extends Error {}

type StringContext = Parameters<typeof yaml.stringifyString>[1];

interface Printer {
  /** The contexts a string is printed in, by indentation and whether it is a key. */
  contexts: Map<string, [value: StringContext, key: StringContext]>;
  /** One-line strings' text (the same at every depth), keys apart from values. */
  values: Map<string, string>;
  keys: Map<string, string>;
  scalars: Map<unknown, string>;
}

function newPrinter(): Printer {
  return { contexts: new Map(), values: new Map(), keys: new Map(), scalars: new Map() };
}

let doc: InstanceType<typeof yaml.Document> | undefined;

function contextsAt(p: Printer, indent: string): [StringContext, StringContext] {
  let pair = p.contexts.get(indent);
  if (!pair) {
    doc ??= new yaml.Document();
    const base = {
      actualString: true,
      anchors: new Set<string>(),
      doc,
      flowCollectionPadding: ' ',
      indent,
      indentStep: STEP,
      inFlow: null,
      options: CONTEXT_OPTIONS,
    };
    pair = [
      { ...base, implicitKey: false } as unknown as StringContext,
      { ...base, implicitKey: true } as unknown as StringContext,
    ];
    p.contexts.set(indent, pair);
  }
  return pair;
}

function stringText(p: Printer, value: string, indent: string, key: boolean): string {
  // a key one step in that looks like a document marker (`---`, `...`, `%`) is quoted only there
  const oneLine = !value.includes('\n') && !(key && indent === STEP);
  const memo = key ? p.keys : p.values;
  if (oneLine) {
    const known = memo.get(value);
    if (known !== undefined) return known;
  }
  const ctx = contextsAt(p, indent)[key ? 1 : 0];
  const text = yaml.stringifyString({ value } as Parameters<typeof yaml.stringifyString>[0], ctx);
  if (oneLine) memo.set(value, text);
  return text;
}

/** A number, boolean or null as `stringify` prints it (no string: those depend on context). */
function scalarText(p: Printer, value: number | boolean | null): string {
  if (Object.is(value, -0)) return '-0'; // the memo's Map holds -0 and 0 as one key
  let text = p.scalars.get(value);
  if (text === undefined) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Unprintable();
    text = yaml.stringify(value, YAML_OPTIONS).slice(0, -1);
    p.scalars.set(value, text);
  }
  return text;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** What `stringify` writes for `value` in a context of indentation `indent` (not a key). */
function valueText(p: Printer, value: unknown, indent: string): string {
  if (typeof value === 'string') return stringText(p, value, indent, false);
  if (!isObject(value)) {
    if (typeof value !== 'number' && typeof value !== 'boolean' && value !== null)
      throw new Unprintable();
    return scalarText(p, value);
  }
  if (Array.isArray(value)) return seqText(p, value, indent);
  return mapText(p, value as Record<string, unknown>, indent);
}

/** stringifyCollection.js for a YAMLSeq: `- item` lines, items one step in. */
function seqText(p: Printer, items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const inner = indent + STEP;
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += `\n${indent}`;
    out += `- ${valueText(p, items[i], inner)}`;
  }
  return out;
}

/** stringifyCollection.js for a YAMLMap, each entry stringifyPair.js's `key: value`. */
function mapText(p: Printer, map: Record<string, unknown>, indent: string): string {
  const keys = Object.keys(map);
  if (keys.length === 0) return '{}';
  const inner = indent + STEP;
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = map[key];
    if (value === undefined) throw new Unprintable(); // createNode drops it; JSON has none
    const keyText = stringText(p, key, inner, true);
    if (keyText.length > 1024) throw new Unprintable(); // an explicit `? key`
    if (i > 0) out += `\n${indent}`;
    out += `${keyText}:`;
    const text = valueText(p, value, inner);
    // a non-empty collection starts on the next line; an empty one prints `{}` or `[]`
    if (isObject(value) && text !== '{}' && text !== '[]') out += `\n${inner}${text}`;
    else out += ` ${text}`; // a scalar's text is never empty (`""`) nor starts a line
  }
  return out;
}

/** The YAML of a JSON map or array, or undefined where only `stringify` can say. */
export function jsonToYaml(data: unknown): string | undefined {
  if (!isObject(data)) return undefined;
  try {
    return `${valueText(newPrinter(), data, '')}\n`;
  } catch (error) {
    if (error instanceof Unprintable) return undefined;
    throw error;
  }
}
