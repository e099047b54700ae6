/**
 * Prettier documents (`prettier/doc`: groups, indents, lines) for TypeScript type declarations
 * (openapi-typescript's AST: interfaces and type aliases of type literals, unions, intersections,
 * arrays, indexed accesses, references and literals): each node becomes the document Prettier 3's
 * estree printer builds for it under this repository's config, so that Prettier's own document
 * printer lays it out as Prettier would lay out the TypeScript printer's text of it. The
 * documents follow Prettier's source (src/language-js/print: union-type.js,
 * intersection-type.js, type-parameters.js, class-body.js, key.js, comments) for the node kinds
 * openapi-typescript emits. print-types.ts prints the always-broken parts (interface bodies, type
 * literals, plain members) straight to text and hands the rest to Prettier's document printer;
 * print-statements.ts uses the type documents in the validators' annotations.
 *
 * Anything outside these node kinds (another node kind, a comment anywhere but on a member, a
 * comment line the TypeScript printer leaves without its `*`, a control character or line
 * separator in a string literal or key, a negative number as an array's element) throws Unsure,
 * and the caller prints the AST with TypeScript's printer and formats it with Prettier.
 */
import { builders } from 'prettier/doc';
import ts from './typescript-cjs.js';
import {
  IDENTIFIER,
  prettierNumber,
  prettierString,
  quoteString,
  Unsure,
} from './print-literals.ts';

const {
  align,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  lineSuffixBoundary,
  literalline,
  markAsRoot,
  softline,
} = builders;

export type Doc = builders.Doc;

/** Where a type sits: decides the parentheses and the indentation of a union. */
export type Place = 'annotation' | 'union' | 'intersection' | 'array' | 'type-argument' | 'tuple';

/** Characters Prettier or the TypeScript printer treat specially in a literal or comment. */
const AWKWARD = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

export const unwrap = (node: ts.TypeNode): ts.TypeNode =>
  ts.isParenthesizedTypeNode(node) ? unwrap(node.type) : node;

