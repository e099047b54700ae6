/** The emit context for one module: its imports, and how a component `$ref` resolves from it. */
import type { ComponentGraph } from '../component-graph.ts';
import type { EmitContext, Mode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { ImportSet } from '../imports.ts';
import { componentModule, componentSchemaName, pascalName } from '../naming.ts';
import { childPointer } from '../pointer.ts';

export function moduleContext(
  graph: ComponentGraph,
  module: string,
  pointer: string,
  mode: Mode,
): EmitContext {
  const imports = new ImportSet(module);
  const { openapi30 = false, thirdParty } = graph.options;
  return {
    pointer,
    mode,
    impliedType: undefined,
    imports,
    openapi30,
    unknownFormat: thirdParty
      ? (format, where) =>
          graph.warnOnce(
            `format:${format}`,
            `validators: format ${JSON.stringify(format)} has no validator and is not checked (first at ${where})`,
          )
      : undefined,
    ref(name, refMode, where) {
      if (!graph.has(name))
        throw new ValidatorGenerationError(
          '$ref',
          where,
          `no component schema named ${JSON.stringify(name)}`,
        );
      if (graph.skipReason(name) !== undefined)
        throw new ValidatorGenerationError('$ref', where, `refers to ${name}, which is skipped`);
      const base = pascalName(name, childPointer('#/components/schemas', name));
      const loose = refMode === 'tolerant' && graph.needsLooseVariant(name);
      return imports.use(componentModule(base, loose), componentSchemaName(base, loose));
    },
  };
}
