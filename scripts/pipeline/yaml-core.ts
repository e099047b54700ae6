/**
 * The `yaml` package (positioned parses in the precheck, the bundle's YAML printer) as one
 * bundled module (dependency-bundle.ts): the package is 72 files for Node's loader, loaded by every
 * run. The bundle holds the same code. Node kinds are marked with `Symbol.for` keys, so a
 * document parsed by the package itself (a test's) reads the same through this copy's `isMap`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { importBundled } from './dependency-bundle.ts';

type Yaml = typeof import('yaml');
/** What the pipeline uses of `yaml` (and of `yaml/util`: the bundle's YAML printer's strings). */
export type YamlCore = Pick<typeof import('yaml/util'), 'stringifyString'> &
  Pick<
    Yaml,
    | 'Document'
    | 'isAlias'
    | 'isCollection'
    | 'isMap'
    | 'isPair'
    | 'isScalar'
    | 'isSeq'
    | 'LineCounter'
    | 'parse'
    | 'parseDocument'
    | 'stringify'
  >;
const NAMES = [
  'Document',
  'isAlias',
  'isCollection',
  'isMap',
  'isPair',
  'isScalar',
  'isSeq',
  'LineCounter',
  'parse',
  'parseDocument',
  'stringify',
] as const satisfies readonly (keyof Yaml)[];

const require = createRequire(import.meta.url);
const main = require.resolve('yaml');
const util = require.resolve('yaml/util');

const loaded = await importBundled<YamlCore>({
  name: 'yaml',
  entry: [
    `export { ${NAMES.join(', ')} } from ${JSON.stringify(main)};`,
    `export { stringifyString } from ${JSON.stringify(util)};`,
  ].join('\n'),
  resolveDir: path.dirname(main),
  fromPackages: async () => ({ ...(await import('yaml')), ...(await import('yaml/util')) }),
});
export const yaml: YamlCore = loaded.module;
/** Which copy was loaded: the one-file bundle or the package's own modules. */
export const yamlSource = loaded.source;
