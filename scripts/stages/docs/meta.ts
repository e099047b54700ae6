/** The `docs` stage's name and folders, readable without loading the stage (scripts/stages/index.ts). */
import type { StageMeta } from '../../pipeline/stage.ts';

export const SITE_DIR = 'packages/docs/site';
export const SPEC_CHANGELOG = 'openapi/CHANGELOG.md';

export const docsMeta: StageMeta = {
  name: 'docs',
  owns: [SITE_DIR],
  inputs: [SPEC_CHANGELOG],
  typicalMs: 7300,
};
