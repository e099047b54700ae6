/**
 * A-labels (`xn--…`) in host names: RFC 3492 Punycode decoding and the IDNA2008 rules the JSON
 * Schema suite checks (RFC 5891 section 4.2.3, RFC 5892 appendix A contextual rules and the
 * DISALLOWED exceptions of section 2.6). Not the full IDNA2008 derived-property table: a code
 * point outside these rules is accepted. ZERO WIDTH NON-JOINER is accepted anywhere (its
 * joining-type rule needs Unicode joining data); ZERO WIDTH JOINER needs a preceding virama.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + 38));
}

function digit(code: number): number {
  if (code >= 48 && code <= 57) return code - 22;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 97;
  return BASE;
}

/** RFC 3492 decoding; undefined for malformed input. */
export function decodePunycode(input: string): string | undefined {
  const output: number[] = [];
  const delimiter = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return undefined;
    output.push(code);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let at = delimiter > 0 ? delimiter + 1 : 0; at < input.length;) {
    const old = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined;
      const d = digit(input.charCodeAt(at++));
      if (d >= BASE) return undefined;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - old, length, old === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return undefined;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

const DISALLOWED = /[\u0640\u07fa\u302e\u302f\u3031-\u3035\u303b]/u;
const VIRAMA =
  /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca\u0e3a\u0f84\u1039\u103a\u1714\u1734\u17d2\u1a60\u1b44\u1baa\u1bab\u1bf2\u1bf3\u2d7f\ua806\ua8c4\ua953\ua9c0\uaaf6\uabed]/u;

/** The IDNA2008 checks on a decoded U-label. */
export function isValidULabel(label: string): boolean {
  const chars = [...label];
  if (label.slice(2, 4) === '--' || /^\p{M}/u.test(label) || DISALLOWED.test(label)) return false;
  const arabic = /[\u0660-\u0669]/u.test(label);
  const extended = /[\u06f0-\u06f9]/u.test(label);
  if (arabic && extended) return false;
  return chars.every((c, i) => {
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    switch (c) {
      case '\u00b7':
        return before === 'l' && after === 'l';
      case '\u0375':
        return /\p{Script=Greek}/u.test(after);
      case '\u05f3':
      case '\u05f4':
        return /\p{Script=Hebrew}/u.test(before);
      case '\u30fb':
        return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(
          label.replaceAll('\u30fb', ''),
        );
      case '\u200d':
        return VIRAMA.test(before);
      default:
        return true;
    }
  });
}
