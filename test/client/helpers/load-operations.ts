/** Evaluates an emitted operations.ts and decodes it with the client's own decoder. */
import ts from 'typescript';
import {
  decodeOperation,
  type OperationInfo,
} from '../../../packages/client/src/operation-info.ts';
import type { OperationEntry } from '../../../packages/client/src/generated/operations.ts';

export async function loadOperations(source: string): Promise<{
  apiKeyHeader: unknown;
  operations: Record<string, OperationInfo>;
}> {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const mod = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as {
    operations: Record<string, OperationEntry>;
    API_KEY_HEADER: unknown;
  };
  const operations = Object.fromEntries(
    Object.entries(mod.operations).map(([key, entry]) => [key, decodeOperation(entry)]),
  );
  return { apiKeyHeader: mod.API_KEY_HEADER, operations };
}
