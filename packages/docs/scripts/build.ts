/** `pnpm docs:build`: packages/docs/site (from `pnpm generate`) + assets → packages/docs/dist. */
import path from 'node:path';
import { buildDist } from './build-dist.ts';

const start = performance.now();
try {
  const result = await buildDist();
  const total = result.files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `docs: ${result.files.length} files, ${(total / 1024).toFixed(0)} KB in ${path.relative(process.cwd(), result.outDir) || '.'} (${(performance.now() - start).toFixed(0)} ms)`,
  );
  if (!result.mock)
    console.log(
      'docs: packages/mock has no browser bundle yet; the try-it console answers from the documented examples.',
    );
} catch (error) {
  console.error(`docs:build: ${(error as Error).message}`);
  process.exitCode = 1;
}
