/**
 * Prints the statements the validators stage emits (imports, `export const` of Zod call
 * expressions, `export type … = z.infer<…>`, `export * from`) in exactly the layout Prettier gives
 * the TypeScript printer's text of them under this repository's config, without running
 * Prettier's parser and printer. Prettier over the validator modules was most of the stage: 0.6 s
 * of Car Owner's 1.2 s, about 6 s of Stripe's 9 s.
 *
 * As print-types.ts does for types, each node becomes the Prettier document (`prettier/doc`) that
 * Prettier 3's estree printer builds for it, and Prettier's document printer lays it out. The
 * documents follow Prettier's source (src/language-js/print: member-chain.js, call-arguments.js,
 * call-expression.js, assignment.js, object.js, array.js, property.js, key.js, module.js,
 * variable-declaration.js; utilities/is-simple-call-argument.js, is-lone-short-argument.js) for
 * the node kinds the stage emits; `test/pipeline/print-statements.test.ts` compares the result
 * with Prettier's on every spec fixture. Types (annotations, `satisfies`, `as`, type aliases) are
 * print-types.ts's documents. Anything else (an arrow function with parameters, a union type
 * alias, a type print-types.ts does not print, a string with a control character, line separator
 * or lone surrogate, a callee named like a test or module call) returns undefined, and the caller
 * leaves the module's TypeScript-printer text to Prettier as before.
 */
import { builders, utils } from 'prettier/doc';
import { printDoc } from './doc-print.ts';
import ts from './typescript-cjs.js';
import {
  IDENTIFIER,
  PRINT_WIDTH,
  prettierNumber,
  prettierString,
  Unsure,
} from './print-literals.ts';
import { typeDoc } from './print-type-docs.ts';

const {
  breakParent,
  conditionalGroup,
  fill,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  label,
  line,
  lineSuffixBoundary,
  softline,
} = builders;
const { canBreak } = utils;

type Doc = builders.Doc;

/*
 * Hot paths avoid nested named closures: tsx (esbuild's keepNames) wraps each in a `__name` call
 * every time it is created, which was a tenth of this module's time on Stripe.
 */

/** Whether a document holds a forced break: Prettier's willBreak, remembered on the document. */
const BREAKS = Symbol('breaks');

function willBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  const marked = doc as { [BREAKS]?: boolean };
  return (marked[BREAKS] ??= breaksUncached(doc));
}

function breaksUncached(doc: Exclude<Doc, string>): boolean {
  if (Array.isArray(doc)) return doc.some(willBreak);
  switch (doc.type) {
    case 'group':
      // a conditional group's contents are its first state, as findInDoc sees it
      return Boolean(doc.break) || willBreak(doc.contents);
    case 'line':
      return Boolean(doc.hard);
    case 'break-parent':
      return true;
    case 'if-break':
      return willBreak(doc.breakContents) || willBreak(doc.flatContents);
    case 'fill':
      return doc.parts.some(willBreak);
    case 'indent':
    case 'align':
    case 'indent-if-break':
    case 'label':
    case 'line-suffix':
      return willBreak((doc as { contents: Doc }).contents);
    default:
      return false;
  }
}

/** Characters the TypeScript printer or Prettier write differently from JSON.stringify. */
const AWKWARD =
  /[\u0000-\u001f\u007f\u0085\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Prettier's spelling of a string literal the TypeScript printer wrote (non-ASCII escaped). */
function stringDoc(value: string): string {
  if (AWKWARD.test(value)) throw new Unsure();
  const raw = JSON.stringify(value).replace(
    /[^\u0000-\u007e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return prettierString(raw);
}

/** Callees Prettier prints its own way (test calls, CommonJS and AMD module calls). */
const SPECIAL_CALLEE =
  /^(?:it|test|describe|xit|xtest|xdescribe|fit|fdescribe|ftest|beforeEach|beforeAll|afterEach|afterAll|skip|only|require|define)$/;

/** ESTree's node type for the kinds handled here (Prettier compares neighbours by it). */
const ESTREE_TYPES = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.Identifier, 'Identifier'],
  [ts.SyntaxKind.StringLiteral, 'StringLiteral'],
  [ts.SyntaxKind.NumericLiteral, 'NumericLiteral'],
  [ts.SyntaxKind.TrueKeyword, 'BooleanLiteral'],
  [ts.SyntaxKind.FalseKeyword, 'BooleanLiteral'],
  [ts.SyntaxKind.NullKeyword, 'NullLiteral'],
  [ts.SyntaxKind.PrefixUnaryExpression, 'UnaryExpression'],
  [ts.SyntaxKind.CallExpression, 'CallExpression'],
  [ts.SyntaxKind.NewExpression, 'NewExpression'],
  [ts.SyntaxKind.ObjectLiteralExpression, 'ObjectExpression'],
  [ts.SyntaxKind.ArrayLiteralExpression, 'ArrayExpression'],
  [ts.SyntaxKind.PropertyAccessExpression, 'MemberExpression'],
  [ts.SyntaxKind.ArrowFunction, 'ArrowFunctionExpression'],
]);

