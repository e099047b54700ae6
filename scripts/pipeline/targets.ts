/**
 * What to generate: the APIs redocly.yaml lists and, per API, the folder each stage writes to.
 *
 *   apis:
 *     car-owner@v1:
 *       root: openapi/openapi.yaml
 *       x-outputs:                      # stage name -> folder; stages not listed do not run
 *         bundle: generated
 *         client-types: packages/client/src/generated
 *
 * Without `x-outputs` (only allowed when one API is listed) every stage writes to the folder it owns.
 */
import path from 'node:path';
import type { Config } from '@redocly/openapi-core';
import { SpecError } from './spec-error.ts';
import type { ApiEntry } from './redocly.ts';
import type { Stage } from './stage.ts';

/** An API entry (name, absolute root) with the folder each stage writes to for it. */
export interface ApiTarget extends ApiEntry {
  /** Stage name -> folder (relative to the repository root) for this API. */
  outputs: Map<string, string>;
}

export function resolveTargets(
  config: Config,
  repoRoot: string,
  stages: readonly Stage[],
): ApiTarget[] {
  const apis = Object.entries(config.resolvedConfig.apis ?? {});
  if (!apis.length)
    throw new SpecError([
      'redocly.yaml:1:1 error [apis] No API is listed. Add `apis: { name@v1: { root: openapi/openapi.yaml } }`.',
    ]);
  const known = new Map(stages.map((s) => [s.name, s]));
  const claimed = new Map<string, string>();
  return apis.map(([name, api]) => {
    const raw = (api as Record<string, unknown>)['x-outputs'];
    const outputs = new Map<string, string>();
    if (raw === undefined) {
      if (apis.length > 1)
        throw new SpecError([
          `redocly.yaml error [apis] ${name}: with several APIs each needs \`x-outputs\` (stage -> folder).`,
        ]);
      for (const stage of stages) outputs.set(stage.name, stage.owns[0]!);
    } else {
      if (!raw || typeof raw !== 'object')
        throw new SpecError([
          `redocly.yaml error [apis] ${name}.x-outputs must map stage names to folders.`,
        ]);
      for (const [stageName, dir] of Object.entries(raw)) {
        if (!known.has(stageName))
          throw new SpecError([
            `redocly.yaml error [apis] ${name}.x-outputs names unknown stage "${stageName}" (known: ${[...known.keys()].join(', ')}).`,
          ]);
        if (
          typeof dir !== 'string' ||
          !dir ||
          path.isAbsolute(dir) ||
          dir.split('/').includes('..')
        ) {
          throw new SpecError([
            `redocly.yaml error [apis] ${name}.x-outputs.${stageName} must be a folder inside the repository.`,
          ]);
        }
        outputs.set(stageName, dir.replace(/\/+$/, ''));
      }
    }
    for (const [stageName, dir] of outputs) {
      const other = claimed.get(dir);
      if (other)
        throw new SpecError([
          `redocly.yaml error [apis] ${name} (${stageName}) and ${other} both write ${dir}.`,
        ]);
      // each folder is replaced whole (write-tree.ts): one inside another would lose its files
      const self = `${name} (${stageName})`;
      for (const [taken, owner] of claimed) {
        const nested = dir.startsWith(`${taken}/`)
          ? `${dir} of ${self} is inside ${taken} of ${owner}`
          : taken.startsWith(`${dir}/`)
            ? `${taken} of ${owner} is inside ${dir} of ${self}`
            : undefined;
        if (nested)
          throw new SpecError([
            `redocly.yaml error [apis] x-outputs folder ${nested}; give each stage a folder outside the others.`,
          ]);
      }
      claimed.set(dir, self);
    }
    return { name, root: path.resolve(repoRoot, api.root), outputs };
  });
}

/** Move a stage's files from the folder it owns to the folder the target gives it. */
export function relocate(stage: Stage, dir: string, filePath: string): string {
  const own = stage.owns.find((o) => filePath.startsWith(`${o}/`));
  if (!own)
    throw new Error(
      `stage ${stage.name} wrote ${filePath}, outside the folders it owns (${stage.owns.join(', ')})`,
    );
  return `${dir}/${filePath.slice(own.length + 1)}`;
}
