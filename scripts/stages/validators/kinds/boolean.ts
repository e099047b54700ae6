/** `type: boolean`. */
import type ts from 'typescript';
import { zCall } from '../ast.ts';

export function emitBoolean(): ts.Expression {
  return zCall('boolean');
}
