/**
 * A fast screen of a whole spec, every file it reaches, before the positional parse: positions
 * cost more than anything else the precheck does (Car Owner's 80 split files: 0.13 s for `yaml`'s
 * positional parse against 0.03 s for Redocly's js-yaml; Stripe's 4 MB YAML: 1.3-1.7 s against
 * 0.26 s), and they are needed only to locate a problem. So the spec is first checked as plain
 * data; only when the screen finds anything to report, or anything it does not judge, is it
 * parsed with positions (spec-sources.ts), which then locates every problem. A clean spec goes
 * straight to Redocly.
 *
 * Files are read with Redocly's own parser (`parseYaml`, what its resolver would use, for JSON
 * too), and that parse is handed to Redocly (ConfinedResolver) instead of being done twice; a
 * large JSON file (1 MiB on) is read with JSON.parse, four times faster, and that parse is handed
 * over too unless it could differ from Redocly's (json-members.ts: a duplicate key, a number past
 * a double's range), when Redocly parses the file again. The screen passes a spec only when it
 * holds none of what the positional checks report: a YAML error or duplicate key (parseYaml
 * throws on both), a `$ref` that is blocked, dangling
 * or a URL, a file or byte count past the limits, a YAML alias (two places holding one object:
 * the positional parse counts alias expansion), nesting past the depth limit, a bad `openapi`
 * version, a duplicate operationId, or a schema `$ref`ed where a response or request body
 * belongs. Secrets it lists by path, and secrets.ts locates only those (a third-party spec's
 * published examples often hold one, and are reported as warnings). It also hands to the
 * positional parse what that parse skips (a `$ref` to a file that is not YAML or JSON, a pointer
 * through another `$ref`), so the outcome never changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { secretKind } from '../lint-rules/secret-patterns.js';
import { readsAsRedocly } from './json-members.ts';
import { resolvePointer } from './json-pointer.ts';
import { redocly } from './redocly-core.ts';
import { blockedReason, isUrl, type RefPolicy } from './ref-confinement.ts';
import { LIMITS, tooDeep } from './resource-limits.ts';
import { METHODS, SCHEMA_KEYS } from './spec-checks.ts';

const { parseYaml } = redocly;

/** JSON files from this size on are read with JSON.parse. */
export const SCREEN_BYTES = 1024 * 1024;
/** Files the spec's loaders parse; any other file a `$ref` names is read as text. */
export const PARSED = /\.(ya?ml|json)$/i;