function estreeType(node: ts.Expression): string {
  const type = ESTREE_TYPES.get(node.kind);
  if (type === undefined) throw new Unsure();
  return type;
}

const isLiteral = (node: ts.Expression) =>
  ts.isStringLiteral(node) ||
  ts.isNumericLiteral(node) ||
  node.kind === ts.SyntaxKind.TrueKeyword ||
  node.kind === ts.SyntaxKind.FalseKeyword ||
  node.kind === ts.SyntaxKind.NullKeyword;

const isSignedNumber = (node: ts.Expression): node is ts.PrefixUnaryExpression =>
  ts.isPrefixUnaryExpression(node) &&
  (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken) &&
  ts.isNumericLiteral(node.operand);

const argumentsOf = (node: ts.CallExpression | ts.NewExpression) => node.arguments ?? [];

/** utilities/is-simple-call-argument.js */
function isSimpleCallArgument(node: ts.Expression, depth = 2): boolean {
  if (depth <= 0) return false;
  if (isLiteral(node) || ts.isIdentifier(node)) return true;
  if (ts.isObjectLiteralExpression(node))
    return node.properties.every(
      (p) =>
        ts.isPropertyAssignment(p) &&
        !ts.isComputedPropertyName(p.name) &&
        isSimpleCallArgument(p.initializer, depth - 1),
    );
  if (ts.isArrayLiteralExpression(node))
    return node.elements.every((e) => isSimpleCallArgument(e, depth - 1));
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    if (!isSimpleCallArgument(node.expression, depth)) return false;
    const args = argumentsOf(node);
    return args.length <= depth && args.every((a) => isSimpleCallArgument(a, depth - 1));
  }
  if (ts.isPropertyAccessExpression(node)) return isSimpleCallArgument(node.expression, depth);
  if (ts.isPrefixUnaryExpression(node))
    return (
      [
        ts.SyntaxKind.ExclamationToken,
        ts.SyntaxKind.MinusToken,
        ts.SyntaxKind.PlusToken,
        ts.SyntaxKind.TildeToken,
      ].includes(node.operator) && isSimpleCallArgument(node.operand, depth)
    );
  return false;
}

/** utilities/is-lone-short-argument.js, at print width 100 */
function isLoneShortArgument(node: ts.Expression): boolean {
  const threshold = PRINT_WIDTH * 0.25;
  if (ts.isIdentifier(node)) return node.text.length <= threshold;
  if (isSignedNumber(node)) return true;
  if (ts.isStringLiteral(node)) return stringDoc(node.text).length <= threshold;
  if (ts.isPrefixUnaryExpression(node)) return isLoneShortArgument(node.operand);
  if (ts.isCallExpression(node) && node.arguments.length === 0 && ts.isIdentifier(node.expression))
    return node.expression.text.length <= threshold - 2;
  return isLiteral(node);
}

/**
 * Each call's document, printed once (as Prettier's path printer caches them): the assignment
 * layout prints a call to see whether it is a member chain, then prints it again in place.
 */
const printed = new WeakMap<ts.Node, Doc>();

function expression(node: ts.Expression): Doc {
  if (!ts.isCallExpression(node)) return expressionUncached(node);
  let doc = printed.get(node);
  if (doc === undefined) printed.set(node, (doc = expressionUncached(node)));
  return doc;
}

