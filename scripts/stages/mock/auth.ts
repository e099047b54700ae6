/** Reads an operation's `security` requirement into the engine's three auth kinds. */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { SpecError } from '../../pipeline/spec-error.ts';
import type { AuthSpec } from '../../../packages/mock/src/route-spec.ts';
import { deref } from './resolve.ts';

type Scheme = { type?: string; scheme?: string; in?: string; name?: string };

export function authOf(
  spec: OpenAPIV3_1.Document,
  operation: OpenAPIV3_1.OperationObject,
  where: string,
): AuthSpec {
  const requirements = operation.security ?? spec.security ?? [];
  const optional = requirements.some((req) => Object.keys(req).length === 0);
  const names = [...new Set(requirements.flatMap((req) => Object.keys(req)))];
  if (names.length === 0) return { kind: 'none' };
  if (names.length > 1)
    throw new SpecError([
      `mock: ${where}: alternative security schemes (${names.join(', ')}) are not supported`,
    ]);
  const name = names[0] as string;
  const scheme = deref<Scheme>(spec, spec.components?.securitySchemes?.[name]);
  if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer')
    return { kind: 'bearer', optional };
  if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name && !optional)
    return { kind: 'apiKey', header: scheme.name };
  throw new SpecError([`mock: ${where}: security scheme ${name} is not supported by the mock`]);
}
