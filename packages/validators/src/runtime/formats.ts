/**
 * Format predicates used by the generated schemas (`z.stringFormat(name, predicate)`).
 *
 * Each one implements the JSON Schema 2020-12 format it is named after. Where Ajv's `ajv-formats`
 * (full mode, the project's test oracle) is more lenient than the referenced RFC, we follow the RFC
 * and the differential test lists the gap in its reviewed allowlist (test/validators/allowlist.ts).
 * The email and URI expressions are ajv-formats' (MIT), so both sides agree on them exactly.
 */

import { decodePunycode, isValidULabel } from './idna.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** RFC 3339 `full-date`: `YYYY-MM-DD` with a real day of that month. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 0);
  return day <= max;
}

// RFC 3339 section 5.6: `T`/`Z` may be lower case; the offset is `Z` or `+hh:mm`/`-hh:mm`.
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * RFC 3339 `full-time`: hour 00-23, minute 00-59, second 00-59, or 60 when the time is 23:59 UTC
 * (a leap second, after applying the offset). Fractional seconds never change the second, so
 * `59.999999999999999` is second 59 (a float comparison would round it to 60).
 */
export function isTime(value: string): boolean {
  const m = TIME.exec(value);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const offsetHour = Number(m[6] ?? 0);
  const offsetMinute = Number(m[7] ?? 0);
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false;
  if (second < 60) return true;
  const sign = m[5] === '-' ? -1 : 1;
  const utc =
    (((hour * 60 + minute - sign * (offsetHour * 60 + offsetMinute)) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}

/** RFC 3339 `date-time`: `full-date "T" full-time`, separator `T` or `t`. */
export function isDateTime(value: string): boolean {
  if (value[10] !== 'T' && value[10] !== 't') return false;
  return isDate(value.slice(0, 10)) && isTime(value.slice(11));
}

// RFC 3339 appendix A (ABNF of `duration`): each unit at most once, in order, and a week alone.
const DURATION =
  /^P(?:(?:\d+D|\d+M(?:\d+D)?|\d+Y(?:\d+M(?:\d+D)?)?)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)|\d+W)$/;

/** RFC 3339 appendix A `duration`, e.g. `P1Y2M3DT4H5M6S`, `PT1M`, `P2W`. */
export function isDuration(value: string): boolean {
  return DURATION.test(value);
}

const IPV4_PART = /^(?:0|[1-9]\d{0,2})$/;

/** RFC 2673 section 3.2 dotted-quad: four decimal octets 0-255, no leading zeros. */
export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => IPV4_PART.test(p) && Number(p) <= 255);
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** RFC 4291 section 2.2 text forms: 8 groups, one `::`, an optional trailing dotted quad; no zone. */
export function isIpv6(value: string): boolean {
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = (text: string): string[] | undefined => (text === '' ? [] : text.split(':'));
  const head = groups(halves[0] ?? '') ?? [];
  const tail = halves.length === 2 ? (groups(halves[1] ?? '') ?? []) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * RFC 1123 section 2.1 host name: dot-separated labels of letters, digits and hyphens, 1-63
 * characters, no hyphen at either end, 253 characters in all. An A-label (`xn--`) must have
 * something after the prefix; hyphens in positions 3 and 4 are reserved for it (RFC 5891 4.2.3.1).
 */
export function isHostname(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  return value.split('.').every((label) => {
    if (!LABEL.test(label)) return false;
    if (label.slice(2, 4) !== '--') return true;
    if (!/^xn--/i.test(label)) return false;
    const decoded = decodePunycode(label.slice(4));
    return decoded !== undefined && decoded.length > 0 && isValidULabel(decoded);
  });
}

/** RFC 4122 string representation (8-4-4-4-12 hex digits, any case, any version). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value);
}

// Built on first use, so a bundle that never checks an email or URI does not carry these.
let localPattern: RegExp | undefined;
function localPart(): RegExp {
  const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  localPattern ??= new RegExp(
    `^(?:${atom}(?:\\.${atom})*|"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*")$`,
  );
  return localPattern;
}

/**
 * RFC 5321 section 4.1.2 `Mailbox`: a dot-atom or quoted local part, `@`, and a host name or an
 * address literal (`[127.0.0.1]`, `[IPv6:::1]`).
 */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!localPart().test(local)) return false;
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const literal = domain.slice(1, -1);
    return /^IPv6:/i.test(literal) ? isIpv6(literal.slice(5)) : isIpv4(literal);
  }
  return isHostname(domain);
}

