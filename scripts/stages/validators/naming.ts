/**
 * The naming convention (also in packages/validators/README.md):
 *   component `Booking`            -> `BookingSchema` (as the spec says), type `Booking`
 *                                     `BookingLooseSchema` (response variant; only when it differs)
 *   operation `signIn`             -> `signInPathParams`, `signInQueryParams`, `signInHeaderParams`
 *                                     `signInRequestBody[<Media>]`, `signInResponse<Status>[<Media>]`
 * `<Media>` is empty for the only (or the JSON) media type, else the subtype in PascalCase
 * (`multipart/form-data` -> `FormData`); `<Status>` is `200`, `4XX` or `Default`.
 */
import { ValidatorGenerationError } from './errors.ts';

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function safe(identifier: string, original: string, pointer: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier))
    throw new ValidatorGenerationError(
      'name',
      pointer,
      `cannot derive an identifier from ${JSON.stringify(original)}`,
    );
  return identifier;
}

/** `booking-request.v2` -> `BookingRequestV2`; a leading digit gets `_`. */
export function pascalName(name: string, pointer: string): string {
  const joined = words(name).map(upperFirst).join('');
  return safe(/^[0-9]/.test(joined) ? `_${joined}` : joined, name, pointer);
}

/** `auth.sign-in` -> `authSignIn`. */
export function camelName(name: string, pointer: string): string {
  const [first = '', ...rest] = words(name);
  const joined = first.charAt(0).toLowerCase() + first.slice(1) + rest.map(upperFirst).join('');
  return safe(/^[0-9]/.test(joined) ? `_${joined}` : joined, name, pointer);
}

export function componentSchemaName(base: string, loose: boolean): string {
  return `${base}${loose ? 'Loose' : ''}Schema`;
}

/** Module path relative to the package's `src/`. */
export function componentModule(base: string, loose: boolean): string {
  return `generated/schemas/${base}${loose ? '.loose' : ''}.ts`;
}

export function operationModule(prefix: string): string {
  return `generated/operations/${prefix}.ts`;
}

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/i;

export function isJsonMediaType(mediaType: string): boolean {
  return JSON_MEDIA.test(mediaType.split(';')[0]?.trim() ?? '');
}

/** The suffix of one media type among `all` the media types of the same body. */
export function mediaSuffix(mediaType: string, all: readonly string[], pointer: string): string {
  if (all.length === 1 || mediaType === 'application/json') return '';
  const subtype = mediaType.split(';')[0]?.split('/')[1] ?? mediaType;
  return pascalName(subtype, pointer);
}

export function statusSuffix(status: string, pointer: string): string {
  if (status === 'default') return 'Default';
  if (!/^[1-5](?:[0-9]{2}|XX)$/.test(status))
    throw new ValidatorGenerationError(
      'responses',
      pointer,
      `not a status code: ${JSON.stringify(status)}`,
    );
  return status;
}