/** Subtrees holding data, not spec structure: a `$ref` there is a value, not a reference. */
export const DATA_KEYS = new Set(['example', 'default', 'const', 'enum']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A string that looks like a live credential, by file and path (secrets.ts locates and reports it). */
export interface SecretSite {
  file: string;
  /** Object keys and array indexes from the document's root. */
  path: (string | number)[];
  kind: string;
}

export interface ScreenedSpec {
  /** Every file the spec reaches, by absolute path. */
  files: Set<string>;
  /** Redocly's parse of each file but a large JSON one, with the text it was read from. */
  parsed: Map<string, { body: string; parsed: object }>;
  /**
   * The secrets in them, in file order: reported as errors or warnings by the gate's policy,
   * so a spec whose only findings are secrets still skips the positional parse.
   */
  secrets: SecretSite[];
}

/**
 * The spec's files and their parses when the whole spec is clean; undefined otherwise. `rootText`:
 * the root file's text where the caller has read it already (GitHub's is 13 MB).
 */
export function screenSpec(
  rootFile: string,
  policy: RefPolicy,
  rootText?: string,
): ScreenedSpec | undefined {
  const docs = new Map<string, Json>();
  const parsed = new Map<string, { body: string; parsed: object }>();
  const secrets: SecretSite[] = [];
  const pointers: Array<{ file: string; fragment: string }> = [];
  const queued = new Set([rootFile]);
  const queue = [rootFile];
  let totalBytes = 0;
  while (queue.length) {
    const file = queue.shift()!;
    const size = fs.statSync(file).size;
    totalBytes += size;
    if (size > LIMITS.fileBytes || totalBytes > LIMITS.totalBytes) return undefined;
    if (!PARSED.test(file) && file !== rootFile) return undefined;
    const text =
      file === rootFile && rootText !== undefined ? rootText : fs.readFileSync(file, 'utf8');
    if (tooDeep(text) !== undefined) return undefined;
    const json = size >= SCREEN_BYTES && /\.json$/i.test(file);
    let value: unknown;
    try {
      value = json ? JSON.parse(text) : parseYaml(text);
    } catch {
      return undefined; // a YAML error (or a stack overflow): the positional parse locates it
    }
    if (!isObject(value)) return undefined;
    const refs = externalRefs(value, file === rootFile, !json, (path, kind) =>
      secrets.push({ file, path, kind }),
    );
    if (!refs) return undefined;
    docs.set(file, value);
    // a large JSON file's parse is Redocly's too unless json-members.ts finds a difference
    if (!json || readsAsRedocly(text, value)) parsed.set(file, { body: text, parsed: value });
    for (const ref of refs) {
      const [filePart = '', ...rest] = ref.split('#');
      if (isUrl(filePart)) return undefined;
      let target: string;
      try {
        target = path.resolve(path.dirname(file), decodeURI(filePart));
      } catch {
        return undefined;
      }
      pointers.push({ file: target, fragment: rest.join('#') });
      // a file already queued passed the checks below (a realpath and a stat per `$ref` were a
      // sixth of the screen on Car Owner, whose 250 files are `$ref`ed about 900 times)
      if (queued.has(target)) continue;
      if (
        blockedReason(policy, target) ||
        !fs.statSync(target, { throwIfNoEntry: false })?.isFile()
      )
        return undefined;
      queued.add(target);
      if (queued.size > LIMITS.files) return undefined;
      queue.push(target);
    }
  }
  for (const { file, fragment } of pointers)
    if (fragment !== '' && target(docs.get(file)!, `#${fragment}`) === undefined) return undefined;
  const root = docs.get(rootFile)!;
  if (hasDuplicateOperationId(docs, rootFile, root) || hasWrongKindRef(docs, rootFile, root))
    return undefined;
  return { files: new Set(docs.keys()), parsed, secrets };
}

/**
 * The `$ref`s of one file that name another file, when the file is otherwise clean: no local
 * `$ref` to nothing, and (`tree`, a YAML parse) no object reached twice (an alias) and no nesting
 * past the depth limit, which JSON.parse builds neither of. Undefined when not clean. Each
 * secret goes to `secret` with its path (as secrets.ts finds them: every string, by its key or,
 * in an array, its array's key).
 */
function externalRefs(
  doc: Json,
  isRoot: boolean,
  tree: boolean,
  secret: (path: (string | number)[], kind: string) => void,
): string[] | undefined {
  if (isRoot && (doc.swagger !== undefined || !/^3\.[01]\.\d+$/.test(String(doc.openapi))))
    return undefined;
  let clean = true;
  const refs: string[] = [];
  const seen = new Set<object>();
  // local refs already found to point at something (GitHub's spec repeats each many times)
  const resolved = new Set<string>();
  const path: (string | number)[] = [];
  // plain loops, no entry pairs or callbacks: this walk visits every node of the spec, in the
  // serial part of every run (the whole screen, warm: GitHub's 13 MB 150 -> 120 ms, Stripe's
  // 145 -> 128 ms)
  const walk = (node: unknown, key: string, data: boolean, depth: number): void => {
    if (!clean) return;
    if (typeof node === 'string') {
      const kind = secretKind(node, key);
      if (kind) secret([...path], kind);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (tree) {
      if (seen.has(node) || depth > LIMITS.depth) {
        clean = false;
        return;
      }
      seen.add(node);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i], key, data, depth + 1);
        path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    // own keys only (`for…in` would follow a prototype a `__proto__` key might have set)
    for (const k of Object.keys(record)) {
      const child = record[k];
      if (k === '$ref' && typeof child === 'string' && !data) {
        if (!child.startsWith('#')) refs.push(child);
        else if (!resolved.has(child)) {
          // a local ref that points at nothing: the positional parse names what it points at
          if (target(doc, child) === undefined) {
            clean = false;
            return;
          }
          resolved.add(child);
        }
      }
      path.push(k);
      walk(child, k, data || DATA_KEYS.has(k), depth + 1);
      path.pop();
    }
  };
  walk(doc, '', false, 0);
  return clean ? refs : undefined;
}

/** What a pointer (`#` or `#/…`) names in `doc`; undefined for any other form or a bad %-escape. */
function target(doc: Json, pointer: string): unknown {
  if (pointer !== '#' && !pointer.startsWith('#/')) return undefined;
  try {
    return resolvePointer(doc, pointer);
  } catch {
    return undefined; // decodeURIComponent refused it: the positional parse names the ref
  }
}

interface At {
  file: string;
  node: unknown;
}

/** Follows `$ref`s (up to 16 hops) through the screened files, as spec-checks.ts `follow` does. */
function follow(docs: Map<string, Json>, at: At): At {
  let { file, node } = at;
  for (let hop = 0; hop < 16 && isObject(node) && typeof node.$ref === 'string'; hop++) {
    const [filePart = '', ...rest] = node.$ref.split('#');
    try {
      if (filePart) file = path.resolve(path.dirname(file), decodeURI(filePart));
    } catch {
      return { file, node: undefined };
    }
    const doc = docs.get(file);
    node = doc && target(doc, `#${rest.join('#')}`);
  }
  return { file, node };
}

/** Every operation under `paths` and `webhooks`, with the file its path item lies in. */
function operations(docs: Map<string, Json>, rootFile: string, root: Json): At[] {
  const out: At[] = [];
  for (const section of ['paths', 'webhooks']) {
    const items = root[section];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      const pathItem = follow(docs, { file: rootFile, node: item });
      if (!isObject(pathItem.node)) continue;
      for (const [method, op] of Object.entries(pathItem.node))
        if (METHODS.includes(method)) out.push({ file: pathItem.file, node: op });
    }
  }
  return out;
}

