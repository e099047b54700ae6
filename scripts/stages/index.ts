/**
 * The generator stages, in the order they are listed; `requires` may reorder them. To add a
 * generator, write a Stage (scripts/pipeline/stage.ts) in its own folder here and list it below.
 */
import type { Stage } from '../pipeline/stage.ts';
import { bundleStage } from './bundle/index.ts';
import { clientTypesStage } from './client-types/index.ts';
import { docsStage } from './docs/index.ts';
import { mockStage } from './mock/index.ts';
import { validatorsStage } from './validators/index.ts';

export const stages: readonly Stage[] = [bundleStage, clientTypesStage, validatorsStage, mockStage, docsStage];
