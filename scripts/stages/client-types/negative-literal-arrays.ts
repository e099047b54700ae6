/**
 * An array of one negative number (`items: { const: -1 }` or `enum: [-1]`) comes out of
 * openapi-typescript 7.13 as `ArrayType(-1)`, which the TypeScript printer writes `-1[]`.
 * TypeScript reads that, but Babel's TypeScript parser does not (an app built with Babel, as
 * React Native's Metro builds one, fails on the file; so does Prettier's `babel-ts`), and
 * Prettier turns `(-1)[]` back into `-1[]`. Such an array is typed `Array<-1>` instead.
 */
import ts from '../../pipeline/typescript-cjs.js';

const isNegativeLiteral = (node: ts.TypeNode) =>
  ts.isLiteralTypeNode(node) && ts.isPrefixUnaryExpression(node.literal);

function unwrap(node: ts.TypeNode): ts.TypeNode {
  return ts.isParenthesizedTypeNode(node) ? unwrap(node.type) : node;
}

export function typeNegativeLiteralArrays<T extends ts.Node>(nodes: T[]): T[] {
  const { transformed } = ts.transform(nodes, [
    (context) => {
      const visit = (node: ts.Node): ts.Node => {
        const visited = ts.visitEachChild(node, visit, context);
        if (ts.isArrayTypeNode(visited) && isNegativeLiteral(unwrap(visited.elementType)))
          return ts.factory.createTypeReferenceNode('Array', [unwrap(visited.elementType)]);
        return visited;
      };
      return (root) => visit(root) as T;
    },
  ]);
  return transformed;
}
