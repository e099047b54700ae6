/** The committed bundled spec, as tests read it. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { lintAndBundleSpec } from '../../scripts/spec-mode/gate.ts';
import { locateRoot } from '../../scripts/spec-mode/locate.ts';
import { prepareSpec } from '../../scripts/spec-mode/prepare.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Every spec fixture a stage can be given (relative to the repository): the feature fixtures
 * (Swagger 2.0 is refused before any stage), the split fixture, the corpus slice and museum.
 */
export function specFixtures(): string[] {
  const inFolder = (dir: string, ext: string) =>
    fs
      .readdirSync(path.join(repoRoot, dir))
      .filter((f) => f.endsWith(ext) && f !== 'swagger-2.yaml')
      .map((f) => path.join(dir, f));
  return [
    ...inFolder('test/fixtures/features', '.yaml'),
    'test/fixtures/features/split/openapi.yaml',
    ...inFolder('test/fixtures/corpus', '.json'),
    'test/fixtures/real-world/museum.yaml',
  ];
}

/** A spec fixture (repository-relative) as `pnpm generate --spec` bundles and prepares it. */
export async function bundleFixture(file: string): Promise<OpenAPIV3_1.Document> {
  const { spec } = await lintAndBundleSpec(locateRoot(path.join(repoRoot, file)), repoRoot);
  prepareSpec(spec);
  return spec;
}

export function loadBundledSpec(): OpenAPIV3_1.Document {
  return JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'generated/openapi.json'), 'utf8'),
  ) as OpenAPIV3_1.Document;
}

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

export interface OperationRef {
  method: string;
  path: string;
  operation: OpenAPIV3_1.OperationObject;
  pathItem: OpenAPIV3_1.PathItemObject;
}

export function listOperations(spec: OpenAPIV3_1.Document): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [p, pathItem] of Object.entries(spec.paths ?? {})) {
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) out.push({ method, path: p, operation, pathItem });
    }
  }
  return out;
}

/** Follow local `$ref`s (`#/components/...`) to the object they name. */
export function deref<T>(spec: object, node: T | { $ref: string }): T {
  let current: unknown = node;
  const seen = new Set<string>();
  while (
    current &&
    typeof current === 'object' &&
    '$ref' in current &&
    typeof current.$ref === 'string'
  ) {
    const ref: string = current.$ref;
    if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((obj, key) => (obj as Record<string, unknown>)[key], spec);
  }
  return current as T;
}
