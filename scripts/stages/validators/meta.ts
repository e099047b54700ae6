/** The `validators` stage's name and folders, readable without loading the stage (scripts/stages/index.ts). */
import type { StageMeta } from '../../pipeline/stage.ts';

export const validatorsMeta: StageMeta = {
  name: 'validators',
  owns: ['packages/validators/src/generated'],
  typicalMs: 6200,
};
