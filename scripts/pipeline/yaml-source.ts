/** YAML/JSON files parsed with positions, so prechecks can name `file:line:col`. */
import fs from 'node:fs';
import type { Document, LineCounter as Lines, Node } from 'yaml';
import { yaml } from './yaml-core.ts';

const { LineCounter, parseDocument, isMap, isScalar, isPair, isSeq } = yaml;

export interface SourceFile {
  file: string;
  doc: Document.Parsed;
  lines: Lines;
}

export function parseSource(file: string): SourceFile {
  const lines = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), {
    lineCounter: lines,
    prettyErrors: false,
  });
  return { file, doc, lines };
}

/** `line:col` (1-based) of a node, or of the document start. */
export function position(source: SourceFile, node: Node | null | undefined): string {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = source.lines.linePos(offset);
  return `${line}:${col}`;
}

/** Key -> value of large maps, built once: pointer lookups into 5,000 schemas stay cheap. */
const index = new WeakMap<object, Map<string, unknown>>();

function child(map: import('yaml').YAMLMap, key: string): unknown {
  if (map.items.length < 16) {
    const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    return pair?.value;
  }
  let keys = index.get(map);
  if (!keys) {
    keys = new Map();
    for (const p of map.items)
      if (isPair(p) && isScalar(p.key) && !keys.has(String(p.key.value)))
        keys.set(String(p.key.value), p.value);
    index.set(map, keys);
  }
  return keys.get(key);
}

/** The value node at a JSON pointer (`/components/schemas/A`, `/parameters/0`), if present. */
export function nodeAt(source: SourceFile, pointer: string): Node | undefined {
  let node: unknown = source.doc.contents;
  for (const raw of pointer.split('/').slice(1)) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    }
    if (isSeq(node)) {
      node = /^\d+$/.test(key) ? node.items[Number(key)] : undefined;
      continue;
    }
    if (!isMap(node)) return undefined;
    node = child(node, key);
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of the pair at a JSON pointer, for problems reported on a key. */
export function keyAt(source: SourceFile, pointer: string): Node | undefined {
  const parts = pointer.split('/');
  const parent = nodeAt(source, parts.slice(0, -1).join('/'));
  const key = (parts.at(-1) ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find(
    (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key,
  );
  return (pair?.key ?? undefined) as Node | undefined;
}
