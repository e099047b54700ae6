/** The `client-types` stage's name and folders, readable without loading the stage (scripts/stages/index.ts). */
import type { StageMeta } from '../../pipeline/stage.ts';

export const clientTypesMeta: StageMeta = {
  name: 'client-types',
  owns: ['packages/client/src/generated'],
  typicalMs: 2100,
};