function expressionUncached(node: ts.Expression): Doc {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isStringLiteral(node)) return stringDoc(node.text);
  if (ts.isNumericLiteral(node)) return prettierNumber(node.text);
  if (isLiteral(node)) return ts.tokenToString(node.kind)!; // true, false, null
  if (isSignedNumber(node))
    return [node.operator === ts.SyntaxKind.MinusToken ? '-' : '+', expression(node.operand)];
  if (ts.isCallExpression(node)) return callExpression(node);
  if (ts.isNewExpression(node)) {
    if (!ts.isIdentifier(node.expression) || node.typeArguments) throw new Unsure();
    return ['new ', node.expression.text, lineSuffixBoundary, callArguments(argumentsOf(node))];
  }
  if (ts.isObjectLiteralExpression(node)) return objectExpression(node);
  if (ts.isArrayLiteralExpression(node)) return arrayExpression(node);
  if (ts.isArrowFunction(node)) return arrowFunction(node, false);
  // binary-cast-expression.js, where the cast is neither a callee nor a member's object (those
  // contexts are not printed here: the cast has no ESTree type in ESTREE_TYPES)
  if (ts.isSatisfiesExpression(node))
    return [expression(node.expression), ' satisfies ', typeDoc(node.type)];
  if (ts.isAsExpression(node)) return [expression(node.expression), ' as ', castType(node.type)];
  throw new Unsure();
}

/** `as const` (a type reference named `const` in TypeScript's AST) or another type. */
const castType = (node: ts.TypeNode): Doc =>
  ts.isTypeReferenceNode(node) &&
  ts.isIdentifier(node.typeName) &&
  node.typeName.text === 'const' &&
  !node.typeArguments
    ? 'const'
    : typeDoc(node);

/**
 * arrow-function.js for `() => <expression>`: no parameters, types or modifiers, and a body
 * that is neither an object, an array, a function, a sequence nor a conditional. As the last
 * argument of a call that hugs it (`expandLastArg`), a broken body gets a trailing comma and the
 * `)` on its own line.
 */
function arrowFunction(node: ts.ArrowFunction, expandLastArg: boolean): Doc {
  const body = node.body;
  if (
    node.parameters.length > 0 ||
    node.typeParameters ||
    node.type ||
    node.modifiers?.length ||
    ts.isBlock(body) ||
    ts.isObjectLiteralExpression(body) ||
    ts.isArrayLiteralExpression(body) ||
    ts.isArrowFunction(body)
  )
    throw new Unsure();
  estreeType(body); // a kind this printer knows (no conditional, no sequence)
  return group([
    group('()'),
    ' =>',
    group([
      indent([line, expression(body)]),
      expandLastArg ? ifBreak(',') : '',
      expandLastArg ? softline : '',
    ]),
    '',
  ]);
}

/** The last argument as printed when the call hugs it (Prettier's `expandLastArg`). */
const expandedLast = (arg: ts.Expression) =>
  ts.isArrowFunction(arg) ? arrowFunction(arg, true) : expression(arg);

/** call-expression.js: a member callee goes through the member chain; a named one prints as is. */
function callExpression(node: ts.CallExpression): Doc {
  if (node.typeArguments || node.questionDotToken) throw new Unsure();
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee)) return memberChain(node);
  if (!ts.isIdentifier(callee) || SPECIAL_CALLEE.test(callee.text)) throw new Unsure();
  return [callee.text, lineSuffixBoundary, callArguments(node.arguments)];
}

function allArgsBrokenOut(printed: Doc[]): Doc {
  return group(['(', indent([line, ...printed]), ifBreak(','), line, ')'], { shouldBreak: true });
}

/** call-arguments.js, for arguments that are no functions and carry no comments */
function callArguments(args: readonly ts.Expression[]): Doc {
  if (args.length === 0) return '()';
  const printed = args.map((arg, i) =>
    i === args.length - 1 ? expression(arg) : [expression(arg), ',', line],
  );
  if (isFunctionComposition(args)) return allArgsBrokenOut(printed);
  if (shouldExpandLastArg(args)) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allArgsBrokenOut(printed);
    const last = expandedLast(args.at(-1)!);
    if (willBreak(last))
      return [
        breakParent,
        conditionalGroup([
          ['(', ...head, group(last, { shouldBreak: true }), ')'],
          allArgsBrokenOut(printed),
        ]),
      ];
    return conditionalGroup([
      ['(', ...head, last, ')'],
      ['(', ...head, group(last, { shouldBreak: true }), ')'],
      allArgsBrokenOut(printed),
    ]);
  }
  return group(['(', indent([softline, ...printed]), ifBreak(','), softline, ')'], {
    shouldBreak: printed.some(willBreak),
  });
}

