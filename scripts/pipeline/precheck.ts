/**
 * Checks Redocly cannot report with a location (it throws "Unsupported specification" or
 * "Self-referencing circular pointer" instead): YAML syntax and the `openapi` version of the root
 * file, and chains of `$ref`s that only point at each other. Each finding is one located line.
 */
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { nodeAt, parseSource, position, type SourceFile } from './yaml-source.ts';

const rel = (root: string, file: string) => path.relative(root, file) || file;

export function checkRootDocument(rootFile: string, repoRoot: string): string[] {
  const source = parseSource(rootFile);
  const name = rel(repoRoot, rootFile);
  if (source.doc.errors.length) {
    return source.doc.errors.map((e) => {
      const { line, col } = source.lines.linePos(e.pos[0]);
      return `${name}:${line}:${col} error [yaml-syntax] ${e.message.split('\n')[0]}`;
    });
  }
  const swagger = nodeAt(source, '/swagger');
  if (swagger) {
    return [
      `${name}:${position(source, swagger)} error [openapi-version] Swagger 2.0 is not supported. Convert the file to OpenAPI 3.1 (for example with swagger2openapi) and set \`openapi: 3.1.0\`.`,
    ];
  }
  const version = nodeAt(source, '/openapi');
  if (!version) {
    return [
      `${name}:1:1 error [openapi-version] The root has no \`openapi\` field. Start the file with \`openapi: 3.1.0\`.`,
    ];
  }
  if (!isScalar(version) || !/^3\.[01]\.\d+$/.test(String(version.value))) {
    return [
      `${name}:${position(source, version)} error [openapi-version] \`openapi: ${isScalar(version) ? String(version.value) : '…'}\` is not supported. Use 3.1.x (3.0.x is accepted too).`,
    ];
  }
  return [];
}

interface RefSite {
  source: SourceFile;
  pointer: string;
}

/** Follow pure `$ref` chains (objects whose only key is `$ref`) from every such node; report loops. */
export function findRefCycles(rootFile: string, repoRoot: string): string[] {
  const sources = new Map<string, SourceFile>();
  const load = (file: string): SourceFile | undefined => {
    if (!sources.has(file)) {
      try {
        sources.set(file, parseSource(file));
      } catch {
        return undefined; // a missing file is a dangling $ref: Redocly reports it with a location
      }
    }
    return sources.get(file);
  };
  const pureRef = (node: Node | undefined): string | undefined => {
    if (!isMap(node) || node.items.length !== 1) return undefined;
    const pair = node.items[0];
    if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== '$ref' || !isScalar(pair.value))
      return undefined;
    return String(pair.value.value);
  };
  const target = (site: RefSite, ref: string): RefSite | undefined => {
    const [file, fragment = ''] = ref.split('#');
    const source = file ? load(path.resolve(path.dirname(site.source.file), file)) : site.source;
    return source && { source, pointer: fragment };
  };
  const reported = new Set<string>();
  const problems: string[] = [];
  const walk = (source: SourceFile, node: unknown, pointer: string) => {
    const ref = pureRef(node as Node);
    if (ref) {
      const trail: string[] = [];
      let site: RefSite = { source, pointer };
      for (let hops = 0; hops < 64; hops++) {
        const key = `${site.source.file}#${site.pointer}`;
        if (trail.includes(key)) {
          const cycle = trail.slice(trail.indexOf(key)).sort().join(' ');
          if (!reported.has(cycle)) {
            reported.add(cycle);
            const at = `${rel(repoRoot, source.file)}:${position(source, node as Node)}`;
            problems.push(
              `${at} error [no-ref-cycle] \`$ref\` chain loops without reaching a schema: ${[...trail.slice(trail.indexOf(key)), key].map((k) => rel(repoRoot, k)).join(' -> ')}. Point one of them at a real definition.`,
            );
          }
          break;
        }
        trail.push(key);
        const next = site.pointer
          ? nodeAt(site.source, site.pointer)
          : (site.source.doc.contents as Node);
        const nextRef = pureRef(next);
        const nextSite = nextRef ? target(site, nextRef) : undefined;
        if (!nextSite) break;
        site = nextSite;
      }
      return;
    }
    if (isMap(node))
      for (const p of node.items)
        if (isPair(p) && isScalar(p.key))
          walk(
            source,
            p.value,
            `${pointer}/${String(p.key.value).replace(/~/g, '~0').replace(/\//g, '~1')}`,
          );
    if (isSeq(node)) node.items.forEach((item, i) => walk(source, item, `${pointer}/${i}`));
  };
  const queue = [rootFile];
  const visited = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (visited.has(file)) continue;
    visited.add(file);
    const source = load(file);
    if (!source) continue;
    walk(source, source.doc.contents, '');
    // queue every file this one references
    const refs: string[] = [];
    const collect = (node: unknown) => {
      if (isMap(node))
        for (const p of node.items) {
          if (isPair(p) && isScalar(p.key) && p.key.value === '$ref' && isScalar(p.value))
            refs.push(String(p.value.value));
          else if (isPair(p)) collect(p.value);
        }
      if (isSeq(node)) node.items.forEach(collect);
    };
    collect(source.doc.contents);
    for (const ref of refs) {
      const [f] = ref.split('#');
      if (f && !/^[a-z]+:/i.test(f)) queue.push(path.resolve(path.dirname(file), f));
    }
  }
  return problems;
}
