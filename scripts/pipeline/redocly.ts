/**
 * The only module that talks to @redocly/openapi-core: one pass that loads the split source,
 * lints it with redocly.yaml's rules and bundles it with named `$ref`s kept. Problems point at
 * the file a person edits (e.g. `openapi/paths/profile.yaml:12:7`), not at the bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  BaseResolver,
  bundle,
  getLineColLocation,
  lint,
  loadConfig,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import type { OpenAPIV3_1 } from './openapi-types.ts';
import { checkRootDocument, findRefCycles } from './precheck.ts';
import { SpecError } from './spec-error.ts';

export interface ApiEntry {
  /** Name in redocly.yaml `apis:`, e.g. `car-owner@v1`. */
  name: string;
  /** Absolute path of the root file. */
  root: string;
}

export async function loadRedoclyConfig(configPath: string): Promise<Config> {
  if (!fs.existsSync(configPath)) {
    throw new SpecError([
      `${configPath}: not found. Create it with an \`apis:\` entry naming the spec's root file.`,
    ]);
  }
  return loadConfig({ configPath });
}

/** The APIs redocly.yaml lists, with absolute root paths. */
export function listApis(config: Config, repoRoot: string): ApiEntry[] {
  const apis = config.resolvedConfig.apis ?? {};
  return Object.entries(apis).map(([name, api]) => ({
    name,
    root: path.resolve(repoRoot, api.root),
  }));
}

function describe(problem: NormalizedProblem, repoRoot: string): string {
  const loc = problem.location[0];
  let where = '(unknown location)';
  if (loc) {
    const file = path.relative(repoRoot, loc.source.absoluteRef) || loc.source.absoluteRef;
    try {
      const { start } = getLineColLocation(loc);
      where = `${file}:${start.line}:${start.col}`;
    } catch {
      where = `${file}${loc.pointer ? ` ${loc.pointer}` : ''}`;
    }
  }
  return `${where} ${problem.severity} [${problem.ruleId}] ${problem.message}`;
}

/** Lint then bundle one API; throws SpecError listing every located problem. */
export async function lintAndBundle(
  api: ApiEntry,
  config: Config,
  repoRoot: string,
): Promise<OpenAPIV3_1.Document> {
  if (!fs.existsSync(api.root)) {
    throw new SpecError([
      `${path.relative(repoRoot, api.root)}: not found. Fix the \`root\` of \`${api.name}\` in redocly.yaml.`,
    ]);
  }
  if (fs.readFileSync(api.root, 'utf8').trim() === '') {
    throw new SpecError([
      `${path.relative(repoRoot, api.root)}:1:1 error [empty-file] The file is empty. Write an OpenAPI 3.1 document (start with \`openapi: 3.1.0\`).`,
    ]);
  }
  const rootProblems = checkRootDocument(api.root, repoRoot);
  if (rootProblems.length) throw new SpecError(rootProblems);
  const apiConfig = config.forAlias(api.name);
  const resolver = new BaseResolver(apiConfig.resolve);
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    const problems = (
      await lint({ ref: api.root, config: apiConfig, externalRefResolver: resolver })
    ).filter((p) => !p.ignored);
    if (problems.length) throw new SpecError(problems.map((p) => describe(p, repoRoot)));
    result = await bundle({
      ref: api.root,
      config: apiConfig,
      externalRefResolver: resolver,
      dereference: false,
    });
  } catch (error) {
    if (error instanceof SpecError) throw error;
    // Redocly throws without a location for some inputs (a pure $ref cycle): locate it ourselves.
    const cycles = findRefCycles(api.root, repoRoot);
    if (cycles.length) throw new SpecError(cycles);
    const file = path.relative(repoRoot, api.root);
    throw new SpecError([`${file}:1:1 error [redocly] ${(error as Error).message.trim()}`]);
  }
  const bundleProblems = result.bundle
    ? result.problems.filter((p) => !p.ignored && p.severity === 'error')
    : [];
  if (bundleProblems.length) throw new SpecError(bundleProblems.map((p) => describe(p, repoRoot)));
  return result.bundle.parsed as OpenAPIV3_1.Document;
}