/** utilities/is-function-composition-arguments.js: `f(a, g(() => b))` breaks every argument */
function isFunctionComposition(args: readonly ts.Expression[]): boolean {
  if (args.length <= 1) return false;
  let functions = 0;
  for (const arg of args) {
    if (ts.isArrowFunction(arg)) {
      if (++functions > 1) return true;
    } else if (ts.isCallExpression(arg) && arg.arguments.some(ts.isArrowFunction)) return true;
  }
  return false;
}

function couldExpandArg(arg: ts.Expression): boolean {
  return (
    (ts.isObjectLiteralExpression(arg) && arg.properties.length > 0) ||
    (ts.isArrayLiteralExpression(arg) && arg.elements.length > 0) ||
    // an arrow whose body is a call (the only expandable body arrowFunction prints)
    (ts.isArrowFunction(arg) && ts.isCallExpression(arg.body))
  );
}

const isConciseArray = (node: ts.Expression) =>
  ts.isArrayLiteralExpression(node) &&
  node.elements.length > 0 &&
  node.elements.every((e) => ts.isNumericLiteral(e) || isSignedNumber(e));

function shouldExpandLastArg(args: readonly ts.Expression[]): boolean {
  const last = args.at(-1)!;
  const penultimate = args.at(-2);
  return (
    couldExpandArg(last) &&
    (!penultimate || estreeType(penultimate) !== estreeType(last)) &&
    (args.length !== 2 ||
      !ts.isArrowFunction(penultimate!) ||
      !ts.isArrayLiteralExpression(last)) &&
    !(args.length > 1 && isConciseArray(last))
  );
}

interface ChainLink {
  node: ts.Expression;
  printed: Doc;
}

const isMember = (node: ts.Expression) => ts.isPropertyAccessExpression(node);
const isCall = (node: ts.Expression): node is ts.CallExpression => ts.isCallExpression(node);

/** member-chain.js, without comments, computed or optional members and blank lines */
function memberChain(node: ts.CallExpression): Doc {
  const links: ChainLink[] = [{ node, printed: callArguments(node.arguments) }];
  let n = node.expression;
  for (;;) {
    if (isCall(n) && (isMember(n.expression) || isCall(n.expression))) {
      if (n.typeArguments || n.questionDotToken) throw new Unsure();
      links.push({ node: n, printed: callArguments(n.arguments) });
      n = n.expression;
    } else if (ts.isPropertyAccessExpression(n)) {
      if (n.questionDotToken || !ts.isIdentifier(n.name)) throw new Unsure();
      links.push({ node: n, printed: ['.', n.name.text] });
      n = n.expression;
    } else {
      // `require.resolve(…)`, `test.only(…)`: Prettier keeps module and test calls as a unit
      if (ts.isIdentifier(n) && SPECIAL_CALLEE.test(n.text)) throw new Unsure();
      links.push({ node: n, printed: expression(n) });
      break;
    }
  }
  links.reverse(); // head first
  if (links.some((l, i) => i > 0 && isCall(l.node) && isCall(l.node.expression)))
    throw new Unsure(); // a curried call: Prettier's isLongCurriedCallExpression
  // the first group: the head, its calls, then members followed by a member
  const groups: ChainLink[][] = [];
  let current = [links[0]!];
  let i = 1;
  for (; i < links.length && isCall(links[i]!.node); ++i) current.push(links[i]!);
  if (!isCall(links[0]!.node))
    for (; i + 1 < links.length; ++i) {
      if (isMember(links[i]!.node) && isMember(links[i + 1]!.node)) current.push(links[i]!);
      else break;
    }
  groups.push(current);
  current = [];
  let seenCall = false;
  for (; i < links.length; ++i) {
    if (seenCall && isMember(links[i]!.node)) {
      groups.push(current);
      current = [];
      seenCall = false;
    }
    if (isCall(links[i]!.node)) seenCall = true;
    current.push(links[i]!);
  }
  if (current.length > 0) groups.push(current);

  const shouldMerge = groups.length >= 2 && groups[1]!.length > 0 && shouldNotWrap(groups[0]!);
  const printedGroups = groups.map(printGroup);
  const oneLine = printedGroups;
  const cutoff = shouldMerge ? 3 : 2;
  if (groups.length <= cutoff) return group(oneLine);

  const rest = groups.slice(shouldMerge ? 2 : 1);
  const expanded = [
    printGroup(groups[0]!),
    shouldMerge ? groups.slice(1, 2).map(printGroup) : '',
    '',
    rest.length ? indent([hardline, join(hardline, rest.map(printGroup))]) : '',
  ];
  const calls = links.map((l) => l.node).filter(isCall);
  const lastGroupWillBreakAndOtherCallsHaveFunctionArguments =
    isCall(groups.at(-1)!.at(-1)!.node) &&
    willBreak(printedGroups.at(-1)!) &&
    calls.slice(0, -1).some((c) => c.arguments.some(ts.isArrowFunction));
  const result =
    (calls.length > 2 && calls.some((c) => c.arguments.some((a) => !isSimpleCallArgument(a)))) ||
    printedGroups.slice(0, -1).some(willBreak) ||
    lastGroupWillBreakAndOtherCallsHaveFunctionArguments
      ? group(expanded)
      : [willBreak(oneLine) ? breakParent : '', conditionalGroup([oneLine, expanded])];
  return label({ memberChain: true }, result);
}

