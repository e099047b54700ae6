import { defineConfig } from 'vitest/config';

// One root config with named projects: `pnpm test` runs them all, `vitest run --project spec` one.
const project = (name: string, testTimeout = 60_000) => ({
  test: { name, include: [`test/${name}/**/*.test.ts`], testTimeout, hookTimeout: testTimeout },
});

export default defineConfig({
  test: {
    projects: [
      project('spec'),
      project('pipeline', 180_000),
      project('client'),
      project('validators', 300_000),
      project('mock'),
      project('docs', 300_000),
      project('release', 300_000),
    ],
  },
});
