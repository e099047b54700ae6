/**
 * Every file a spec reaches through `$ref`, loaded with positions before Redocly sees any of them:
 * a `$ref` is checked against the confinement policy before its target is opened, each file is
 * size-checked before it is read, and YAML errors, alias bombs and dangling refs are found here,
 * located, with the offending value named.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Node } from 'yaml';
import { yaml } from './yaml-core.ts';
import { closest, quote, type Problem } from './problem.ts';
import { blockedReason, CONFINEMENT_FIX, isUrl, type RefPolicy } from './ref-confinement.ts';
import { DATA_KEYS, PARSED, screenSpec, type SecretSite } from './spec-screen.ts';
import { checkExpansion, LIMITS, tooDeep } from './resource-limits.ts';
import { nodeAt, type SourceFile } from './yaml-source.ts';

const { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml;

export interface RefSite {
  source: SourceFile;
  /** The `$ref` value node. */
  node: Node;
  ref: string;
  /** Absolute path of the target file (the referring file for a local ref); undefined for a URL. */
  targetFile: string | undefined;
  fragment: string;
}

export interface SpecSources {
  /** `$ref` sites by their value node. */
  refAt: Map<Node, RefSite>;
  /** The files parsed with positions: all of them, or none when the screen passed the spec. */
  files: Map<string, SourceFile>;
  /** The files of a spec the screen passed (spec-screen.ts): not parsed with positions. */
  screened: Set<string>;
  /**
   * Redocly's own parse of each screened file, by absolute path, with the text it was read from:
   * ConfinedResolver hands it to Redocly instead of parsing the file again.
   */
  parsed: Map<string, { body: string; parsed: object }>;
  refs: RefSite[];
  problems: Problem[];
  /** The secrets the screen found in a spec it passed (empty after the positional parse). */
  secrets: SecretSite[];
}

export function at(source: SourceFile, node: Node | null | undefined, fallback = 0) {
  const { line, col } = source.lines.linePos(node?.range?.[0] ?? fallback);
  return { file: source.file, line, col };
}

const YAML_FIXES: Record<string, string> = {
  BAD_INDENT: 'indent this line like the other keys of its mapping (spaces only)',
  MISSING_CHAR: 'close the bracket or quote opened before this point',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'remove one of them or rename it',
  BLOCK_AS_IMPLICIT_KEY: 'put the key and its value on one line, or indent the value under it',
  MULTILINE_IMPLICIT_KEY: 'put the key and its value on one line, or indent the value under it',
  UNEXPECTED_TOKEN: 'fix the YAML syntax here (check the indentation and quoting of this line)',
};

type Parsed = { source?: SourceFile; problems: Problem[] };

/**
 * Under `--watch`, each file's last parse, reused while its text is unchanged: after a save only
 * the edited file is parsed again (the positional parse of every file was a sixth of a rerun).
 * Off in one-shot runs, where keeping the YAML trees would only raise the peak memory.
 */
let kept: Map<string, { text: string; parsed: Parsed }> | undefined;

export function keepParsesBetweenRuns(): void {
  kept ??= new Map();
}

function parseKept(file: string, text: string): Parsed {
  const last = kept?.get(file);
  if (last?.text === text) return { ...last.parsed, problems: [...last.parsed.problems] };
  const parsed = parseFile(file, text);
  kept?.set(file, { text, parsed });
  return parsed;
}

