/**
 * `$ref` confinement: a spec may reach only files inside its own root folder (the folder of its
 * root file, after resolving symlinks) and never the network, unless redocly.yaml names an allowed
 * location for the API:
 *
 *   apis:
 *     car-owner@v1:
 *       root: openapi/openapi.yaml
 *       x-allowed-refs: [shared/schemas, https://schemas.example.org/]   # folders or URL prefixes
 *
 * The check runs before anything is read: the precheck walks the `$ref`s itself, and Redocly's
 * loader (ConfinedResolver) refuses a blocked location before it opens a file or a socket.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Document, Source } from '@redocly/openapi-core';
import { redocly } from './redocly-core.ts';

const { BaseResolver, ResolveError } = redocly;

export interface RefPolicy {
  /** Real path of the spec's root folder. */
  rootDir: string;
  /** Real paths of further folders redocly.yaml allows. */
  allowedDirs: string[];
  /** URL prefixes redocly.yaml allows (the only network locations ever fetched). */
  allowedUrls: string[];
}

/** Marks a Redocly problem that comes from ConfinedResolver, so it is reported as ours. */
export const BLOCKED_MARK = 'ref-outside-root:';

/** A URL (`https:`, `file:`…), not a path (a Windows drive letter is a path). */
export const isUrl = (ref: string) => /^[a-z][a-z\d+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref);

/** Real path of a location that may not exist yet: the real path of its nearest existing parent. */
function realLocation(file: string): string {
  const rest: string[] = [];
  let current = path.resolve(file);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(file);
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export function createRefPolicy(
  rootFile: string,
  allowed: readonly string[] = [],
  configDir = process.cwd(),
): RefPolicy {
  return {
    rootDir: realLocation(path.dirname(rootFile)),
    allowedDirs: allowed
      .filter((a) => !isUrl(a))
      .map((a) => realLocation(path.resolve(configDir, a))),
    allowedUrls: allowed.filter(isUrl),
  };
}

/** `x-allowed-refs` of an API entry in redocly.yaml (a list of folders or URL prefixes). */
export function allowedRefsOf(apiEntry: unknown): string[] {
  const raw = (apiEntry as Record<string, unknown> | undefined)?.['x-allowed-refs'];
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Why `target` (an absolute path or URL, as a loader would open it) is out of bounds, or
 * undefined when it may be read.
 */
export function blockedReason(policy: RefPolicy, target: string): string | undefined {
  if (isUrl(target)) {
    if (target.startsWith('file:'))
      return blockedReason(policy, decodeURI(new URL(target).pathname));
    if (policy.allowedUrls.some((prefix) => target.startsWith(prefix))) return undefined;
    return 'is a network location';
  }
  const real = realLocation(target);
  if (inside(policy.rootDir, real) || policy.allowedDirs.some((d) => inside(d, real)))
    return undefined;
  const viaLink = inside(policy.rootDir, path.resolve(target)) ? ' (through a symlink)' : '';
  return `is outside the spec's folder${viaLink}`;
}

/** The fix line shared by the precheck and the resolver. */
export const CONFINEMENT_FIX =
  "copy the file into the spec's folder, or list its folder or URL prefix under the API's `x-allowed-refs` in redocly.yaml";

/**
 * Under `--watch`, each file's last parse by Redocly, reused while its text is unchanged (parsing
 * Car Owner's 250 files took about 30 ms of every save; a copy takes 8). Redocly's bundle edits
 * the documents it is given, so the kept parse is a copy and each run gets a copy of it.
 */
let keptDocuments: Map<string, { body: string; isRoot: boolean; parsed: unknown }> | undefined;

export function keepDocumentsBetweenRuns(): void {
  keptDocuments ??= new Map();
}

/** Redocly's loader with the confinement check in front of every read and fetch. */
export class ConfinedResolver extends BaseResolver {
  private readonly policy: RefPolicy;
  private readonly preParsed: Map<string, { body: string; parsed: object }>;
  /**
   * `preParsed`: documents the precheck's screen (spec-screen.ts) already parsed with Redocly's parser
   * (by absolute path, with their text); each is used once, for that same text.
   */
  constructor(
    policy: RefPolicy,
    config?: ConstructorParameters<typeof BaseResolver>[0],
    preParsed: Map<string, { body: string; parsed: object }> = new Map(),
  ) {
    super(config);
    this.policy = policy;
    this.preParsed = new Map(preParsed);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const reason = blockedReason(this.policy, absoluteRef);
    if (reason) throw new ResolveError(new Error(`${BLOCKED_MARK} ${absoluteRef} ${reason}`));
    return super.loadExternalRef(absoluteRef);
  }

  override parseDocument(source: Source, isRoot = false): Document {
    const screened = this.preParsed.get(source.absoluteRef);
    if (screened?.body === source.body) {
      this.preParsed.delete(source.absoluteRef); // Redocly's bundle edits the document it gets
      return { source, parsed: screened.parsed };
    }
    if (!keptDocuments) return super.parseDocument(source, isRoot);
    const last = keptDocuments.get(source.absoluteRef);
    if (last?.body === source.body && last.isRoot === isRoot)
      return { source, parsed: structuredClone(last.parsed) };
    const document = super.parseDocument(source, isRoot);
    keptDocuments.set(source.absoluteRef, {
      body: source.body,
      isRoot,
      parsed: structuredClone(document.parsed),
    });
    return document;
  }
}
