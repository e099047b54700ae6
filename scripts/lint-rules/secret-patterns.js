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
    classes(text) >= 3 &&
    entropy(text) >= 3.5
  );
}

/**
 * The kind of credential `value` looks like, or undefined. `name` is the key the value sits
 * under (for the high-entropy check).
 */
export function secretKind(value, name) {
  if (typeof value !== 'string' || value.length < 16) return undefined;
  for (const [kind, pattern] of SHAPES) if (pattern.test(value)) return kind;
  // a JWT is judged by its signature above, not by its (always high) entropy
  if (/^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) return undefined;
  // an AWS secret access key: 40 base64 characters, mixed case and digits
  const aws = value.match(/(?<![A-Za-z\d/+])[A-Za-z\d/+]{40}(?![A-Za-z\d/+=])/);
  if (aws && classes(aws[0]) >= 3 && entropy(aws[0]) >= 4) return 'AWS secret access key';
  if (typeof name === 'string' && SECRET_NAME.test(name) && looksRandom(value))
    return `high-entropy value under \`${name}\``;
  return undefined;
}
