/** Specs and site builds for the docs tests (the committed bundle and the hostile fixture). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIV3_1 } from '../../../scripts/pipeline/openapi-types.ts';
import type { GeneratedFile } from '../../../scripts/pipeline/stage.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const readJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as OpenAPIV3_1.Document;

/** The bundled spec as `pnpm generate` wrote it. */
export const realSpec = () => readJson('generated/openapi.json');
/** A spec full of XSS payloads, shell metacharacters and `&reg=` URLs. */
export const xssSpec = () => readJson('test/fixtures/docs-xss/openapi.json');

/** Writes stage files (paths relative to `dir`'s parent layout) under `target`, flattening `prefix`. */
export function writeSite(files: readonly GeneratedFile[], prefix: string, target: string): void {
  fs.rmSync(target, { recursive: true, force: true });
  for (const f of files) {
    const out = path.join(target, f.path.slice(prefix.length + 1));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, f.content);
  }
}

/** A scratch folder inside the repo (so node_modules resolve), removed by the caller. */
export function scratchDir(name: string): string {
  const dir = path.join(ROOT, '.tmp', `docs-${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Decodes the five entities escapeHtml writes (tests compare snippet text to generator output). */
export const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, '&');

/** `<code id="…">text</code>` contents of a page, by id, decoded. */
export function codeBlocks(html: string): Map<string, string> {
  const out = new Map<string, string>();
  // highlighted code: the token spans carry no text of their own
  for (const m of html.matchAll(/<code id="([^"]+)"(?: class="[^"]*")?>([\s\S]*?)<\/code>/g))
    out.set(m[1]!, unescapeHtml(m[2]!.replace(/<\/?span\b[^>]*>/g, '')));
  return out;
}
