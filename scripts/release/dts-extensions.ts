/**
 * Rewrites relative `.ts` specifiers to `.js` in emitted declaration files, as tsc's
 * `rewriteRelativeImportExtensions` already does in the `.js` files.
 */
import fs from 'node:fs';
import path from 'node:path';

// `from './x.ts'`, `import('./x.ts')`, `import './x.ts'`, `export … from "../y/z.ts"`
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*?)\.([mc]?)ts\2/g;

/** The declaration text with every relative `.ts`/`.mts`/`.cts` specifier made `.js`/`.mjs`/`.cjs`. */
export function rewriteSpecifiers(text: string): string {
  return text.replace(
    SPECIFIER,
    (_all, lead: string, quote: string, stem: string, kind: string) =>
      `${lead}${quote}${stem}.${kind}js${quote}`,
  );
}

/** Applies {@link rewriteSpecifiers} to every `.d.ts` under `dir`; returns how many files changed. */
export function rewriteDeclarationExtensions(dir: string): number {
  let changed = 0;
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.d\.[mc]?ts$/.test(rel)) continue;
    const file = path.join(dir, rel);
    const before = fs.readFileSync(file, 'utf8');
    const after = rewriteSpecifiers(before);
    if (after !== before) (fs.writeFileSync(file, after), changed++);
  }
  return changed;
}
