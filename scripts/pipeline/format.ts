/**
 * Formats generated files in memory with the repository's Prettier config, by file extension.
 *
 * Prettier runs only where a reviewer reads the diff: TypeScript/JavaScript, Markdown, YAML and
 * CSS. JSON is printed formatted by its stage (`JSON.stringify(…, null, 2)` or compact on
 * purpose), and HTML stays as the docs stage prints it: Prettier over HTML was most of the docs
 * stage's time (and on large specs tens of seconds and gigabytes) for pages nobody reviews line
 * by line. Either way the output is a pure function of the stage's output, so it stays
 * byte-for-byte reproducible.
 *
 * A file whose unformatted text is the same as last run (same `formatKey`, i.e. same Prettier,
 * config and parser) keeps its formatted text: `reuse` returns it (from disk, hash-checked) and
 * Prettier is skipped. After a one-property spec edit most generated files are unchanged. A stage
 * may also print a file in Prettier's layout itself and mark it `formatted` (the mock's route
 * table, print-data.ts; the client types, print-types.ts; the client's operation table): it is
 * written as printed.
 */
import path from 'node:path';
import { sha256 } from './cache.ts';
import { batchable, formatBatched } from './format-batch.ts';
import type { GeneratedFile } from './stage.ts';

// `babel-ts` prints the same layout as `typescript` (byte-identical on all 176 generated Car Owner
// TypeScript files) in about half the time; `typescript` is the fallback for syntax Babel's
// TypeScript plugin refuses. Either parser gives the same bytes on every run.
const PARSERS: Record<string, string> = {
  '.ts': 'babel-ts',
  '.mts': 'babel-ts',
  '.js': 'babel',
  '.mjs': 'babel',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.md': 'markdown',
  '.css': 'css',
};

/** The Prettier parser for a generated file, or undefined when it is written as printed. */
export function parserFor(file: GeneratedFile): string | undefined {
  return file.formatted ? undefined : PARSERS[path.extname(file.path)];
}

export interface Formatted {
  files: GeneratedFile[];
  /** Path -> hash of the unformatted text and everything that decides its formatting. */
  sources: Record<string, string>;
}

export async function formatFiles(
  files: readonly GeneratedFile[],
  root: string,
): Promise<GeneratedFile[]> {
  return (await formatReusing(files, root)).files;
}

/**
 * Formats `files`; `reuse(path, sourceHash)` may return last run's formatted text of a file whose
 * source hash is unchanged.
 */
export async function formatReusing(
  files: readonly GeneratedFile[],
  root: string,
  reuse: (path: string, sourceHash: string) => string | undefined = () => undefined,
): Promise<Formatted> {
  const sources: Record<string, string> = {};
  if (!files.some((f) => parserFor(f)))
    return { files: files.map((f) => ({ path: f.path, content: f.content })), sources };
  // loaded on first use: a run whose stages print every file themselves never needs it
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path.join(root, 'package.json'))) ?? {};
  const formatKey = `${prettier.version}\0${JSON.stringify(options)}`;
  const format = (text: string, parser: string) => prettier.format(text, { ...options, parser });
  const formatTs = (text: string) =>
    format(text, 'babel-ts').catch(() => format(text, 'typescript'));
  const formatted: GeneratedFile[] = [];
  // Small TypeScript files, cut into imports and body (bodies shared between files that differ
  // only in their imports), formatted together by format-batch.ts.
  const cut: { index: number; head: string; body: string; blankLine: boolean }[] = [];
  for (const file of files) {
    const parser = parserFor(file);
    const index = formatted.push({ path: file.path, content: file.content }) - 1;
    if (!parser) continue;
    const source = sha256(`${formatKey}\0${parser}\0${file.content}`);
    sources[file.path] = source;
    const kept = reuse(file.path, source);
    if (kept !== undefined) formatted[index]!.content = kept;
    else if (parser !== 'babel-ts') formatted[index]!.content = await format(file.content, parser);
    else {
      const split = batchable(file.content) ? splitImports(file.content) : undefined;
      if (split) cut.push({ index, ...split });
      else formatted[index]!.content = await formatTs(file.content);
    }
  }
  if (cut.length > 0) {
    const out = await formatBatched(
      cut.flatMap((c) => [c.head, c.body]),
      formatTs,
    );
    cut.forEach((c, i) => {
      const head = out[2 * i]!;
      const body = out[2 * i + 1]!;
      formatted[c.index]!.content = `${head}${c.blankLine ? '\n' : ''}${body}`;
    });
  }
  return { files: formatted, sources };
}

/**
 * A TypeScript file cut after its leading comments and imports, where the first other top-level
 * statement starts. Prettier prints top-level statements independently and keeps at most one
 * blank line between them, so formatting both parts and joining them (with the blank line when
 * the source had one) gives the same bytes as formatting the whole file; a test checks it on
 * every generated file. The point is the body: files that differ only in their imports (the
 * validators' Zod Mini build repeats every schema module with `zod/mini` paths: 1,289 files on
 * Stripe) format their shared body once. Undefined when there is nothing to cut (no imports,
 * no body, or a line the scan does not recognise), and the file is formatted whole.
 */
export function splitImports(
  text: string,
): { head: string; body: string; blankLine: boolean } | undefined {
  const lines = text.split('\n');
  let i = 0;
  let imports = 0;
  let inComment = false;
  let inImport = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (inComment) {
      if (line.includes('*/')) inComment = false;
      continue;
    }
    if (inImport) {
      if (/;\s*$/.test(line)) inImport = false;
      continue;
    }
    if (line.trim() === '' || line.startsWith('//')) continue;
    if (line.startsWith('/*')) {
      if (!line.includes('*/', 2)) inComment = true;
      else if (!/\*\/\s*$/.test(line)) return undefined;
      continue;
    }
    if (/^import\s/.test(line)) {
      imports++;
      if (!/;\s*$/.test(line)) inImport = true;
      continue;
    }
    break;
  }
  if (inComment || inImport || imports === 0 || i >= lines.length) return undefined;
  // the body starts at its first line; blank lines before it are the separator
  let start = i;
  while (start > 0 && lines[start - 1]!.trim() === '') start--;
  const head = lines.slice(0, start).join('\n');
  const body = lines.slice(i).join('\n');
  if (body.trim() === '') return undefined;
  return { head: `${head}\n`, body, blankLine: start < i };
}
