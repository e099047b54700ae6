/**
 * Idempotency keys (draft-ietf-httpapi-idempotency-key-header): one random key per call, sent
 * unchanged on every retry, so the server can answer a repeated POST with the first result.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A random UUID v4. Uses crypto.randomUUID where present (not in Hermes without a polyfill). */
export function newIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  // One random byte per hex digit (its low 4 bits), version 4 and variant 10xx set by the mask.
  const bytes = new Uint8Array(31);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let j = 0; j < 31; j++) bytes[j] = Math.random() * 256;
  let i = 0;
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const nibble = bytes[i++]! & 15;
    return (c == 'x' ? nibble : (nibble & 3) | 8).toString(16);
  });
}
