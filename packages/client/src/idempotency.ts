/**
 * Idempotency keys (draft-ietf-httpapi-idempotency-key-header): one random key per call, sent
 * unchanged on every retry, so the server can answer a repeated POST with the first result.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A random UUID v4. Uses crypto.randomUUID where present (not in Hermes without a polyfill). */
export function newIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
