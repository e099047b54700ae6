/**
 * Remembers the last ETag and body of conditional GETs (GET /profile) so a 304 can answer from
 * memory. Keyed by URL and access token: another user's profile must never come back from cache.
 */

interface Entry {
  etag: string;
  /** Stored as JSON text so callers cannot mutate the cached copy; undefined for an empty body. */
  json: string | undefined;
}

export interface EtagCache {
  key(url: string, token: string | undefined): string;
  etag(key: string): string | undefined;
  remember(key: string, etag: string, data: unknown): void;
  /** The cached body, or undefined when nothing is cached under `key`. */
  recall(key: string): { data: unknown } | undefined;
  clear(): void;
  /** How many entries are cached (0 spares a lookup of a long key per call). */
  size(): number;
}

/** @param maxEntries oldest entries are dropped beyond this. */
export function createEtagCache(maxEntries = 32): EtagCache {
  const entries = new Map<string, Entry>();
  return {
    key: (url, token) => `${url}\n${token ?? ''}`,
    etag: (key) => entries.get(key)?.etag,
    remember(key, etag, data) {
      entries.delete(key);
      entries.set(key, { etag, json: JSON.stringify(data) });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    recall(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      return { data: entry.json === undefined ? undefined : (JSON.parse(entry.json) as unknown) };
    },
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