const FACTORY = /^[A-Z]|^[$_]+$/;

/** member-chain.js shouldNotWrap: a factory-like head (`Object.keys(…)`) keeps its first call */
function shouldNotWrap(first: ChainLink[]): boolean {
  if (first.length === 1) {
    const head = first[0]!.node;
    return ts.isIdentifier(head) && FACTORY.test(head.text);
  }
  const last = first.at(-1)!.node;
  return ts.isPropertyAccessExpression(last) && FACTORY.test(last.name.text);
}

function printGroup(links: ChainLink[]): Doc[] {
  return links.map((l) => l.printed);
}

const isMemberChainDoc = (doc: Doc) =>
  typeof doc === 'object' &&
  !Array.isArray(doc) &&
  doc.type === 'label' &&
  (doc.label as { memberChain?: boolean } | undefined)?.memberChain === true;

/** assignment.js isPoorlyBreakableMemberOrCallChain */
function isPoorlyBreakableChain(node: ts.Expression, deep = false): boolean {
  if (isCall(node)) {
    if (isMemberChainDoc(expression(node))) return false;
    const args = node.arguments;
    if (!(args.length === 0 || (args.length === 1 && isLoneShortArgument(args[0]!)))) return false;
    return isPoorlyBreakableChain(node.expression, true);
  }
  if (ts.isPropertyAccessExpression(node)) return isPoorlyBreakableChain(node.expression, true);
  return deep && ts.isIdentifier(node);
}

/** assignment.js chooseLayout and printAssignment, for a declarator or an object property */
function assignment(left: Doc, operator: string, right: ts.Expression, key?: string): Doc {
  const leftCanBreak = canBreak(left);
  const shortKey = key !== undefined && key.length < 2 + 3;
  let layout: 'break-after-operator' | 'never-break-after-operator' | 'fluid';
  const unary = ts.isPrefixUnaryExpression(right) ? right.operand : right;
  if (!shortKey && (ts.isStringLiteral(unary) || isPoorlyBreakableChain(unary)))
    layout = 'break-after-operator';
  else if (
    !leftCanBreak &&
    (shortKey ||
      ts.isNumericLiteral(right) ||
      right.kind === ts.SyntaxKind.TrueKeyword ||
      right.kind === ts.SyntaxKind.FalseKeyword)
  )
    layout = 'never-break-after-operator';
  else layout = 'fluid';
  const rightDoc = expression(right);
  switch (layout) {
    case 'break-after-operator':
      return group([group(left), operator, group(indent([line, rightDoc]))]);
    case 'never-break-after-operator':
      return group([group(left), operator, ' ', rightDoc]);
    case 'fluid': {
      const groupId = Symbol('assignment');
      return group([
        group(left),
        operator,
        group(indent(line), { id: groupId }),
        lineSuffixBoundary,
        indentIfBreak(rightDoc, { groupId }),
      ]);
    }
  }
}

