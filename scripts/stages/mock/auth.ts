/** Reads an operation's `security` requirement into the engine's three auth kinds. */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { SpecError } from '../../pipeline/spec-error.ts';
import type { AuthSpec } from '../../../packages/mock/src/route-spec.ts';
import { unsupported, type ThirdPartyMode } from '../third-party.ts';
import { deref } from './resolve.ts';

type Scheme = { type?: string; scheme?: string; in?: string; name?: string };

/**
 * In third-party mode, security the engine cannot check (alternatives, HTTP basic, OAuth2, ...) is
 * reported once per scheme set and not checked (`none`): the mock then accepts any credentials.
 */
export function authOf(
  spec: OpenAPIV3_1.Document,
  operation: OpenAPIV3_1.OperationObject,
  where: string,
  thirdParty?: ThirdPartyMode,
): AuthSpec {
  const requirements = operation.security ?? spec.security ?? [];
  const optional = requirements.some((req) => Object.keys(req).length === 0);
  const names = [...new Set(requirements.flatMap((req) => Object.keys(req)))];
  if (names.length === 0) return { kind: 'none' };
  const skip = (message: string, detail: string): AuthSpec => {
    const line = `mock: security ${names.join(' | ')}: ${detail}; the mock does not check credentials for the operations that use it`;
    unsupported(thirdParty, new SpecError([message]), line);
    return { kind: 'none' };
  };
  if (names.length > 1)
    return skip(
      `mock: ${where}: alternative security schemes (${names.join(', ')}) are not supported`,
      'alternative security schemes are not supported',
    );
  const name = names[0] as string;
  const scheme = deref<Scheme>(spec, spec.components?.securitySchemes?.[name]);
  if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer')
    return { kind: 'bearer', optional };
  if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name && !optional)
    return { kind: 'apiKey', header: scheme.name };
  return skip(
    `mock: ${where}: security scheme ${name} is not supported by the mock`,
    `${scheme?.type ?? 'unknown'} ${scheme?.scheme ?? scheme?.in ?? ''}`.trim() +
      ' is not supported',
  );
}
