/**
 * Prints TypeScript type declarations (openapi-typescript's AST) in exactly the layout Prettier
 * gives the TypeScript printer's text of them under this repository's config, without running
 * Prettier's parser and printer: the client-types stage's `openapi.ts` (165 KB on Car Owner,
 * 2.8 MB on Stripe's spec) is printed straight from the AST and marked `formatted`.
 *
 * Most of such a file is laid out the same at any width: interface bodies and type literals are
 * always one member per line (Prettier keeps an object type broken when its source is), and a
 * member whose annotation holds no line break opportunity (`id: string`, `a: components['x'][]`)
 * is one line of text. Those parts are written here as text. A union of such plain types is laid
 * out here too, by Prettier's rule for it (the flat line if it fits the width with its `;`, else
 * the union on the next line, indented, if that fits, else one `| member` per line). Every other
 * member line (a union holding an object, an intersection, a type with arguments) becomes the
 * document of print-type-docs.ts and is laid out by Prettier's own document printer at the
 * member's indentation; so is every statement other than a plain interface.
 *
 * The layout of a document depends only on the column it starts at, its indentation and what
 * follows it up to the next line break (here always the member's `;`), which is why a member can
 * be laid out alone. Prettier's document printer over the whole file took 270 ms of Stripe's
 * 400 ms of printing. `test/pipeline/print-types.test.ts` compares the result with Prettier's on
 * every spec fixture and on random declarations. Where print-type-docs.ts is unsure (see there),
 * `printTypes` returns undefined and the caller formats the TypeScript printer's text with
 * Prettier.
 */
import { builders } from 'prettier/doc';
import { printDoc } from './doc-print.ts';
import ts from './typescript-cjs.js';
import { PRINT_WIDTH, Unsure } from './print-literals.ts';
import {
  type Doc,
  hugsUnion,
  interfaceStart,
  isPlainInterface,
  type Member,
  memberParts,
  statement,
  type,
  unwrap,
} from './print-type-docs.ts';

const { align, group } = builders;

/** Text whose printed width is its length (what the fitting below measures). */
const NARROW = /^[\x20-\x7e]*$/;

/**
 * A document's text printed flat (every group on one line), and whether it had a line break
 * opportunity; undefined when it forces a break (a hard line or a group that must break).
 */
function flatText(doc: Doc): { text: string; breakable: boolean } | undefined {
  let breakable = false;
  let text = '';
  const visit = (d: Doc): boolean => {
    if (typeof d === 'string') {
      text += d;
      return true;
    }
    if (Array.isArray(d)) return d.every(visit);
    switch (d.type) {
      case 'group':
        if (d.break || d.expandedStates) return false;
        return visit(d.contents);
      case 'indent':
      case 'align':
        return visit(d.contents);
      case 'indent-if-break': // its contents are not in Prettier's type declarations
        return visit((d as unknown as { contents: Doc }).contents);
      case 'if-break':
        return visit(d.flatContents ?? '');
      case 'line':
        if (d.hard || d.literal) return false;
        breakable = true;
        if (!d.soft) text += ' ';
        return true;
      case 'line-suffix-boundary':
        return true;
      default:
        return false;
    }
  };
  return visit(doc) ? { text, breakable } : undefined;
}

/** Whether a member line of narrow `text` (with its `;`) fits the width at `indentation`. */
const fits = (text: string, indentation: string) =>
  indentation.length + text.length + 1 <= PRINT_WIDTH;

/** A type node with its parentheses removed, refusing a comment on any of them (as `type` does). */
function bare(node: ts.TypeNode): ts.TypeNode {
  if (ts.getSyntheticLeadingComments(node) || ts.getSyntheticTrailingComments(node))
    throw new Unsure();
  return ts.isParenthesizedTypeNode(node) ? bare(node.type) : node;
}

/** `{ … }` with one member per line, its members indented 2 more than `indentation`. */
function block(list: readonly ts.TypeElement[], indentation: string): string {
  if (list.length === 0) return '{}';
  const inner = `${indentation}  `;
  let text = '{';
  for (const node of list) text += `\n${inner}${memberText(memberParts(node), inner)};`;
  return `${text}\n${indentation}}`;
}

