/**
 * Stage `bundle`: the bundled spec as committed artifacts, `generated/openapi.json` and
 * `generated/openapi.yaml`, for tools and people that want one file (docs download, conformance).
 */
import type { GeneratedFile, Stage } from '../../pipeline/stage.ts';
import { GENERATED_NOTICE } from '../../pipeline/header.ts';
import { specJsonWithFirst } from '../../pipeline/spec-json.ts';
import { bundleMeta } from './meta.ts';
import { bundleYaml } from './yaml.ts';

export const bundleStage: Stage = {
  ...bundleMeta,
  run({ spec, rerun }): GeneratedFile[] {
    // JSON has no comments, so the notice travels as a documented extension (see openapi/EXTENSIONS.md).
    const doc = { 'x-generated': GENERATED_NOTICE, ...spec };
    return [
      {
        path: 'generated/openapi.json',
        content: `${specJsonWithFirst(spec, 'x-generated', GENERATED_NOTICE)}\n`,
        formatted: true,
      },
      {
        path: 'generated/openapi.yaml',
        content: bundleYaml(doc, rerun),
        formatted: true,
      },
      {
        path: 'generated/README.md',
        content:
          // after the notice comment, the blank line Prettier's Markdown printer puts there
          '\n# generated/\n\nThe bundled Car Owner API spec, written by `pnpm generate` from `openapi/`. Do not edit these files: edit `openapi/` and run `pnpm generate`.\n',
        formatted: true, // Prettier leaves this Markdown as it is (test/mock/validators-module.test.ts)
      },
    ];
  },
};
