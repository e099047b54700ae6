/**
 * Lays out a Prettier document the layout printers built (print-statements.ts, print-types.ts)
 * with Prettier's own document printer, marking the groups' breaks first in one pass that visits
 * each document node once.
 *
 * Prettier's `printDocToString` first runs `propagateBreaks`, which walks the document and
 * re-walks every subtree that is not itself a group each time it is reached: through every state
 * of a conditional group (call arguments have three, each holding the same last argument), so a
 * nested `z.optional(z.nullable(z.object(…)))` is walked about 3^depth times. On GitHub's spec
 * that pass visited each node about nine times (46 million visits) and took about 1.1 s of the
 * validators stage. The pass below gives every group the same `break` mark, and
 * patches/prettier@3.10.1.patch lets the printer skip its own pass when told so.
 */
import { printer, utils, type builders } from 'prettier/doc';
import { PRINT_WIDTH } from './print-literals.ts';

/**
 * The width in columns Prettier's printer gives a text (wide characters and emoji take two): the
 * patch exports it from `prettier/doc`, so a printer that only measures text does not load
 * Prettier's index (45–72 ms on a Car Owner run).
 */
export const stringWidth = (utils as typeof utils & { getStringWidth: (text: string) => number })
  .getStringWidth;

type Doc = builders.Doc;
type Group = builders.Group;

/**
 * Whether a node marks the group around it as broken: Prettier's `propagateBreaks` (src/document/
 * utils.js) marks the innermost group around a `breakParent`, unless that group is a conditional
 * one, and a group whose `break` is set (given or marked) marks the group around it in turn. The
 * answer depends on the node alone, so it is remembered on the node.
 */
const MARKS = Symbol('marksParent');

type Marked = { [MARKS]?: boolean };

function marksParent(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  const node = doc as Marked;
  return (node[MARKS] ??= marksUncached(doc));
}

/** Every child is visited (none short-circuits): each group under it needs its mark. */
function anyMarks(docs: readonly Doc[]): boolean {
  let marks = false;
  for (const child of docs) if (marksParent(child)) marks = true;
  return marks;
}

function marksUncached(doc: Exclude<Doc, string>): boolean {
  if (Array.isArray(doc)) return anyMarks(doc);
  switch (doc.type) {
    case 'break-parent':
      return true;
    case 'group': {
      const group = doc as Group;
      if (group.expandedStates) {
        // its states are walked (the first is its contents); it is never marked by them
        anyMarks(group.expandedStates);
      } else if (marksParent(group.contents) && !group.break) {
        (group as { break: boolean | 'propagated' }).break = 'propagated';
      }
      return Boolean(group.break);
    }
    case 'if-break':
      return anyMarks([doc.breakContents, doc.flatContents]);
    case 'fill':
      return anyMarks(doc.parts);
    case 'indent':
    case 'align':
    case 'indent-if-break':
    case 'label':
    case 'line-suffix':
      return marksParent((doc as { contents: Doc }).contents);
    default:
      return false;
  }
}

/** Options of the patched printer: `breaksPropagated` skips its own `propagateBreaks`. */
const OPTIONS = { printWidth: PRINT_WIDTH, tabWidth: 2, breaksPropagated: true };

/** The document laid out at this repository's print width, as Prettier prints it. */
export function printDoc(doc: Doc): string {
  marksParent(doc);
  return printer.printDocToString(doc, OPTIONS).formatted;
}
