/** Strings for each format: mostly valid, plus the variants validators disagree about. */
import fc from 'fast-check';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const date = fc
  .record({
    y: fc.oneof(
      { arbitrary: fc.integer({ min: 1970, max: 2040 }), weight: 5 },
      fc.integer({ min: 0, max: 9999 }),
    ),
    m: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 12 }), weight: 8 }, fc.constantFrom(0, 13)),
    d: fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 28 }), weight: 6 },
      fc.constantFrom(0, 29, 30, 31, 32),
    ),
  })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

const time = fc
  .record({
    h: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 23 }), weight: 8 }, fc.constant(24)),
    mi: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 59 }), weight: 8 }, fc.constant(60)),
    s: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 59 }), weight: 8 }, fc.constant(60)),
    frac: fc.option(fc.constantFrom('.1', '.123', '.123456789'), { freq: 3 }),
    tz: fc.oneof(
      { arbitrary: fc.constantFrom('Z', '+01:00', '-05:30', '+00:00'), weight: 6 },
      fc.constantFrom('z', '+0100', '+01', '+24:00', '-00:60', ''),
    ),
  })
  .map(({ h, mi, s, frac, tz }) => `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac ?? ''}${tz}`);

const dateTime = fc
  .tuple(
    date,
    fc.oneof({ arbitrary: fc.constant('T'), weight: 8 }, fc.constantFrom('t', ' ', '\n', '_')),
    time,
  )
  .map(([d, sep, t]) => `${d}${sep}${t}`);

const uuid = fc.oneof(
  { arbitrary: fc.uuid(), weight: 6 },
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `urn:uuid:${u}`),
  fc.uuid().map((u) => u.replaceAll('-', '')),
  fc.uuid().map((u) => `${u.slice(0, -1)}g`),
);

const email = fc.oneof(
  { arbitrary: fc.emailAddress(), weight: 6 },
  fc.constantFrom(
    'a@b',
    'a..b@example.com',
    'a@-example.com',
    'ø@example.no',
    '"q"@example.com',
    'a@example.com ',
    '',
  ),
);

const uri = fc.oneof(
  { arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }), weight: 6 },
  fc.constantFrom(
    'mailto:a@b.no',
    'urn:isbn:0451450523',
    '/relative/path',
    'relative',
    'http://exa mple.com',
    'https://[::1]/x',
    '',
  ),
);

const uriReference = fc.oneof(
  uri,
  fc.webPath(),
  fc.webSegment(),
  fc.constantFrom('#frag', '?q=1', '//host/p', 'a b', '\\x'),
);

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  date,
  time,
  'date-time': dateTime,
  uuid,
  email,
  uri,
  'uri-reference': uriReference,
};

export function formatArbitrary(format: string): fc.Arbitrary<string> {
  return FORMATS[format] ?? fc.string();
}