/** The string literal's text as the TypeScript printer writes it (`"…"`, non-ASCII escaped). */
function tsStringText(value: string): string {
  if (AWKWARD.test(value)) throw new Unsure();
  const json = JSON.stringify(value);
  return json.replace(
    /[^\u0000-\u007e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** `null` and `void`: what Prettier lets a union hug an object type with. */
const isVoid = (node: ts.TypeNode) =>
  node.kind === ts.SyntaxKind.VoidKeyword ||
  (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword);
const isObjectType = (node: ts.TypeNode) => ts.isTypeLiteralNode(node);
const isKeyword = (node: ts.TypeNode) =>
  (node.kind >= ts.SyntaxKind.FirstKeyword && node.kind <= ts.SyntaxKind.LastKeyword) ||
  (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword);

/** Prettier's shouldHugUnionType: one object-like type and only `null`/`void` besides. */
export function hugsUnion(types: readonly ts.TypeNode[]): boolean {
  const object = types.find((t) => ts.isTypeLiteralNode(t) || ts.isTypeReferenceNode(t));
  return object !== undefined && types.every((t) => t === object || isVoid(t));
}

/** Prettier's shouldHugType (a type argument printed without breaking around it). */
function hugsType(node: ts.TypeNode): boolean {
  if (isKeyword(node) || isObjectType(node)) return true;
  if (ts.isTypeReferenceNode(node) && !node.typeArguments?.length) return true;
  return ts.isUnionTypeNode(node) && hugsUnion(node.types.map(unwrap));
}

function union(node: ts.UnionTypeNode, place: Place, tupleSize: number): Doc {
  const types = node.types.map(unwrap);
  const parens = place === 'array' || place === 'union' || place === 'intersection';
  if (hugsUnion(types)) {
    const doc = join(
      ' | ',
      types.map((t) => type(t, 'union')),
    );
    return parens ? ['(', doc, ')'] : doc;
  }
  const printed = group(
    types.map((t, i) => [i === 0 ? ifBreak('| ') : [line, '| '], align(2, type(t, 'union'))]),
  );
  if (parens) return ['(', group([indent([softline, printed]), softline]), ')'];
  if (place === 'tuple' && tupleSize > 1)
    return group([indent([ifBreak(['(', softline]), printed]), softline, ifBreak(')')]);
  if (place === 'type-argument' || place === 'tuple') return printed;
  return group(indent([softline, printed]));
}

function intersection(node: ts.IntersectionTypeNode, place: Place): Doc {
  const types = node.types.map(unwrap);
  let wasIndented = false;
  const parts = types.map((t, i): Doc => {
    const doc = type(t, 'intersection');
    if (i === 0) return doc;
    const object = isObjectType(t);
    const previousObject = isObjectType(types[i - 1]!);
    if (object && previousObject) return [' & ', wasIndented ? indent(doc) : doc];
    if (!object && !previousObject) return indent([' &', line, doc]);
    if (i > 1) wasIndented = true;
    return [' & ', i > 1 ? indent(doc) : doc];
  });
  const doc = group(parts);
  return place === 'array' || place === 'union' || place === 'intersection' ? ['(', doc, ')'] : doc;
}

function typeArguments(args: readonly ts.TypeNode[]): Doc {
  const types = args.map(unwrap);
  if (types.length === 1 && hugsType(types[0]!))
    return ['<', type(types[0]!, 'type-argument'), '>'];
  return group([
    '<',
    indent([
      softline,
      join(
        [',', line],
        types.map((t) => type(t, 'type-argument')),
      ),
    ]),
    softline,
    '>',
  ]);
}

function literal(node: ts.LiteralTypeNode): Doc {
  const l = node.literal;
  switch (l.kind) {
    case ts.SyntaxKind.NullKeyword:
      return 'null';
    case ts.SyntaxKind.TrueKeyword:
      return 'true';
    case ts.SyntaxKind.FalseKeyword:
      return 'false';
    case ts.SyntaxKind.StringLiteral:
      return prettierString(tsStringText((l as ts.StringLiteral).text));
    case ts.SyntaxKind.NumericLiteral:
      return prettierNumber((l as ts.NumericLiteral).text);
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const u = l as ts.PrefixUnaryExpression;
      if (u.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(u.operand))
        return `-${prettierNumber(u.operand.text)}`;
    }
  }
  throw new Unsure();
}

const KEYWORDS = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.StringKeyword, 'string'],
  [ts.SyntaxKind.NumberKeyword, 'number'],
  [ts.SyntaxKind.BooleanKeyword, 'boolean'],
  [ts.SyntaxKind.UnknownKeyword, 'unknown'],
  [ts.SyntaxKind.NeverKeyword, 'never'],
  [ts.SyntaxKind.UndefinedKeyword, 'undefined'],
  [ts.SyntaxKind.AnyKeyword, 'any'],
  [ts.SyntaxKind.ObjectKeyword, 'object'],
  [ts.SyntaxKind.BigIntKeyword, 'bigint'],
  [ts.SyntaxKind.VoidKeyword, 'void'],
]);

export function type(node: ts.TypeNode, place: Place, tupleSize = 0): Doc {
  if (ts.getSyntheticLeadingComments(node) || ts.getSyntheticTrailingComments(node))
    throw new Unsure();
  const keyword = KEYWORDS.get(node.kind);
  if (keyword) return keyword;
  if (ts.isParenthesizedTypeNode(node)) return type(unwrap(node), place, tupleSize);
  if (ts.isLiteralTypeNode(node)) return literal(node);
  if (ts.isUnionTypeNode(node)) return union(node, place, tupleSize);
  if (ts.isIntersectionTypeNode(node)) return intersection(node, place);
  if (ts.isTypeLiteralNode(node)) return members(node.members, 'literal');
  if (ts.isArrayTypeNode(node)) {
    const element = unwrap(node.elementType);
    // `-1[]`: Babel refuses it, so Prettier's layout of it is the `typescript` parser's (not modelled)
    if (ts.isLiteralTypeNode(element) && ts.isPrefixUnaryExpression(element.literal))
      throw new Unsure();
    return [type(element, 'array'), '[]'];
  }
  if (ts.isIndexedAccessTypeNode(node)) {
    // `(A | B)['x']` needs parentheses this printer does not add
    const object = unwrap(node.objectType);
    if (ts.isUnionTypeNode(object) || ts.isIntersectionTypeNode(object)) throw new Unsure();
    return [type(object, 'annotation'), '[', type(unwrap(node.indexType), 'annotation'), ']'];
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = entityName(node.typeName);
    return node.typeArguments?.length ? [name, typeArguments(node.typeArguments)] : name;
  }
  if (ts.isTypeQueryNode(node) && !node.typeArguments) return `typeof ${entityName(node.exprName)}`;
  if (ts.isTupleTypeNode(node)) {
    const elements = node.elements.map((e) => {
      if (ts.isNamedTupleMember(e) || ts.isRestTypeNode(e) || ts.isOptionalTypeNode(e))
        throw new Unsure();
      return group(type(unwrap(e), 'tuple', node.elements.length));
    });
    if (elements.length === 0) return '[]';
    return group([
      '[',
      indent([softline, join([',', line], elements), ifBreak(',')]),
      softline,
      ']',
    ]);
  }
  // openapi-typescript spells a string literal type as an identifier holding its JSON
  if (ts.isIdentifier(node as ts.Node)) {
    const text = (node as unknown as ts.Identifier).text;
    if (text.startsWith('"')) {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'string' && JSON.stringify(value) === text) return quoteString(value);
    }
  }
  throw new Unsure();
}

