/**
 * Checks on the loaded sources that Redocly reports badly (at the wrong line, without the value,
 * or as a cascade of `struct` errors): duplicate operationIds (named, with the first site), and a
 * `$ref` that points at the wrong kind of object (a schema where a response belongs).
 */
import path from 'node:path';
import type { Node, YAMLMap } from 'yaml';
import { yaml } from './yaml-core.ts';
import { quote, type Problem } from './problem.ts';
import { at, type SpecSources } from './spec-sources.ts';
import { nodeAt, type SourceFile } from './yaml-source.ts';

const { isMap, isPair, isScalar } = yaml;

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Keys that make an object look like a schema (where a response or request body belongs). */
export const SCHEMA_KEYS = [
  'type',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'enum',
  'required',
  'additionalProperties',
  'format',
  'const',
];

interface Located {
  source: SourceFile;
  node: Node | undefined;
}

/** Follows pure `$ref`s (up to 16 hops) through the loaded files. */
function follow(sources: SpecSources, start: Located): Located & { via?: Located } {
  let current = start;
  let via: Located | undefined;
  for (let hop = 0; hop < 16; hop++) {
    const node = current.node;
    if (!isMap(node) || !node.has('$ref')) return { ...current, via };
    const refNode = node.get('$ref', true) as Node;
    const site = sources.refAt.get(refNode);
    if (!site?.targetFile) return { source: current.source, node: undefined, via };
    const target = sources.files.get(site.targetFile);
    if (!target) return { source: current.source, node: undefined, via };
    via ??= { source: current.source, node: refNode };
    current = {
      source: target,
      node: site.fragment ? nodeAt(target, site.fragment) : (target.doc.contents as Node),
    };
  }
  return { source: current.source, node: undefined, via };
}

const entries = (node: unknown): [string, Node][] =>
  isMap(node)
    ? node.items.flatMap((p) =>
        isPair(p) && isScalar(p.key) ? [[String(p.key.value), p.value as Node]] : [],
      )
    : [];

interface Operation {
  where: string;
  loc: Located;
}

function operations(sources: SpecSources, root: SourceFile): Operation[] {
  const out: Operation[] = [];
  for (const section of ['paths', 'webhooks']) {
    for (const [route, item] of entries(nodeAt(root, `/${section}`))) {
      const pathItem = follow(sources, { source: root, node: item });
      for (const [method, op] of entries(pathItem.node))
        if (METHODS.includes(method))
          out.push({ where: `${method} ${route}`, loc: { source: pathItem.source, node: op } });
    }
  }
  return out;
}

export function findDuplicateOperationIds(
  sources: SpecSources,
  root: SourceFile,
  repoRoot: string,
): Problem[] {
  const seen = new Map<string, { at: ReturnType<typeof at>; where: string }>();
  const problems: Problem[] = [];
  for (const op of operations(sources, root)) {
    const idNode = isMap(op.loc.node)
      ? (op.loc.node.get('operationId', true) as Node | undefined)
      : undefined;
    if (!isScalar(idNode) || typeof idNode.value !== 'string') continue;
    const here = at(op.loc.source, idNode);
    const first = seen.get(idNode.value);
    if (!first) {
      seen.set(idNode.value, { at: here, where: op.where });
      continue;
    }
    const firstFile = path.relative(repoRoot, first.at.file).split(path.sep).join('/');
    problems.push({
      ...here,
      rule: 'operation-operationId-unique',
      message: `operationId ${quote(idNode.value)} of ${op.where} is already used by ${first.where} at ${firstFile}:${first.at.line}:${first.at.col}`,
      fix: 'give each operation its own operationId',
    });
  }
  return problems;
}

const looksLikeSchema = (node: unknown) =>
  isMap(node) &&
  !node.has('content') &&
  !node.has('headers') &&
  SCHEMA_KEYS.some((k) => (node as YAMLMap).has(k));

/** A `$ref` where a response or request body belongs that points at a schema. */
export function findWrongKindRefs(sources: SpecSources, root: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const check = (source: SourceFile, node: Node | undefined, kind: 'response' | 'request body') => {
    if (!isMap(node) || !node.has('$ref')) return;
    const target = follow(sources, { source, node });
    if (!looksLikeSchema(target.node)) return;
    const refNode = node.get('$ref', true) as Node;
    const ref = String((refNode as { value?: unknown }).value);
    const wrap =
      kind === 'response'
        ? `point it at a response (\`#/components/responses/…\`) or wrap the schema: \`description: …\` and \`content: {application/json: {schema: {$ref: ${quote(ref)}}}}\``
        : `point it at a request body (\`#/components/requestBodies/…\`) or wrap the schema: \`content: {application/json: {schema: {$ref: ${quote(ref)}}}}\``;
    problems.push({
      ...at(source, refNode),
      rule: 'ref-kind',
      message: `$ref ${quote(ref)} points at a schema where a ${kind} belongs`,
      fix: wrap,
    });
  };
  for (const op of operations(sources, root)) {
    const opNode = op.loc.node;
    const responses = follow(sources, {
      source: op.loc.source,
      node: isMap(opNode) ? (opNode.get('responses', true) as Node) : undefined,
    });
    for (const [, response] of entries(responses.node))
      check(responses.source, response, 'response');
    if (isMap(opNode))
      check(op.loc.source, opNode.get('requestBody', true) as Node, 'request body');
  }
  for (const [, response] of entries(nodeAt(root, '/components/responses')))
    check(root, response, 'response');
  for (const [, body] of entries(nodeAt(root, '/components/requestBodies')))
    check(root, body, 'request body');
  return problems;
}
