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
import { createHash } from 'node:crypto';
import { reachedSchemas } from '../../pipeline/reached-schemas.ts';
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
  const texts = new Map<string, string>();
  const names = new Map<string, string[] | undefined>();
  const json = (name: string) => {
    if (!Object.hasOwn(schemas, name)) return undefined;
    let text = texts.get(name);
    if (text === undefined) texts.set(name, (text = JSON.stringify(schemas[name]) ?? ''));
    return text;
  };
  const rest = { ...doc, paths: undefined, components: { ...doc.components, schemas: undefined } };
  const site = createHash('sha256')
    .update(
      JSON.stringify([
        rest,
        tags.map((t) => [t.name, t.slug]),
        ops.map((o) => [o.id, o.method, o.path, o.tag, o.summary]),
      ]),
    )
    .digest('hex');
  return {
    tagMain(tag, render) {
      const own = JSON.stringify(tag);
      const reached = reachedSchemas(own, json, (ref) => ref.startsWith('#/components/'), names);
      if (!reached) return render();
      const hash = createHash('sha256').update(`${site}\0${own}\0`);
      for (const name of reached) hash.update(`${name}\0${json(name)}\0`);
      return pages.get(hash.digest('hex'), render);
    },
    done: () => pages.endRun(),
  };
}