/** `A` or `z.core.$ZodType` */
const entityName = (name: ts.EntityName): string =>
  ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;

/**
 * A type's document where it stands as an annotation (`x: <type>`, `type X = <type>`), for
 * print-statements.ts; throws Unsure for what this module does not print.
 */
export const typeDoc = (node: ts.TypeNode): Doc => type(node, 'annotation');

export function key(name: ts.PropertyName): string {
  if (ts.isIdentifier(name)) return name.text;
  if (ts.isNumericLiteral(name)) return prettierNumber(name.text);
  if (ts.isStringLiteral(name)) {
    // Prettier unquotes a key that is an identifier and needs no escape (quoteProps as-needed);
    // a non-ASCII key is escaped by the TypeScript printer, so it stays quoted
    if (IDENTIFIER.test(name.text)) return name.text;
    return prettierString(tsStringText(name.text));
  }
  throw new Unsure();
}

/** A block comment's printed lines; `keepsBlanks` marks a line whose trailing blanks stay. */
export interface CommentLine {
  text: string;
  keepsBlanks: boolean;
}

/**
 * A block comment as the TypeScript printer writes it (every line trimmed, line breaks including
 * `\r` and U+2028) and Prettier then prints it (src/language-js/print/comment.js): when every
 * line starts with `*`, each is re-indented under the first, and a JSDoc line ending in two
 * blanks (a Markdown line break) keeps them.
 */
export function commentLines(range: ts.SynthesizedComment): CommentLine[] {
  if (range.kind !== ts.SyntaxKind.MultiLineCommentTrivia || range.hasTrailingNewLine === false)
    throw new Unsure();
  const lines = `/*${range.text}*/`.split(/\r\n|[\r\n\u2028\u2029]/).map((l) => l.trim());
  if (lines.length === 1) return [{ text: lines[0]!, keepsBlanks: false }];
  const value = lines.join('\n').slice(2, -2);
  const starred = `*${value}*`.split('\n').map((l) => l.trimStart());
  // a line without its `*` keeps the TypeScript printer's indentation in Prettier's output
  if (!starred.every((l) => l.startsWith('*'))) throw new Unsure();
  const jsdoc = value[0] === '*' && value[1] !== '*';
  const last = starred.length - 1;
  return starred.map((l, i): CommentLine => {
    if (i === 0) return { text: `/${l.trimEnd()}`, keepsBlanks: false };
    if (i === last) return { text: ` ${l}/`, keepsBlanks: false };
    const trimmed = l.trimEnd();
    if (jsdoc && trimmed !== '*' && l.endsWith('  '))
      return { text: ` ${trimmed}  `, keepsBlanks: true };
    return { text: ` ${trimmed}`, keepsBlanks: false };
  });
}

/** The comment's document: a hard line between lines, a literal one where blanks stay. */
const commentDoc = (lines: readonly CommentLine[]): Doc =>
  lines.map((l, i) =>
    i === lines.length - 1 ? l.text : [l.text, l.keepsBlanks ? markAsRoot(literalline) : hardline],
  );

