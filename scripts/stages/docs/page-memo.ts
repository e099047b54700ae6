/**
 * Under `--watch` the docs stage keeps each namespace page's main content for the next save: a
 * save that changes one schema changes the pages whose operations reach it, not all twenty. A
 * page is rendered again when its key changes:
 *
 * - its namespace model (operations with their parameters, bodies, responses and examples);
 * - the full content of every component schema the model reaches (pipeline/reached-schemas.ts);
 * - the rest of the spec, whole, but for `paths` (read only through the models) and the component
 *   schemas: info, servers, security schemes, other components, tags; and every operation's id,
 *   method, path, namespace and summary (links between pages).
 *
 * A model with a `$ref` outside `#/components/` is always rendered.
 * test/docs/page-memo.test.ts compares kept pages with a fresh build after edits.
 */
import { sha256 } from '../../pipeline/cache.ts';
import { reachKeys } from '../../pipeline/reached-schemas.ts';
import { RunMemo } from '../../pipeline/run-memo.ts';
import type { OperationModel, TagModel } from './operations.ts';
import type { Doc } from './resolve.ts';

const pages = new RunMemo<string>();

export interface PageMemo {
  /** The kept main content for `tag`, or `render()`'s, kept. */
  tagMain(tag: TagModel, render: () => string): string;
  /** Call after the build: what it did not use is let go after the next. */
  done(): void;
}

export function createPageMemo(
  doc: Doc,
  tags: readonly TagModel[],
  ops: readonly OperationModel[],
): PageMemo {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const rest = { ...doc, paths: undefined, components: { ...doc.components, schemas: undefined } };
  const site = sha256(
    JSON.stringify([
      rest,
      tags.map((t) => [t.name, t.slug]),
      ops.map((o) => [o.id, o.method, o.path, o.tag, o.summary]),
    ]),
  );
  const keyOf = reachKeys(
    (name) => (Object.hasOwn(schemas, name) ? schemas[name] : undefined),
    (ref) => ref.startsWith('#/components/'),
  );
  return {
    tagMain(tag, render) {
      const key = keyOf(site, JSON.stringify(tag));
      return key === undefined ? render() : pages.get(key, render);
    },
    done: () => pages.endRun(),
  };
}
