/** Formats generated files in memory with the repository's Prettier config, by file extension. */
import path from 'node:path';
import * as prettier from 'prettier';
import type { GeneratedFile } from './stage.ts';

const PARSERS: Record<string, string> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.js': 'babel',
  '.mjs': 'babel',
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.md': 'markdown',
  '.css': 'css',
  '.html': 'html',
};

export async function formatFiles(
  files: readonly GeneratedFile[],
  root: string,
): Promise<GeneratedFile[]> {
  const options = (await prettier.resolveConfig(path.join(root, 'package.json'))) ?? {};
  return Promise.all(
    files.map(async (file) => {
      const parser = PARSERS[path.extname(file.path)];
      // Prettier on megabytes of HTML (a large third-party spec's docs) costs tens of seconds and
      // gigabytes; such pages stay as the printer wrote them.
      const huge = parser === 'html' && file.content.length > 1_000_000;
      if (!parser || file.formatted || huge) return { path: file.path, content: file.content };
      return {
        path: file.path,
        content: await prettier.format(file.content, { ...options, parser }),
      };
    }),
  );
}