function parseFile(file: string, text: string): Parsed {
  const lines = new LineCounter();
  const deep = tooDeep(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    return {
      problems: [
        {
          file,
          line,
          col: deep - before.lastIndexOf('\n'),
          rule: 'resource-limit',
          message: `brackets nest deeper than ${LIMITS.depth} levels`,
          fix: 'flatten the structure with named components and $ref',
        },
      ],
    };
  }
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return {
      problems: [
        {
          file,
          line: 1,
          col: 1,
          rule: 'resource-limit',
          message: `the file could not be parsed within the limits (${(error as Error).message.split('\n')[0]})`,
          fix: 'flatten deeply nested structures with named components and $ref',
        },
      ],
    };
  }
  const source = { file, doc, lines };
  const first = doc.errors[0];
  if (first) {
    // one line per problem: later YAML errors are nearly always echoes of the first
    const { line, col } = lines.linePos(first.pos[0]);
    let message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    let rule = 'yaml-syntax';
    if (first.code === 'DUPLICATE_KEY') {
      rule = 'yaml-duplicate-key';
      const key =
        text.slice(first.pos[0]).match(/^\s*("[^"\n]*"|'[^'\n]*'|[^:\n]+?)\s*:/)?.[1] ?? '?';
      message = `key ${quote(key.replace(/^["']|["']$/g, ''))} appears twice in one mapping`;
    } else if (/call stack/i.test(first.message)) {
      rule = 'resource-limit';
      message = 'the document nests too deeply to parse';
    }
    return {
      problems: [
        {
          file,
          line,
          col,
          rule,
          message,
          fix:
            rule === 'resource-limit'
              ? 'flatten the structure with named components and $ref'
              : (YAML_FIXES[first.code] ?? 'fix the YAML syntax here'),
        },
      ],
    };
  }
  const limit = checkExpansion(doc);
  if (limit)
    return {
      problems: [
        {
          ...at(source, limit.node),
          rule: 'resource-limit',
          message: limit.message,
          fix: limit.fix,
        },
      ],
    };
  return { source, problems: [] };
}

/** Calls `visit` for every `$ref: <string>` pair outside data (example values, defaults, enums). */
function eachRef(
  node: unknown,
  visit: (value: Node, ref: string) => void,
  inExamples = false,
): void {
  if (isSeq(node)) {
    for (const item of node.items) eachRef(item, visit);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (key === '$ref' && isScalar(pair.value) && typeof pair.value.value === 'string')
      visit(pair.value, pair.value.value);
    else if (DATA_KEYS.has(key) || (inExamples && key === 'value')) continue;
    else if (key === 'examples' && isMap(pair.value)) {
      // a map of Example objects: their `value` is data
      for (const example of pair.value.items)
        if (isPair(example)) eachRef(example.value, visit, true);
    } else if (key === 'examples')
      continue; // a schema's array of sample values
    else eachRef(pair.value, visit);
  }
}

function missingFileProblem(site: RefSite, policy: RefPolicy, repoRoot: string): Problem {
  const target = site.targetFile!;
  const dir = path.dirname(target);
  let suggestion: string | undefined;
  // siblings are listed only inside the allowed folders (listing is reading)
  if (!blockedReason(policy, dir) && fs.existsSync(dir)) {
    const near = closest(path.basename(target), fs.readdirSync(dir));
    if (near) {
      const fileRef = site.ref.split('#')[0]!;
      suggestion = fileRef.replace(/[^/\\]*$/, near) + (site.fragment ? `#${site.fragment}` : '');
    }
  }
  return {
    ...at(site.source, site.node),
    rule: 'no-unresolved-refs',
    message: `$ref ${quote(site.ref)} points at ${path.relative(repoRoot, target).split(path.sep).join('/')}, which does not exist`,
    fix: suggestion ? `did you mean ${quote(suggestion)}?` : 'point the $ref at an existing file',
  };
}