/** A member of an interface or type literal, taken apart for the printers. */
export interface Member {
  comments: CommentLine[][];
  /** `readonly key?: `, what precedes a property's annotation; undefined for an index signature. */
  head: string | undefined;
  annotation: ts.TypeNode;
  /** The member's line, its comments aside: the group Prettier fits to the width. */
  line: () => Doc;
}

export function memberParts(node: ts.TypeElement): Member {
  if (ts.getSyntheticTrailingComments(node)) throw new Unsure();
  const comments = (ts.getSyntheticLeadingComments(node) ?? []).map(commentLines);
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  const readonly = modifiers.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
  if (modifiers.length > (readonly ? 1 : 0)) throw new Unsure();
  const prefix = readonly ? 'readonly ' : '';
  if (ts.isPropertySignature(node) && node.type) {
    const annotation = node.type;
    const head = `${prefix}${key(node.name)}${node.questionToken ? '?' : ''}: `;
    return {
      comments,
      head,
      annotation,
      line: () => group([head, type(annotation, 'annotation')]),
    };
  }
  if (ts.isIndexSignatureDeclaration(node) && node.parameters.length === 1) {
    const [p] = node.parameters;
    if (!p!.type || !ts.isIdentifier(p!.name) || p!.questionToken || p!.dotDotDotToken)
      throw new Unsure();
    const name = p!.name.text;
    const parameterType = p!.type;
    const annotation = node.type;
    const line = () => {
      const parameter = group([
        indent([softline, name, ':', ' ', type(parameterType, 'annotation')]),
        softline,
      ]);
      return group([prefix, '[', parameter, ']', ':', ' ', type(annotation, 'annotation')]);
    };
    return { comments, head: undefined, annotation, line };
  }
  throw new Unsure();
}

function member(node: ts.TypeElement): Doc {
  const parts = memberParts(node);
  return [...parts.comments.map((c) => [commentDoc(c), hardline]), parts.line()];
}

/** An interface body (one member per line) or a type literal (broken: the printer writes it so). */
function members(list: readonly ts.TypeElement[], kind: 'interface' | 'literal'): Doc {
  if (list.length === 0) return '{}';
  const printed = list.map(member);
  if (kind === 'interface')
    return [
      '{',
      indent([
        hardline,
        join(
          hardline,
          printed.map((m) => [m, ';']),
        ),
      ]),
      hardline,
      '}',
    ];
  const body = printed.map((m, i) => (i === printed.length - 1 ? [m, ifBreak(';')] : [m, ';']));
  return group(['{', indent([line, join(line, body)]), line, '}'], { shouldBreak: true });
}

/** `export ` or nothing: the only modifier, and no comment, a printed statement may have. */
function exportKeyword(node: ts.Node): string {
  if (ts.getSyntheticLeadingComments(node) || ts.getSyntheticTrailingComments(node))
    throw new Unsure();
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  if (modifiers.some((m) => m.kind !== ts.SyntaxKind.ExportKeyword)) throw new Unsure();
  return modifiers.length ? 'export ' : '';
}

/** A plain interface (no type parameters, no `extends`): always one member per line. */
export const isPlainInterface = (node: ts.Node): node is ts.InterfaceDeclaration =>
  ts.isInterfaceDeclaration(node) && !node.typeParameters && !node.heritageClauses;

/** `export interface X ` for a plain interface; throws Unsure for a modifier or comment. */
export const interfaceStart = (node: ts.InterfaceDeclaration): string =>
  `${exportKeyword(node)}interface ${node.name.text} `;

export function statement(node: ts.Node): Doc {
  if (isPlainInterface(node)) return [interfaceStart(node), members(node.members, 'interface')];
  const exported = exportKeyword(node);
  // `export type webhooks = Record<string, never>;`: Prettier's fluid assignment layout
  if (
    ts.isTypeAliasDeclaration(node) &&
    !node.typeParameters &&
    ts.isTypeReferenceNode(node.type)
  ) {
    const id = Symbol('assignment');
    return [
      exported,
      group([
        group(['type ', node.name.text]),
        ' =',
        group(indent(line), { id }),
        lineSuffixBoundary,
        indentIfBreak(type(node.type, 'annotation'), { groupId: id }),
      ]),
      ';',
    ];
  }
  throw new Unsure();
}
