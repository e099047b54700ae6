/** `type: 'null'`. */
import type ts from 'typescript';
import { zCall } from '../ast.ts';

export function emitNull(): ts.Expression {
  return zCall('null');
}
