/** A namespace (tag) page: description, endpoint quick index, then every operation of the tag. */
import { escapeHtml } from '../escape.ts';
import { renderMarkdown } from '../markdown.ts';
import type { TagModel } from '../operations.ts';
import type { Doc } from '../resolve.ts';
import { operationSection, opAnchor } from './operation.ts';
import { createPageRepeats } from './page-repeats.ts';
import { NO_VIEW_MEMO, type ViewMemo } from './view-memo.ts';

/** `memo`: the site's rendered large views, shared by its pages (view-memo.ts). */
export function tagPageMain(doc: Doc, tag: TagModel, memo: ViewMemo = NO_VIEW_MEMO): string {
  const index = tag.operations
    .map(
      (op) =>
        `<li><a href="#${opAnchor(op)}"><span class="method m-${escapeHtml(op.method)}">${escapeHtml(op.method.toUpperCase())}</span> ` +
        `<code class="path">${escapeHtml(op.path)}</code></a> <span class="summary">${escapeHtml(op.summary)}</span></li>`,
    )
    .join('');
  const n = tag.operations.length;
  const views = { repeats: createPageRepeats(), memo };
  return `<h1>${escapeHtml(tag.name)}</h1>
<div class="md lead">${renderMarkdown(tag.description, 1)}</div>
<h2 id="quick-index">Endpoint quick index <span class="count">${n} operation${n === 1 ? '' : 's'}</span></h2>
<ul class="quick-index">${index}</ul>
<h2 id="endpoints">Endpoints</h2>
${tag.operations.map((op) => operationSection(doc, op, views)).join('\n')}`;
}
