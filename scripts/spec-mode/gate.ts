/**
 * The gate for `--spec`: lint and bundle with Redocly, but block only what makes generation
 * impossible. A `$ref` that resolves to nothing (or a file that does not parse) stops the run;
 * every other finding (structure, style, missing or duplicate operationIds, identical paths,
 * undefined security schemes) is a located warning, and prepare.ts gives it a documented
 * treatment. Our own spec keeps the strict gate of `pnpm generate` (scripts/pipeline/redocly.ts).
 */
import path from 'node:path';
import type { NormalizedProblem } from '@redocly/openapi-core';
import { redocly } from '../pipeline/redocly-core.ts';
import type { OpenAPIV3_1 } from '../pipeline/openapi-types.ts';
import { watchBundle } from '../pipeline/bundle-watch.ts';
import { findRefCycles, precheckOrThrow } from '../pipeline/precheck.ts';
import { formatProblems } from '../pipeline/problem.ts';
import { CONFINEMENT_FIX, ConfinedResolver, createRefPolicy } from '../pipeline/ref-confinement.ts';
import { SpecError } from '../pipeline/spec-error.ts';

const { bundle, createConfig, getLineColLocation, lint } = redocly;

/** Rules whose error means no stage can run. */
const BLOCKING = new Set(['no-unresolved-refs']);

/** Redocly rules we run; all but BLOCKING become warnings. */
const RULES = {
  struct: 'warn',
  'no-unresolved-refs': 'error',
  'operation-operationId': 'warn',
  'operation-operationId-unique': 'warn',
  'path-parameters-defined': 'warn',
  'security-defined': 'warn',
  'no-identical-paths': 'warn',
  'no-ambiguous-paths': 'warn',
} as const;

/** Locating a finding reads the source's line table: enough for a person, bounded for 13 MB specs. */
const LOCATED = 200;

function describe(problem: NormalizedProblem, cwd: string, locate: boolean): string {
  const loc = problem.location[0];
  let where = '(unknown location)';
  if (loc) {
    const file = path.relative(cwd, loc.source.absoluteRef) || loc.source.absoluteRef;
    where = `${file}#${loc.pointer ?? ''}`;
    if (locate) {
      try {
        const { start } = getLineColLocation(loc);
        where = `${file}:${start.line}:${start.col}`;
      } catch {
        // keep the pointer
      }
    }
  }
  if (BLOCKING.has(problem.ruleId))
    return `${where} ${problem.ruleId} ${problem.message} — fix the $ref or add the missing file`;
  return `${where} warning [${problem.ruleId}] ${problem.message}`;
}

export interface GateResult {
  spec: OpenAPIV3_1.Document;
  /** One located line per finding that did not block. */
  warnings: string[];
}

/** The fix for a confined `$ref` in this mode: there is no redocly.yaml here, but a flag. */
const SPEC_MODE_FIX =
  "copy the file into the spec's folder, or pass its folder or URL prefix with --allow-ref";

export async function lintAndBundleSpec(
  root: string,
  cwd = process.cwd(),
  allowedRefs: readonly string[] = [],
): Promise<GateResult> {
  // The checks `pnpm generate` makes before Redocly reads anything (scripts/pipeline/precheck.ts):
  // $ref confinement to the spec's folder, resource limits, YAML errors, dangling refs. Secrets
  // in published third-party examples are warnings; duplicate operationIds are renamed later.
  const policy = createRefPolicy(root, allowedRefs, cwd);
  const pre = precheckOrThrow(
    root,
    policy,
    cwd,
    { secrets: 'warning', duplicateOperationIds: false },
    (p) => (p.fix === CONFINEMENT_FIX ? { ...p, fix: SPEC_MODE_FIX } : p),
  );
  const config = await createConfig({ extends: [], rules: RULES } as never);
  const resolver = new ConfinedResolver(policy, config.resolve, pre.sources.parsed);
  let problems: NormalizedProblem[];
  let bundled: Awaited<ReturnType<typeof bundle>> | undefined;
  // a spec the bundle would leave as it is (one file, local `$ref`s) is its own bundle
  const watch = watchBundle(config);
  let unchanged: object | undefined;
  try {
    problems = (
      await lint({ ref: root, config: watch.config, externalRefResolver: resolver })
    ).filter((p) => !p.ignored);
    unchanged = watch.unchanged();
    if (!unchanged)
      bundled = await bundle({
        ref: root,
        config,
        externalRefResolver: resolver,
        dereference: false,
      });
  } catch (error) {
    // Redocly throws without a location for some inputs (a pure $ref cycle): locate it ourselves.
    const cycles = findRefCycles(root, pre.sources);
    if (cycles.length) throw new SpecError(formatProblems(cycles, cwd));
    const file = path.relative(cwd, root) || root;
    throw new SpecError([
      `${file}:1:1 redocly ${(error as Error).message.trim().split('\n')[0]} — fix the document so Redocly can read it`,
    ]);
  }
  const all = [...problems, ...(bundled?.problems ?? []).filter((p) => !p.ignored)];
  const blocking = all.filter((p) => BLOCKING.has(p.ruleId) && p.severity === 'error');
  if (blocking.length) throw new SpecError(blocking.map((p) => describe(p, cwd, true)));
  const seen = new Set<string>();
  const warnings: string[] = [...pre.warnings];
  for (const p of problems) {
    const line = describe(p, cwd, warnings.length < LOCATED);
    if (!seen.has(line)) (seen.add(line), warnings.push(line));
  }
  const parsed = (unchanged ?? bundled?.bundle?.parsed) as OpenAPIV3_1.Document | undefined;
  if (!parsed || typeof parsed !== 'object')
    throw new SpecError([
      `${path.relative(cwd, root)}:1:1 openapi the file is not an OpenAPI document — start it with \`openapi: 3.1.0\` (or 3.0.x), \`info\` and \`paths\``,
    ]);
  return { spec: parsed, warnings };
}
