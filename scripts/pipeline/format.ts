/**
 * Formats generated files in memory with the repository's Prettier config, by file extension.
 *
 * Prettier runs only where a reviewer reads the diff: TypeScript/JavaScript, Markdown, YAML and
 * CSS. JSON is printed formatted by its stage (`JSON.stringify(…, null, 2)` or compact on
 * purpose), and HTML stays as the docs stage prints it: Prettier over HTML was most of the docs
 * stage's time (and on large specs tens of seconds and gigabytes) for pages nobody reviews line
 * by line. Either way the output is a pure function of the stage's output, so it stays
 * byte-for-byte reproducible.
 */
import path from 'node:path';
import * as prettier from 'prettier';
import type { GeneratedFile } from './stage.ts';

const PARSERS: Record<string, string> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
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

export async function formatFiles(
  files: readonly GeneratedFile[],
  root: string,
): Promise<GeneratedFile[]> {
  if (!files.some((f) => parserFor(f)))
    return files.map((f) => ({ path: f.path, content: f.content }));
  const options = (await prettier.resolveConfig(path.join(root, 'package.json'))) ?? {};
  return Promise.all(
    files.map(async (file) => {
      const parser = parserFor(file);
      if (!parser) return { path: file.path, content: file.content };
      return {
        path: file.path,
        content: await prettier.format(file.content, { ...options, parser }),
      };
    }),
  );
}
