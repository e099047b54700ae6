/** The `validators` stage's name and folders, readable without loading the stage (scripts/stages/index.ts). */
import type { StageMeta } from '../../pipeline/stage.ts';
import type { ThirdPartyMode } from '../third-party.ts';

export const validatorsMeta: StageMeta = {
  name: 'validators',
  owns: ['packages/validators/src/generated'],
  typicalMs: 6200,
};

/** Whether the stage emits the Zod Mini build: always in house mode, on request in third-party mode. */
export const emitsMini = (mode: ThirdPartyMode | undefined): boolean => !mode || mode.mini === true;

/** The stage's cache variant: a third-party run with the Mini build differs from one without. */
export const validatorsVariant = (mode: ThirdPartyMode | undefined): Pick<StageMeta, 'variant'> =>
  mode?.mini ? { variant: 'mini' } : {};
