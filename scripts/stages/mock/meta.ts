/** The `mock` stage's name and folders, readable without loading the stage (scripts/stages/index.ts). */
import type { StageMeta } from '../../pipeline/stage.ts';

export const mockMeta: StageMeta = {
  name: 'mock',
  owns: ['packages/mock/src/generated'],
  typicalMs: 2400,
};
