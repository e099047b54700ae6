/**
 * The peers doing the same jobs as our stages, each run as its own CLI with its own config
 * written into the bench's temp folder: openapi-typescript (types), Hey API with its zod plugin
 * (types + Zod schemas), orval (Zod schemas) and Redocly's build-docs (a docs page).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/real-world/setup.ts';

export type Job = 'types' | 'validators' | 'docs';

export interface Peer {
  name: string;
  job: Job;
  command: string;
  args: string[];
  /** Globs (relative to the peer's folder) of the TypeScript it writes, for the type-check. */
  typeCheck?: string[];
}

const bin = (name: string) => path.join(REPO_ROOT, 'node_modules/.bin', name);

/** Writes each peer's config under `dir` (one folder per peer) and returns how to run it. */
export function peersFor(spec: string, dir: string): (Peer & { cwd: string })[] {
  const folder = (name: string) => {
    const cwd = path.join(dir, name);
    fs.rmSync(cwd, { recursive: true, force: true });
    fs.mkdirSync(cwd, { recursive: true });
    return cwd;
  };
  const heyApi = folder('hey-api');
  fs.writeFileSync(
    path.join(heyApi, 'openapi-ts.config.mjs'),
    `export default ${JSON.stringify({ input: spec, output: 'out', plugins: ['@hey-api/typescript', 'zod'], logs: { file: false } }, null, 2)};\n`,
  );
  const orval = folder('orval');
  // orval refuses `$ref`s into other files (our split source) unless they are allowed
  const orvalConfig = {
    api: {
      input: { target: spec, parserOptions: { externalRefs: { allow: ['*'] } } },
      output: { target: 'out/zod.ts', client: 'zod', mode: 'single' },
    },
  };
  fs.writeFileSync(
    path.join(orval, 'orval.config.mjs'),
    `export default ${JSON.stringify(orvalConfig, null, 2)};\n`,
  );
  return [
    {
      name: 'openapi-typescript CLI',
      job: 'types',
      cwd: folder('openapi-typescript'),
      command: bin('openapi-typescript'),
      args: [spec, '-o', 'out/schema.ts'],
      typeCheck: ['out/**/*.ts'],
    },
    {
      name: 'Hey API (@hey-api/typescript + zod)',
      job: 'validators',
      cwd: heyApi,
      command: bin('openapi-ts'),
      args: ['-f', 'openapi-ts.config.mjs'],
      typeCheck: ['out/**/*.ts'],
    },
    {
      name: 'orval (client: zod)',
      job: 'validators',
      cwd: orval,
      command: bin('orval'),
      args: ['--config', 'orval.config.mjs'],
      typeCheck: ['out/**/*.ts'],
    },
    {
      name: 'Redocly build-docs',
      job: 'docs',
      cwd: folder('redocly-build-docs'),
      command: bin('redocly'),
      args: ['build-docs', spec, '-o', 'out/index.html'],
    },
  ];
}
