/**
 * TypeScript as the pipeline loads it: through `require`, not `import`. TypeScript is one
 * CommonJS file of 9 MB, and an ES `import` of CommonJS makes Node scan its source for export
 * names first (cjs-module-lexer): 50-60 ms of every run that generates types or validators,
 * on top of the 60-70 ms the load itself takes. Every pipeline module imports TypeScript from
 * here, and the openapi-typescript bundle requires the same file (dependency-bundle.ts), so
 * there is one TypeScript. Plain JavaScript, typed by typescript-cjs.d.ts.
 */
import { createRequire } from 'node:module';

export default createRequire(import.meta.url)('typescript');