function hasDuplicateOperationId(docs: Map<string, Json>, rootFile: string, root: Json): boolean {
  const ids = new Set<string>();
  for (const op of operations(docs, rootFile, root)) {
    const id = isObject(op.node) ? op.node.operationId : undefined;
    if (typeof id !== 'string') continue;
    if (ids.has(id)) return true;
    ids.add(id);
  }
  return false;
}

/** spec-checks.ts `findWrongKindRefs` on plain data: a schema where a response or body belongs. */
function hasWrongKindRef(docs: Map<string, Json>, rootFile: string, root: Json): boolean {
  const wrong = (at: At) => {
    if (!isObject(at.node) || at.node.$ref === undefined) return false;
    const reached = follow(docs, at).node;
    return (
      isObject(reached) &&
      reached.content === undefined &&
      reached.headers === undefined &&
      SCHEMA_KEYS.some((k) => Object.hasOwn(reached, k))
    );
  };
  const entries = (at: At): At[] =>
    isObject(at.node) ? Object.values(at.node).map((node) => ({ file: at.file, node })) : [];
  for (const op of operations(docs, rootFile, root)) {
    if (!isObject(op.node)) continue;
    const responses = follow(docs, { file: op.file, node: op.node.responses });
    if (entries(responses).some(wrong) || wrong({ file: op.file, node: op.node.requestBody }))
      return true;
  }
  const components = isObject(root.components) ? root.components : {};
  return (
    entries({ file: rootFile, node: components.responses }).some(wrong) ||
    entries({ file: rootFile, node: components.requestBodies }).some(wrong)
  );
}