/** object.js and property.js; a multi-line object (a newline after `{`) stays expanded */
function objectExpression(node: ts.ObjectLiteralExpression): Doc {
  if (node.properties.length === 0) return '{}';
  const parts = node.properties.map((p, i) => {
    if (!ts.isPropertyAssignment(p)) throw new Unsure();
    let key: Doc;
    let keyText: string | undefined;
    if (ts.isComputedPropertyName(p.name)) key = ['[', expression(p.name.expression), ']'];
    else if (ts.isStringLiteral(p.name)) {
      keyText = IDENTIFIER.test(p.name.text) ? p.name.text : stringDoc(p.name.text);
      key = keyText;
    } else if (ts.isIdentifier(p.name)) key = keyText = p.name.text;
    else throw new Unsure();
    const printed = assignment(key, ':', p.initializer, keyText);
    return i === 0 ? [printed] : [',', line, printed];
  });
  return group(['{', indent([line, ...parts]), ifBreak(','), line, '}'], {
    // the factory's `multiLine` flag (not in the public typings) is what makes the printer break
    shouldBreak: (node as { multiLine?: boolean }).multiLine === true,
  });
}

/** array.js */
function arrayExpression(node: ts.ArrayLiteralExpression): Doc {
  const elements = node.elements;
  if (elements.length === 0) return '[]';
  const shouldBreak =
    elements.length > 1 &&
    elements.every(
      (e, i) =>
        (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) &&
        (i === elements.length - 1 || elements[i + 1]!.kind === e.kind) &&
        (ts.isArrayLiteralExpression(e)
          ? e.elements.length
          : (e as ts.ObjectLiteralExpression).properties.length) > 1,
    );
  const groupId = Symbol('array');
  let content: Doc;
  if (isConciseArray(node)) {
    const trailing = ifBreak(',', '', { groupId });
    const parts: Doc[] = [];
    elements.forEach((e, i) => {
      const last = i === elements.length - 1;
      parts.push([expression(e), last ? trailing : ',']);
      if (!last) parts.push(line);
    });
    content = fill(parts);
  } else {
    const parts: Doc[] = [];
    elements.forEach((e, i) => {
      parts.push(group(expression(e)));
      if (i < elements.length - 1) parts.push([',', line, '']);
    });
    content = [parts, ifBreak(',')];
  }
  return group(['[', indent([softline, content, '']), softline, ']'], {
    shouldBreak,
    id: groupId,
  });
}

/**
 * A variable's annotation. assignment.js hasComplexTypeAnnotation (a generic with two or more
 * arguments, one of them generic or conditional) chooses the "break-lhs" layout, not modelled.
 */
function typeAnnotation(node: ts.TypeNode): Doc {
  const args = ts.isTypeReferenceNode(node) ? (node.typeArguments ?? []) : [];
  if (
    args.length > 1 &&
    args.some(
      (a) => ts.isConditionalTypeNode(a) || (ts.isTypeReferenceNode(a) && a.typeArguments?.length),
    )
  )
    throw new Unsure();
  return typeDoc(node);
}

const exported = (node: ts.Statement & { modifiers?: ts.NodeArray<ts.ModifierLike> }) => {
  const modifiers = node.modifiers ?? [];
  if (modifiers.some((m) => m.kind !== ts.SyntaxKind.ExportKeyword) || modifiers.length > 1)
    throw new Unsure();
  return modifiers.length === 1;
};

function variableStatement(node: ts.VariableStatement): Doc {
  const list = node.declarationList;
  if (!(list.flags & ts.NodeFlags.Const) || list.declarations.length !== 1) throw new Unsure();
  const declaration = list.declarations[0]!;
  if (
    !ts.isIdentifier(declaration.name) ||
    !declaration.initializer ||
    declaration.exclamationToken
  )
    throw new Unsure();
  const left = declaration.type
    ? [declaration.name.text, ': ', typeAnnotation(declaration.type)]
    : declaration.name.text;
  const printed = group(['const', ' ', assignment(left, ' =', declaration.initializer), ';']);
  return exported(node) ? ['export ', printed] : printed;
}

