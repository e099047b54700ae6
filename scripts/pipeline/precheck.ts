/**
 * Everything about a spec's input that is judged before Redocly reads it, in the shared
 * lint+bundle path (so `pnpm generate` and `pnpm generate --spec` get the same checks):
 * `$ref` confinement, size and alias limits, YAML syntax and duplicate keys (spec-sources.ts),
 * the `openapi` version of the root, secrets (secrets.ts), duplicate operationIds and wrong-kind
 * `$ref`s (spec-checks.ts). Also what Redocly throws without a location: pure `$ref` cycles.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Node } from 'yaml';
import { yaml } from './yaml-core.ts';
import { formatProblems, quote, type Problem } from './problem.ts';
import type { RefPolicy } from './ref-confinement.ts';
import { findSecrets, locateSecrets } from './secrets.ts';
import { SpecError } from './spec-error.ts';
import { findDuplicateOperationIds, findWrongKindRefs } from './spec-checks.ts';
import { at, loadSpecSources, type SpecSources } from './spec-sources.ts';
import { nodeAt, parseSource, type SourceFile } from './yaml-source.ts';

const { isMap, isPair, isScalar, isSeq } = yaml;

const rel = (root: string, file: string) => path.relative(root, file) || file;

export interface PrecheckOptions {
  /**
   * Live credentials: a failing error (`pnpm generate`), a located warning (a gentler gate for
   * third-party specs whose published examples hold real-looking tokens), or off. @default 'error'
   */
  secrets?: 'error' | 'warning' | 'off';
  /** Report duplicate operationIds (a gentler gate may derive or rename instead). @default true */
  duplicateOperationIds?: boolean;
  /**
   * Screen the spec as plain data first and parse it with positions only when the screen finds
   * something (spec-screen.ts). @default true
   */
  screen?: boolean;
}

export interface Precheck {
  sources: SpecSources;
  problems: Problem[];
}

/** Every input check that needs no Redocly; nothing outside the policy is read. */
export function precheckSpec(
  rootFile: string,
  policy: RefPolicy,
  repoRoot: string,
  options: PrecheckOptions = {},
): Precheck {
  const text = fs.readFileSync(rootFile, 'utf8');
  if (text.trim() === '') {
    return {
      sources: {
        files: new Map(),
        screened: new Set(),
        parsed: new Map(),
        refs: [],
        refAt: new Map(),
        problems: [],
        secrets: [],
      },
      problems: [
        {
          file: rootFile,
          line: 1,
          col: 1,
          rule: 'empty-file',
          message: 'the file is empty',
          fix: 'write an OpenAPI 3.1 document (start with `openapi: 3.1.0`)',
        },
      ],
    };
  }
  const sources = loadSpecSources(rootFile, policy, repoRoot, {
    screen: options.screen,
    rootText: text,
  });
  const problems = [...sources.problems];
  const root = sources.files.get(rootFile);
  if (root) problems.push(...checkRootDocument(root));
  const secrets = options.secrets ?? 'error';
  // a spec the screen passed has nothing more these checks could find, but its secrets
  if (!root && sources.secrets.length && secrets !== 'off')
    problems.push(
      ...locateSecrets(sources.secrets, sources.screened, (file) =>
        file === rootFile ? text : sources.parsed.get(file)?.body,
      ).map((p) => ({ ...p, severity: secrets })),
    );
  if (problems.length || !root) return { sources, problems };
  if (secrets !== 'off')
    problems.push(...findSecrets(sources.files.values()).map((p) => ({ ...p, severity: secrets })));
  if (options.duplicateOperationIds ?? true)
    problems.push(...findDuplicateOperationIds(sources, root, repoRoot));
  problems.push(...findWrongKindRefs(sources, root));
  return { sources, problems };
}

/**
 * The precheck as both gates use it: errors become a SpecError (one line each, after `adjust`,
 * e.g. a mode's own fix text); warnings come back as formatted lines.
 */
export function precheckOrThrow(
  rootFile: string,
  policy: RefPolicy,
  repoRoot: string,
  options: PrecheckOptions = {},
  adjust: (problem: Problem) => Problem = (p) => p,
): { sources: SpecSources; warnings: string[] } {
  const pre = precheckSpec(rootFile, policy, repoRoot, options);
  const errors = pre.problems.filter((p) => p.severity !== 'warning');
  if (errors.length) throw new SpecError(formatProblems(errors.map(adjust), repoRoot));
  const warnings = pre.problems.filter((p) => p.severity === 'warning');
  return { sources: pre.sources, warnings: formatProblems(warnings, repoRoot) };
}

export function checkRootDocument(source: SourceFile): Problem[] {
  const swagger = nodeAt(source, '/swagger');
  if (swagger) {
    return [
      {
        ...at(source, swagger),
        rule: 'openapi-version',
        message: `\`swagger: ${isScalar(swagger) ? quote(swagger.value) : '…'}\`: Swagger 2.0 is not supported`,
        fix: 'convert the file to OpenAPI 3.1 (for example with swagger2openapi) and set `openapi: 3.1.0`',
      },
    ];
  }
  const version = nodeAt(source, '/openapi');
  if (!version) {
    return [
      {
        file: source.file,
        line: 1,
        col: 1,
        rule: 'openapi-version',
        message: 'the root has no `openapi` field',
        fix: 'start the file with `openapi: 3.1.0`',
      },
    ];
  }
  if (!isScalar(version) || !/^3\.[01]\.\d+$/.test(String(version.value))) {
    return [
      {
        ...at(source, version),
        rule: 'openapi-version',
        message: `\`openapi: ${isScalar(version) ? quote(String(version.value)) : '…'}\` is not supported`,
        fix: 'use 3.1.x (3.0.x is accepted too)',
      },
    ];
  }
  return [];
}

interface RefSite {
  source: SourceFile;
  pointer: string;
}

/** Follow pure `$ref` chains (objects whose only key is `$ref`) from every such node; report loops. */
export function findRefCycles(rootFile: string, loaded: SpecSources): Problem[] {
  // only files the precheck loaded (and so confined) are followed; a screened large file is
  // parsed with positions only now, when Redocly has failed on the spec
  const positional = new Map<string, SourceFile>();
  const load = (file: string): SourceFile | undefined => {
    if (!loaded.screened.has(file)) return loaded.files.get(file);
    if (!positional.has(file)) positional.set(file, parseSource(file));
    return positional.get(file);
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
  const problems: Problem[] = [];
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
            const repoRoot = path.dirname(rootFile);
            problems.push({
              ...at(source, node as Node),
              rule: 'no-ref-cycle',
              message: `\`$ref\` chain loops without reaching a schema: ${[...trail.slice(trail.indexOf(key)), key].map((k) => rel(repoRoot, k)).join(' -> ')}`,
              fix: 'point one of them at a real definition',
            });
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
