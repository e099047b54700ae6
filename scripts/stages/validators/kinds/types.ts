import type ts from 'typescript';
import type { EmitContext, SchemaNode } from '../context.ts';

/** The dispatcher, passed to kind functions that contain subschemas. */
export type EmitSchema = (node: unknown, ctx: EmitContext) => ts.Expression;

/** One function per schema kind: the node, its context, and the dispatcher for subschemas. */
export type KindEmitter = (node: SchemaNode, ctx: EmitContext, emit: EmitSchema) => ts.Expression;
