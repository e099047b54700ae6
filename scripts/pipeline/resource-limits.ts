/**
 * Limits on what one spec may cost before any parser that expands it (Redocly's js-yaml, the
 * bundle's JSON) sees it. A YAML alias bomb (nine levels of nine aliases) costs a few hundred
 * bytes on disk and gigabytes expanded; these stop it, located, in milliseconds.
 */
import type { Document, Node } from 'yaml';
import { stringEnd } from './json-locate.ts';
import { yaml } from './yaml-core.ts';

const { isAlias, isCollection, isMap, isPair, isSeq } = yaml;

export const LIMITS = {
  /** Bytes per file. GitHub's REST spec, one of the largest public specs, is 12.7 MB. */
  fileBytes: 64 * 1024 * 1024,
  /** Bytes over all files of one spec. */
  totalBytes: 256 * 1024 * 1024,
  /** Files one spec may reference. */
  files: 20_000,
  /** Nodes that YAML aliases may add when expanded, per document. */
  aliasNodes: 100_000,
  /** Nesting depth of one document. */
  depth: 400,
};

/**
 * Offset where flow brackets (`[`, `{`) nest past the depth limit, found before any parser
 * recurses. Text in quotes (a `\` escapes in double quotes only) does not count, and a quote
 * left open hides the rest. The scan jumps from mark to mark (a regular expression) and over
 * each quoted run (`indexOf`): on GitHub's 12.7 MB spec 40-60 ms against 100-140 ms for a loop
 * over every character.
 */
export function tooDeep(text: string): number | undefined {
  // fewer brackets than the limit cannot nest past it (most YAML files have a handful): counted
  // with indexOf, far faster than the walk below
  if (bracketsAtMost(text, LIMITS.depth)) return undefined;
  let depth = 0;
  const mark = /["'[\]{}]/g; // the next quote, bracket or brace
  // `test`, not `exec`: no match array per mark (GitHub's spec: 55 MB of them, for the GC)
  while (mark.test(text)) {
    const at = mark.lastIndex - 1;
    const ch = text[at];
    // past a quoted run; one left open ends the scan (lastIndex at the end: no mark is left)
    if (ch === '"') mark.lastIndex = stringEnd(text, at);
    else if (ch === "'") mark.lastIndex = text.indexOf("'", at + 1) + 1 || text.length;
    else if (ch === '[' || ch === '{') {
      if (++depth > LIMITS.depth) return at;
    } else depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function bracketsAtMost(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1))
      if (++count > limit) return false;
  }
  return true;
}

export interface LimitHit {
  node: Node | undefined;
  message: string;
  fix: string;
}

/** The first alias that pushes the expansion past the limit, or a nesting past the depth limit. */
export function checkExpansion(doc: Document.Parsed): LimitHit | undefined {
  const sizes = new Map<Node, number>();
  const inProgress = new Set<Node>();
  let deepest: { node: Node; depth: number } | undefined;
  let selfAlias: Node | undefined;
  // expanded node count of `node`; aliases count as the node they stand for
  const size = (node: unknown, depth: number): number => {
    if (depth > LIMITS.depth) {
      deepest ??= { node: node as Node, depth };
      return 1;
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return 1;
      if (inProgress.has(target as Node)) {
        selfAlias ??= node;
        return 1;
      }
      return size(target, depth + 1);
    }
    if (!isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    inProgress.add(node);
    let total = 1;
    for (const item of node.items) {
      if (isPair(item)) total += size(item.key, depth + 1) + size(item.value, depth + 1);
      else total += size(item, depth + 1);
      if (total > Number.MAX_SAFE_INTEGER / 2) break;
    }
    inProgress.delete(node);
    sizes.set(node, total);
    return total;
  };
  // walk aliases in document order, adding what each expands to
  let added = 0;
  let hit: LimitHit | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (hit || depth > LIMITS.depth) return;
    if (isAlias(node)) {
      added += size(node, depth);
      if (selfAlias)
        hit = {
          node: selfAlias,
          message: `YAML alias *${(selfAlias as { source?: string }).source ?? ''} refers to a node that contains it, so it never ends when expanded`,
          fix: 'use a $ref for recursive structures',
        };
      else if (added > LIMITS.aliasNodes)
        hit = {
          node,
          message: `YAML alias *${node.source} expands the document past ${LIMITS.aliasNodes.toLocaleString('en')} nodes (an alias bomb?)`,
          fix: 'write the repeated part once as a component and $ref it instead of nesting aliases',
        };
      return;
    }
    if (isMap(node) || isSeq(node))
      for (const item of node.items) {
        if (isPair(item)) {
          visit(item.key, depth + 1);
          visit(item.value, depth + 1);
        } else visit(item, depth + 1);
      }
  };
  visit(doc.contents, 0);
  if (hit) return hit;
  size(doc.contents, 0);
  if (deepest)
    return {
      node: deepest.node,
      message: `the document nests deeper than ${LIMITS.depth} levels`,
      fix: 'flatten the structure with named components and $ref',
    };
  return undefined;
}
