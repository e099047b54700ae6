/**
 * What a live credential looks like, shared by the precheck (scripts/pipeline/secrets.ts, every
 * run, third-party specs included) and the house lint rule. Callers name where a secret sits and
 * never print the value.
 */
const SHAPES = [
  // a JWT with a real-length signature; a short placeholder signature (`c2lnbmF0dXJl`) is fine
  ['JWT', /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{32,}/],
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['GitHub token', /\b(?:gh[pousr]_[0-9A-Za-z]{36,}|github_pat_[0-9A-Za-z_]{40,})/],
  ['Stripe live key', /\b(?:sk|rk|pk)_live_[0-9A-Za-z]{10,}/],
  ['Slack token', /\bxox[abposr]-[0-9A-Za-z-]{10,}/],
  ['Slack webhook URL', /hooks\.slack\.com\/services\/T[0-9A-Z]+\/B[0-9A-Z]+\/[0-9A-Za-z]{16,}/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['Google OAuth token', /\bya29\.[0-9A-Za-z_-]{20,}/],
  ['Google OAuth client secret', /\bGOCSPX-[0-9A-Za-z_-]{20,}/],
  ['private key', /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/],
];

/** Any of the shapes, in one scan: most strings match none, and ten scans cost ten times one. */
const ANY_SHAPE = new RegExp(SHAPES.map(([, pattern]) => pattern.source).join('|'));

/** Names whose string value is a credential: `password`, `api_key`, `clientSecret`, `x-auth-token`… */
const SECRET_NAME =
  /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|auth)$/i;

/** Shannon entropy in bits per character. */
function entropy(text) {
  const counts = new Map();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

const classes = (text) =>
  [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(text)).length;

/** A random-looking token: long, no spaces, mixed characters, high entropy. */
function looksRandom(text) {
  return (
    text.length >= 20 &&
    !/\s/.test(text) &&
    !/^[a-z][a-z\d+.-]*:\/\//i.test(text) &&
    !/^(#|\.{0,2}\/)/.test(text) && // a JSON pointer or path, e.g. a discriminator mapping
    classes(text) >= 3 &&
    entropy(text) >= 3.5
  );
}

/**
 * Obvious placeholders are not secrets: a run of six ascending characters (`123456`, `abcdef`),
 * one character six times, or a word such as EXAMPLE, sample, dummy, fake, xxxx.
 */
function placeholder(text) {
  if (/(example|sample|dummy|fake|placeholder|redacted|your[_-]|x{4}|(.)\2{5})/i.test(text))
    return true;
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/**
 * The kind of credential `value` looks like, or undefined. `name` is the key the value sits
 * under (for the high-entropy check).
 */
export function secretKind(value, name) {
  if (typeof value !== 'string' || value.length < 16) return undefined;
  if (ANY_SHAPE.test(value))
    for (const [kind, pattern] of SHAPES) {
      const match = value.match(pattern);
      if (match && !placeholder(match[0])) return kind;
    }
  // a JWT is judged by its signature above, not by its (always high) entropy
  if (/^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) return undefined;
  // an AWS secret access key: 40 base64 characters under an AWS/secret name, or after
  // `aws_secret_access_key=` in a value (a bare 40-character base64 string is too often an id)
  const aws =
    typeof name === 'string' && /aws|secret|access/i.test(name)
      ? value.match(/^[A-Za-z\d/+]{40}$/)
      : value.match(/aws.{0,20}secret.{0,20}[=:]\s*["']?([A-Za-z\d/+]{40})(?![A-Za-z\d/+=])/i);
  const awsKey = aws?.[1] ?? aws?.[0];
  if (awsKey && classes(awsKey) >= 3 && entropy(awsKey) >= 4 && !placeholder(awsKey))
    return 'AWS secret access key';
  if (
    typeof name === 'string' &&
    SECRET_NAME.test(name) &&
    looksRandom(value) &&
    !placeholder(value)
  )
    return `high-entropy value under \`${name}\``;
  return undefined;
}