/** Keys of the deepest map a missing pointer still reaches, for a "did you mean". */
function suggestPointer(source: SourceFile, fragment: string): string | undefined {
  const parts = fragment.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = nodeAt(source, parts.slice(0, i).join('/'));
    if (!isMap(parent)) continue;
    const keys = parent.items.flatMap((p) =>
      isPair(p) && isScalar(p.key) ? [String(p.key.value)] : [],
    );
    const want = decodeURIComponent(parts[i]!).replace(/~1/g, '/').replace(/~0/g, '~');
    const near = closest(want, keys);
    if (!near) return undefined;
    return [...parts.slice(0, i), near.replace(/~/g, '~0').replace(/\//g, '~1')].join('/');
  }
  return undefined;
}

/** True when the pointer passes through a `$ref` (Redocly follows those; we do not judge them). */
function crossesRef(source: SourceFile, fragment: string): boolean {
  const parts = fragment.split('/');
  for (let i = 1; i < parts.length; i++) {
    const node = nodeAt(source, parts.slice(0, i).join('/'));
    if (isMap(node) && node.has('$ref')) return true;
  }
  return false;
}

/**
 * `screen: false` parses every file with positions even when the spec is clean (the tests compare
 * both ways). `rootText`: the root file's text where the caller has read it already.
 */
export function loadSpecSources(
  rootFile: string,
  policy: RefPolicy,
  repoRoot: string,
  { screen = true, rootText }: { screen?: boolean; rootText?: string } = {},
): SpecSources {
  const files = new Map<string, SourceFile>();
  const clean = screen ? screenSpec(rootFile, policy, rootText) : undefined;
  if (clean)
    return {
      files,
      screened: clean.files,
      parsed: clean.parsed,
      refs: [],
      refAt: new Map(),
      problems: [],
      secrets: clean.secrets,
    };
  const refs: RefSite[] = [];
  const problems: Problem[] = [];
  const queued = new Set<string>([rootFile]);
  const queue = [rootFile];
  let totalBytes = 0;
  while (queue.length) {
    const file = queue.shift()!;
    const size = fs.statSync(file).size;
    totalBytes += size;
    if (size > LIMITS.fileBytes || totalBytes > LIMITS.totalBytes) {
      problems.push({
        file,
        line: 1,
        col: 1,
        rule: 'resource-limit',
        message: `${size > LIMITS.fileBytes ? 'the file' : 'the spec'} is larger than ${((size > LIMITS.fileBytes ? LIMITS.fileBytes : LIMITS.totalBytes) / 2 ** 20).toFixed(0)} MiB (${(size / 2 ** 20).toFixed(1)} MiB)`,
        fix: 'split it or remove generated bulk; this limit keeps a hostile file from exhausting memory',
      });
      continue;
    }
    if (!PARSED.test(file) && file !== rootFile) continue; // e.g. a Markdown description
    const text =
      file === rootFile && rootText !== undefined ? rootText : fs.readFileSync(file, 'utf8');
    const parsed = parseKept(file, text);
    problems.push(...parsed.problems);
    const source = parsed.source;
    if (!source) continue;
    files.set(file, source);
    eachRef(source.doc.contents, (node, ref) => {
      const [filePart = '', ...rest] = ref.split('#');
      const fragment = rest.join('#');
      if (isUrl(filePart)) {
        const reason = blockedReason(policy, filePart);
        if (reason)
          problems.push({
            ...at(source, node),
            rule: 'no-ref-outside-root',
            message: `$ref ${quote(ref)} ${reason}; it was not fetched`,
            fix: CONFINEMENT_FIX,
          });
        refs.push({ source, node, ref, targetFile: undefined, fragment });
        return;
      }
      const target = filePart ? path.resolve(path.dirname(file), decodeURI(filePart)) : file;
      const site: RefSite = { source, node, ref, targetFile: target, fragment };
      refs.push(site);
      if (!filePart) return;
      const reason = blockedReason(policy, target);
      if (reason) {
        problems.push({
          ...at(source, node),
          rule: 'no-ref-outside-root',
          message: `$ref ${quote(ref)} ${reason} (${path.relative(repoRoot, target).split(path.sep).join('/')}); it was not read`,
          fix: CONFINEMENT_FIX,
        });
        site.targetFile = undefined;
        return;
      }
      if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
        problems.push(missingFileProblem(site, policy, repoRoot));
        site.targetFile = undefined;
        return;
      }
      if (!queued.has(target)) {
        queued.add(target);
        if (queued.size > LIMITS.files) {
          problems.push({
            ...at(source, node),
            rule: 'resource-limit',
            message: `the spec references more than ${LIMITS.files} files`,
            fix: 'merge small files; this limit keeps a hostile spec from exhausting the machine',
          });
          queue.length = 0;
          return;
        }
        queue.push(target);
      }
    });
  }
  // pointers into the loaded files
  for (const site of refs) {
    if (!site.targetFile || !site.fragment.startsWith('/')) continue;
    const target = files.get(site.targetFile);
    if (!target || nodeAt(target, site.fragment) !== undefined || crossesRef(target, site.fragment))
      continue;
    const near = suggestPointer(target, site.fragment);
    const filePart = site.ref.split('#')[0]!;
    problems.push({
      ...at(site.source, site.node),
      rule: 'no-unresolved-refs',
      message: `$ref ${quote(site.ref)} points at nothing: ${path.relative(repoRoot, site.targetFile).split(path.sep).join('/')} has no ${quote('#' + site.fragment)}`,
      fix: near
        ? `did you mean ${quote(`${filePart}#${near}`)}?`
        : 'point the $ref at an existing definition',
    });
  }
  return {
    files,
    screened: new Set(),
    parsed: new Map(),
    refs,
    refAt: new Map(refs.map((r) => [r.node, r])),
    problems,
    secrets: [],
  };
}
