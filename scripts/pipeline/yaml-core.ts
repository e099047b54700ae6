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
/** What the pipeline uses of `yaml`. */
export type YamlCore = Pick<
  Yaml,
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
] as const satisfies readonly (keyof YamlCore)[];

const main = createRequire(import.meta.url).resolve('yaml');

const loaded = await importBundled<YamlCore>({
  name: 'yaml',
  entry: `export { ${NAMES.join(', ')} } from ${JSON.stringify(main)};`,
  resolveDir: path.dirname(main),
  fromPackages: () => import('yaml'),
});
export const yaml: YamlCore = loaded.module;
/** Which copy was loaded: the one-file bundle or the package's own modules. */
export const yamlSource = loaded.source;