/** The member at `indentation` (where its first line starts), without its `;`. */
function memberText(member: Member, indentation: string): string {
  let text = '';
  for (const lines of member.comments)
    text += `${lines.map((l) => l.text).join(`\n${indentation}`)}\n${indentation}`;
  if (member.head !== undefined) {
    const direct = annotated(member.head, bare(member.annotation), indentation);
    if (typeof direct === 'string') return text + direct;
    return text + alone(group([member.head, direct]), indentation);
  }
  const line = member.line();
  const flat = flatText(line);
  if (flat && (!flat.breakable || (NARROW.test(flat.text) && fits(flat.text, indentation))))
    return text + flat.text;
  return text + alone(line, indentation);
}

/**
 * `head` and the annotation `node` as text where the layout needs no document printer: an object
 * type, a nullable one, a type that fits flat or cannot break, a union of plain types. Else the
 * annotation's document, for Prettier's document printer.
 */
function annotated(head: string, node: ts.TypeNode, indentation: string): string | Doc {
  if (ts.isTypeLiteralNode(node)) return head + block(node.members, indentation);
  const types = ts.isUnionTypeNode(node) ? node.types.map(unwrap) : [];
  // `{ … } | null`: Prettier hugs the object, no line break between the parts
  if (hugsUnion(types) && types.some((t) => ts.isTypeLiteralNode(t))) {
    const parts = types.map((t) => {
      const part = bare(t);
      return ts.isTypeLiteralNode(part)
        ? block(part.members, indentation)
        : flatText(type(part, 'union'));
    });
    if (parts.every((p) => typeof p === 'string' || (p !== undefined && !p.breakable)))
      return head + parts.map((p) => (typeof p === 'string' ? p : p!.text)).join(' | ');
  }
  const doc = type(node, 'annotation');
  const flat = flatText(doc);
  if (flat && !flat.breakable) return head + flat.text;
  // a wide character's width is not its length: Prettier's printer measures it
  if (flat && !NARROW.test(head + flat.text)) return doc;
  if (flat && fits(head + flat.text, indentation)) return head + flat.text;
  if (types.length === 0 || (!flat && !types.some((t) => ts.isTypeLiteralNode(t)))) return doc;
  // a union too long for one line, or holding an object type, of parts that cannot break: on
  // the next line, indented, if it fits there, else one `| part` per line, an object's members
  // aligned under it (Prettier's union layout)
  const inner = `${indentation}  `;
  const parts: string[] = [];
  for (const t of types) {
    const constituent = bare(t);
    if (ts.isTypeLiteralNode(constituent)) {
      parts.push(block(constituent.members, `${inner}  `));
      continue;
    }
    const part = flatText(type(constituent, 'union'));
    if (!part || part.breakable) return doc;
    parts.push(part.text);
  }
  const next =
    flat && fits(flat.text, inner) ? flat.text : parts.map((p) => `| ${p}`).join(`\n${inner}`);
  return `${head.trimEnd()}\n${inner}${next}`;
}

/**
 * A member's line laid out by Prettier's document printer as if it stood at `indentation`: the
 * same indentation as an alignment, followed by the `;` that follows it in the file.
 */
function alone(doc: Doc, indentation: string): string {
  const text = printDoc([indentation, align(indentation.length, [doc, ';'])]);
  return text.slice(indentation.length, -1);
}

function statementText(node: ts.Node): string {
  if (isPlainInterface(node)) return interfaceStart(node) + block(node.members, '');
  return printDoc(statement(node));
}

/**
 * `nodes` as Prettier formats the TypeScript printer's text of them, or undefined when they hold
 * something print-type-docs.ts does not print.
 */
export function printTypes(nodes: readonly ts.Node[]): string | undefined {
  if (nodes.length === 0) return '\n';
  try {
    let text = '';
    for (const node of nodes) text += `${statementText(node)}\n`;
    return text;
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}
