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
 * Prettier is skipped. After a one-property spec edit most generated files are unchanged.
 */
import path from 'node:path';
import * as prettier from 'prettier';
import { sha256 } from './cache.ts';
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
  const options = (await prettier.resolveConfig(path.join(root, 'package.json'))) ?? {};
  const formatKey = `${prettier.version}\0${JSON.stringify(options)}`;
  const formatted = await Promise.all(
    files.map(async (file) => {
      const parser = parserFor(file);
      if (!parser) return { path: file.path, content: file.content };
      const source = sha256(`${formatKey}\0${parser}\0${file.content}`);
      sources[file.path] = source;
      const kept = reuse(file.path, source);
      if (kept !== undefined) return { path: file.path, content: kept };
      const format = (p: string) => prettier.format(file.content, { ...options, parser: p });
      const content =
        parser === 'babel-ts'
          ? await format(parser).catch(() => format('typescript'))
          : await format(parser);
      return { path: file.path, content };
    }),
  );
  return { files: formatted, sources };
}
