/**
 * A fast screen for large single-file JSON specs (GitHub's is 12.7 MB): positions cost seconds to
 * compute, so a large JSON file is first checked as plain data. Only when the screen finds
 * something to report (or an external `$ref` to follow) is it parsed with positions, so every
 * problem is still located; a clean file goes straight to Redocly.
 */
import { secretKind } from '../lint-rules/secret-patterns.js';

/** JSON files from this size on are screened first. */
export const SCREEN_JSON_BYTES = 1024 * 1024;

const DATA_KEYS = new Set(['example', 'default', 'const', 'enum']);

/** True when `text` is a clean, self-contained OpenAPI 3.x document with nothing to report. */
export function screenJson(text: string, isRoot: boolean): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const doc = value as Record<string, unknown>;
  if (isRoot && (doc.swagger !== undefined || !/^3\.[01]\.\d+$/.test(String(doc.openapi))))
    return false;
  let clean = true;
  const operationIds = new Set<string>();
  const walk = (node: unknown, key: string, data: boolean): void => {
    if (!clean) return;
    if (typeof node === 'string') {
      if (secretKind(node, key)) clean = false;
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key, data);
      return;
    }
    for (const [k, child] of Object.entries(node)) {
      if (k === '$ref' && typeof child === 'string' && !data && !child.startsWith('#')) {
        clean = false; // an external reference: the full parse follows and checks it
        return;
      }
      walk(child, k, data || DATA_KEYS.has(k));
    }
  };
  walk(doc, '', false);
  for (const section of ['paths', 'webhooks']) {
    const items = doc[section];
    if (!items || typeof items !== 'object') continue;
    for (const item of Object.values(items as Record<string, unknown>)) {
      if (!item || typeof item !== 'object') continue;
      for (const op of Object.values(item as Record<string, unknown>)) {
        const id = (op as { operationId?: unknown } | null)?.operationId;
        if (typeof id !== 'string') continue;
        if (operationIds.has(id)) return false;
        operationIds.add(id);
      }
    }
  }
  return clean;
}
