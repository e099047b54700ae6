/** Types for secret-patterns.js (plain JS so Redocly can load the lint plugin without tsx). */
export function secretKind(value: unknown, name?: string): string | undefined;
