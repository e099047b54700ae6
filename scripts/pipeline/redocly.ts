/**
 * The only module that talks to @redocly/openapi-core: one pass that loads the split source,
 * lints it with redocly.yaml's rules and bundles it with named `$ref`s kept. Problems point at
 * the file a person edits (e.g. `openapi/paths/profile.yaml:12:7`), not at the bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@redocly/openapi-core';
import { redocly } from './redocly-core.ts';
import { StageFailure } from './internal-error.ts';
import type { OpenAPIV3_1 } from './openapi-types.ts';
import { findRefCycles, precheckOrThrow, type PrecheckOptions } from './precheck.ts';
import { formatProblems } from './problem.ts';
import { allowedRefsOf, ConfinedResolver, createRefPolicy } from './ref-confinement.ts';
import { watchBundle } from './bundle-watch.ts';
import { checkExamplesBeforeAjv, forgetPlans } from './example-check/redocly-hook.ts';
import { nextLint } from './redocly-example-validators.ts';
import { fromRedocly } from './redocly-messages.ts';
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
      `${path.basename(configPath)}:1:1 config not found — create it with an \`apis:\` entry naming the spec's root file`,
    ]);
  }
  return redocly.loadConfig({ configPath });
}

/** The APIs redocly.yaml lists, with absolute root paths. */
export function listApis(config: Config, repoRoot: string): ApiEntry[] {
  const apis = config.resolvedConfig.apis ?? {};
  return Object.entries(apis).map(([name, api]) => ({
    name,
    root: path.resolve(repoRoot, api.root),
  }));
}

export interface LintOptions extends PrecheckOptions {
  /** Further allowed `$ref` locations (folders or URL prefixes) beside redocly.yaml's. */
  allowedRefs?: readonly string[];
  /** Receives each precheck warning line (e.g. `secrets: 'warning'`). @default console.warn */
  onWarning?: (line: string) => void;
}

/** The confinement policy for one API: its root folder plus redocly.yaml's `x-allowed-refs`. */
export function refPolicyFor(
  api: ApiEntry,
  config: Config,
  repoRoot: string,
  extra: readonly string[] = [],
) {
  const entry = config.resolvedConfig.apis?.[api.name];
  return createRefPolicy(api.root, [...allowedRefsOf(entry), ...extra], repoRoot);
}

/**
 * Precheck, lint then bundle one API; throws SpecError listing every located problem. The
 * precheck (precheck.ts) runs first and reads nothing outside the spec's folder; Redocly then
 * loads files only through ConfinedResolver. The bundle is skipped where the lint's walk saw
 * nothing it would change (bundle-watch.ts).
 */
export async function lintAndBundle(
  api: ApiEntry,
  config: Config,
  repoRoot: string,
  options: LintOptions = {},
): Promise<OpenAPIV3_1.Document> {
  if (!fs.existsSync(api.root)) {
    throw new SpecError([
      `${path.relative(repoRoot, api.root)}:1:1 apis ${api.name}'s root file is not found — fix the \`root\` of \`${api.name}\` in redocly.yaml`,
    ]);
  }
  const policy = refPolicyFor(api, config, repoRoot, options.allowedRefs);
  const pre = precheckOrThrow(api.root, policy, repoRoot, options);
  for (const line of pre.warnings) (options.onWarning ?? console.warn)(line);
  const ctx = { repoRoot, files: pre.sources.files };
  const apiConfig = config.forAlias(api.name);
  const resolver = new ConfinedResolver(policy, apiConfig.resolve, pre.sources.parsed);
  let result: Awaited<ReturnType<typeof redocly.bundle>>;
  try {
    checkExamplesBeforeAjv();
    forgetPlans();
    nextLint();
    const watch = watchBundle(apiConfig);
    const problems = await redocly.lint({
      ref: api.root,
      config: watch.config,
      externalRefResolver: resolver,
    });
    const lines = formatProblems(fromRedocly(problems, ctx), repoRoot);
    if (lines.length) throw new SpecError(lines);
    // a spec the bundle would leave as it is (one file, local `$ref`s) is its own bundle
    const unchanged = watch.unchanged();
    if (unchanged) return unchanged as OpenAPIV3_1.Document;
    result = await redocly.bundle({
      ref: api.root,
      config: apiConfig,
      externalRefResolver: resolver,
      dereference: false,
    });
  } catch (error) {
    if (error instanceof SpecError) throw error;
    // Redocly throws without a location for some inputs (a pure $ref cycle): locate it ourselves.
    const cycles = findRefCycles(api.root, pre.sources);
    if (cycles.length) throw new SpecError(formatProblems(cycles, repoRoot));
    throw new StageFailure('lint+bundle', error);
  }
  const bundleProblems = result.bundle
    ? result.problems.filter((p) => !p.ignored && p.severity === 'error')
    : [];
  if (bundleProblems.length)
    throw new SpecError(formatProblems(fromRedocly(bundleProblems, ctx), repoRoot));
  return result.bundle.parsed as OpenAPIV3_1.Document;
}
