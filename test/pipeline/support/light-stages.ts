// Stages that write a few small files named after the spec version into the five real output
// folders: the kill test swaps real folders through the real orchestrator without paying for
// the real generators on each of its runs.
import type { Stage } from '../../../scripts/pipeline/stage.ts';

const FOLDERS: Record<string, string> = {
  bundle: 'generated',
  'client-types': 'packages/client/src/generated',
  validators: 'packages/validators/src/generated',
  mock: 'packages/mock/src/generated',
  docs: 'packages/docs/site',
};

export const lightStages: readonly Stage[] = Object.entries(FOLDERS).map(([name, folder]) => ({
  name,
  owns: [folder],
  run: ({ spec }) =>
    Array.from({ length: 8 }, (_, i) => ({
      path: `${folder}/part-${i}.txt`,
      content: `${name} ${i} for version ${spec.info.version}\n`,
      formatted: true,
    })),
}));