// RFC 3986 section 3 and appendix A, piece by piece.
/** The RFC 3986 expressions, built on first use (see `localPart`). */
function buildUriGrammar() {
  const PCT = '%[0-9A-Fa-f]{2}';
  const UNRESERVED_SUB = "[A-Za-z0-9\\-._~!$&'()*+,;=]";
  const PCHAR = `(?:${UNRESERVED_SUB}|${PCT}|[:@])`;
  const SEGMENT_NZ_NC = `(?:${UNRESERVED_SUB}|${PCT}|@)+`;
  const QUERY = new RegExp(`^(?:${PCHAR}|[/?])*$`);
  const USERINFO = new RegExp(`^(?:${UNRESERVED_SUB}|${PCT}|:)*$`);
  const REG_NAME = new RegExp(`^(?:${UNRESERVED_SUB}|${PCT})*$`);
  const IP_FUTURE = /^v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/i;
  const PATH_ABEMPTY = new RegExp(`^(?:/${PCHAR}*)*$`);
  const PATH_ABSOLUTE = new RegExp(`^/(?:${PCHAR}+(?:/${PCHAR}*)*)?$`);
  const PATH_ROOTLESS = new RegExp(`^${PCHAR}+(?:/${PCHAR}*)*$`);
  const PATH_NOSCHEME = new RegExp(`^${SEGMENT_NZ_NC}(?:/${PCHAR}*)*$`);
  return {
    QUERY,
    USERINFO,
    REG_NAME,
    IP_FUTURE,
    PATH_ABEMPTY,
    PATH_ABSOLUTE,
    PATH_ROOTLESS,
    PATH_NOSCHEME,
  };
}
let uriGrammar: ReturnType<typeof buildUriGrammar> | undefined;
const grammar = () => (uriGrammar ??= buildUriGrammar());

const SCHEME = /^[A-Za-z][A-Za-z0-9+\-.]*$/;

function isAuthority(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at) : '';
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  if (at >= 0 && !grammar().USERINFO.test(userinfo)) return false;
  let host = hostPort;
  let port = '';
  if (hostPort.startsWith('[')) {
    const end = hostPort.indexOf(']');
    if (end < 0) return false;
    host = hostPort.slice(0, end + 1);
    port = hostPort.slice(end + 1);
    if (port !== '' && !port.startsWith(':')) return false;
    port = port.slice(1);
    const literal = host.slice(1, -1);
    if (!isIpv6(literal) && !grammar().IP_FUTURE.test(literal)) return false;
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0) [host, port] = [hostPort.slice(0, colon), hostPort.slice(colon + 1)];
    if (!grammar().REG_NAME.test(host)) return false;
  }
  return /^\d*$/.test(port);
}

/** The parts of a URI reference (RFC 3986 appendix B), validated by the grammar of `relative`. */
function isReference(value: string, absolute: boolean): boolean {
  const m = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
  if (!m) return false;
  const [, scheme, authority, path = '', query, fragment] = m;
  if (scheme !== undefined && !SCHEME.test(scheme)) return false;
  if (absolute && scheme === undefined) return false;
  if (query !== undefined && !grammar().QUERY.test(query)) return false;
  if (fragment !== undefined && !grammar().QUERY.test(fragment)) return false;
  if (authority !== undefined) return isAuthority(authority) && grammar().PATH_ABEMPTY.test(path);
  if (path === '' || grammar().PATH_ABSOLUTE.test(path)) return true;
  return scheme !== undefined
    ? grammar().PATH_ROOTLESS.test(path)
    : grammar().PATH_NOSCHEME.test(path);
}

/** RFC 3986 `URI`: a scheme, then a hierarchical part, an optional query and fragment. */
export function isUri(value: string): boolean {
  return isReference(value, true);
}

/** RFC 3986 `URI-reference`: a URI or a relative reference. */
export function isUriReference(value: string): boolean {
  return isReference(value, false);
}