function importDeclaration(node: ts.ImportDeclaration): Doc {
  const clause = node.importClause;
  if (!clause || node.attributes || !ts.isStringLiteral(node.moduleSpecifier)) throw new Unsure();
  const bindings = clause.namedBindings;
  const specifiers: Doc[] = [];
  if (clause.name) specifiers.push(clause.name.text);
  if (bindings && ts.isNamespaceImport(bindings)) specifiers.push(`* as ${bindings.name.text}`);
  let named: Doc = '';
  if (bindings && ts.isNamedImports(bindings)) {
    const names = bindings.elements.map((e) => {
      if (e.isTypeOnly) throw new Unsure();
      return e.propertyName ? `${e.propertyName.text} as ${e.name.text}` : e.name.text;
    });
    if (names.length === 0) throw new Unsure();
    named =
      names.length > 1 || specifiers.length > 0
        ? group(['{', indent([line, join([',', line], names)]), ifBreak(','), line, '}'])
        : ['{ ', names[0]!, ' }'];
  }
  if (specifiers.length === 0 && named === '') throw new Unsure();
  return [
    'import',
    clause.isTypeOnly ? ' type' : '',
    ' ',
    join(', ', specifiers),
    specifiers.length && named !== '' ? ', ' : '',
    named,
    ' from ',
    stringDoc(node.moduleSpecifier.text),
    ';',
  ];
}

function statement(node: ts.Statement): Doc {
  if (ts.getSyntheticLeadingComments(node) || ts.getSyntheticTrailingComments(node))
    throw new Unsure();
  if (ts.isImportDeclaration(node)) return importDeclaration(node);
  if (ts.isVariableStatement(node)) return variableStatement(node);
  if (ts.isExportDeclaration(node) && !node.exportClause && !node.isTypeOnly && !node.attributes) {
    if (!node.moduleSpecifier || !ts.isStringLiteral(node.moduleSpecifier)) throw new Unsure();
    return `export * from ${stringDoc(node.moduleSpecifier.text)};`;
  }
  if (ts.isTypeAliasDeclaration(node) && !node.typeParameters) {
    // assignment.js chooses "break-after-operator" for a union and for some conditional types
    const type = node.type;
    if (ts.isUnionTypeNode(type) || ts.isConditionalTypeNode(type)) throw new Unsure();
    const groupId = Symbol('assignment');
    // assignment.js "fluid" layout (`type X = z.infer<typeof XSchema>`, `type T = { … }`)
    return [
      exported(node) ? 'export ' : '',
      group([
        group(['type ', node.name.text]),
        ' =',
        group(indent(line), { id: groupId }),
        lineSuffixBoundary,
        indentIfBreak(typeDoc(type), { groupId }),
      ]),
      ';',
    ];
  }
  throw new Unsure();
}

/**
 * Statements a stage writes as fixed text already in Prettier's layout (declarations that do not
 * depend on the spec, in forms this printer does not model: generics, conditional types). The
 * TypeScript-printer path passes the text through, and Prettier must leave it unchanged, which
 * `test/pipeline/print-statements.test.ts` checks by comparing both paths.
 */
export interface Verbatim {
  verbatim: string;
}

/**
 * The module as Prettier formats `header + "\n" + the TypeScript printer's statements, one per
 * line`, or undefined when a statement is outside what this printer knows.
 */
export function printStatements(
  header: string,
  statements: readonly (ts.Statement | Verbatim)[],
): string | undefined {
  if (statements.length === 0) return header; // Prettier drops the blank line after the comment
  const body = printStatementLines(statements);
  return body === undefined ? undefined : `${header}\n${body}`;
}

/**
 * The statements' lines, each statement ending in a newline ('' for none), or undefined as
 * above. Prettier lays out each top-level statement on its own (they are joined by hard lines),
 * so the lines of `a` followed by those of `b` are the lines of `[...a, ...b]`.
 */
export function printStatementLines(
  statements: readonly (ts.Statement | Verbatim)[],
): string | undefined {
  if (statements.length === 0) return '';
  try {
    const doc = [
      join(
        hardline,
        statements.map((s) =>
          'verbatim' in s ? join(hardline, s.verbatim.split('\n')) : statement(s),
        ),
      ),
      hardline,
    ];
    return printDoc(doc);
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}
