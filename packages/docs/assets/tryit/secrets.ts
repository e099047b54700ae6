/**
 * Credentials for the console: in memory only (a module variable), never in storage, cookies or
 * the URL. Keyed by what they are (`access_token`, `refresh_token`, `api_key`), shared by every
 * console on the page; gone on reload.
 */
import type { TryItOp } from './types.ts';

const secrets = new Map<string, string>();

export const getSecret = (kind: string): string => secrets.get(kind) ?? '';
export function setSecret(kind: string, value: string): void {
  secrets.set(kind, value);
}

/** The credential an operation sends, or '' when it needs none. */
export function secretKind(op: TryItOp): string {
  if (op.auth === 'none') return '';
  return op.credential || (op.auth === 'apiKey' ? 'api_key' : 'access_token');
}
