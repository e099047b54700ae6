/**
 * The reviewed allowlist of disagreements between the generated Zod schemas and Ajv. Each entry
 * names a deliberate choice, gives its reason, and says how the oracle changes under that choice:
 * a disagreement counts against an entry only if the oracle so changed agrees with Zod. Each entry
 * has its own test in allowlist.test.ts. Anything else is a failure.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import {
  isDateTime,
  isEmail,
  isTime,
  isUri,
  isUriReference,
} from '../../packages/validators/src/runtime/formats.ts';
import type { FormatOverrides } from './support/oracle.ts';

export interface AllowlistEntry {
  id: string;
  reason: string;
  formats: FormatOverrides;
}

const ajvFormat = (name: 'date-time' | 'uuid') => {
  const format = fullFormats[name] as RegExp | { validate: (value: string) => boolean };
  return (value: string) =>
    format instanceof RegExp ? format.test(value) : format.validate(value);
};

const RFC3339_SHAPE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export const ALLOWLIST: readonly AllowlistEntry[] = [
  {
    id: 'email-rfc5321',
    reason:
      'The validators follow RFC 5321 `Mailbox` as the JSON Schema suite tests it (quoted local parts, `[IPv4]`/`[IPv6:…]` address literals, host name label rules); ajv-formats uses a narrower expression. The oracle under this choice uses the suite-proven predicate.',
    formats: { email: isEmail },
  },
  {
    id: 'uri-rfc3986',
    reason:
      'The validators parse `uri`/`uri-reference` by the RFC 3986 grammar as the JSON Schema suite tests it (numeric ports, IPv6 literals, no colon in a first relative segment); ajv-formats uses one expression that accepts some of these. The oracle under this choice uses the suite-proven predicates.',
    formats: { uri: isUri, 'uri-reference': isUriReference },
  },
  {
    id: 'time-rfc3339',
    reason:
      'Leap seconds only at 23:59 UTC (never hour 24), and fractional seconds never round up to 60: RFC 3339 section 5.6 and the JSON Schema suite; Ajv shares the float comparison.',
    formats: { 'date-time': isDateTime, time: isTime },
  },
  {
    id: 'date-time-rfc3339',
    reason:
      'Ajv also accepts any whitespace (even a newline) for the `T` separator and offsets without a colon or minutes (`+01`, `+0100`). RFC 3339 section 5.6, which JSON Schema names for `date-time`, allows neither; the validators follow the RFC.',
    formats: { 'date-time': (value) => RFC3339_SHAPE.test(value) && ajvFormat('date-time')(value) },
  },
  {
    id: 'uuid-without-urn',
    reason:
      'Ajv also accepts the URN form `urn:uuid:<uuid>`. JSON Schema `uuid` is the RFC 4122 string representation, which has no prefix; a server sending the URN is not following the spec.',
    formats: { uuid: (value) => !/^urn:uuid:/i.test(value) && ajvFormat('uuid')(value) },
  },
];

/**
 * Not an oracle change but the written unknown-key policy: response validators (tolerant) are
 * compared with Ajv on the spec with `additionalProperties: false` removed. allowlist.test.ts
 * shows the difference on the real spec.
 */
export const RESPONSE_TOLERANCE = {
  id: 'response-tolerance',
  reason:
    'Responses keep unknown keys even where the spec says `additionalProperties: false`, so a server that adds a field does not break released apps.',
} as const;
