/**
 * Token and API key for the console: in memory only (a module variable), never in storage, cookies
 * or the URL. Shared by every console on the page; gone on reload.
 */
const secrets = { token: '', apiKey: '' };

export const getSecret = (kind: keyof typeof secrets): string => secrets[kind];
export function setSecret(kind: keyof typeof secrets, value: string): void {
  secrets[kind] = value;
}
