/**
 * The CI slice: the corpus specs copied into test/fixtures/corpus/ (SOURCES.md names each one's
 * origin and license), small enough to run in a few minutes on 2 cores.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../spec-mode/support.ts';
import type { CorpusSpec } from './select.ts';

export const SLICE_DIR = path.join(REPO_ROOT, 'test/fixtures/corpus');

export function sliceSpecs(): CorpusSpec[] {
  return fs
    .readdirSync(SLICE_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(SLICE_DIR, name);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { openapi?: string };
      return {
        id: name.replace(/\.json$/, ''),
        file,
        bytes: fs.statSync(file).size,
        openapi: String(doc.openapi),
        group: String(doc.openapi).startsWith('3.1') ? 'openapi31' : 'openapi30',
        source: 'test/fixtures/corpus/SOURCES.md',
        license: 'see SOURCES.md',
      } satisfies CorpusSpec;
    });
}
