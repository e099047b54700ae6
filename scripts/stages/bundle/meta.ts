/** The `bundle` stage's name and folders, readable without loading the stage (scripts/stages/index.ts). */
import type { StageMeta } from '../../pipeline/stage.ts';

export const bundleMeta: StageMeta = { name: 'bundle', owns: ['generated'], typicalMs: 1000 };
