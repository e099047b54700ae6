/** POSIX shell quoting: the whole value in single quotes, each `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The line that sets the base URL in a shell snippet (the docs UI rewrites exactly this line). */
export function shellBaseLine(baseUrl: string): string {
  return `BASE_URL=${shellQuote(baseUrl)}`;
}
