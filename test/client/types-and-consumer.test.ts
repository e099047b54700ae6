/**
 * Compile-time guarantees, checked with the real tsc: the call contract (fixtures/typecheck),
 * a runtime that needs no Node types, and a consumer app that installs the built package.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from './helpers/test-server.ts';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = (...args: string[]) =>
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), ...args], {
    cwd: root,
  }).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('types', () => {
  it('wrong paths, params and bodies fail to compile; right ones compile (fixtures/typecheck)', async () => {
    expect(await tsc('-p', 'test/client/fixtures/typecheck/tsconfig.json')).toBe('');
  });

  it('the runtime compiles without Node types, for ES2020 (browsers, React Native)', async () => {
    expect(await tsc('-p', 'packages/client/tsconfig.json', '--noEmit')).toBe('');
  });
});

describe('consumer', () => {
  it('an app installs the built package, type-checks under strict and calls the API', async () => {
    await mkdir(join(root, '.tmp'), { recursive: true });
    const app = await mkdtemp(join(root, '.tmp/consumer-'));
    const pkg = join(app, 'node_modules/@minbil/car-owner-client');
    expect(await tsc('-p', 'packages/client/tsconfig.json', '--outDir', join(pkg, 'dist'))).toBe(
      '',
    );
    await cp(join(root, 'packages/client/package.json'), join(pkg, 'package.json'));
    await writeFile(join(app, 'package.json'), '{ "type": "module" }');
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          target: 'ES2022',
          types: ['node'],
          skipLibCheck: false,
        },
        files: ['app.ts'],
      }),
    );
    await writeFile(
      join(app, 'app.ts'),
      `import { createClient, createMemoryTokenStore, NotFoundError } from '@minbil/car-owner-client';
const client = createClient({ baseUrl: process.env.BASE_URL!, tokenStore: createMemoryTokenStore({ accessToken: 'a' }) });
const found = await client.GET('/profile');
const missing = await client.GET('/profile');
const email: string | undefined = found.data?.email;
console.log(JSON.stringify({ email, notFound: missing.error instanceof NotFoundError }));
`,
    );
    expect(await tsc('-p', join(app, 'tsconfig.json'))).toBe('');
    let n = 0;
    server.handle((_req, res) =>
      ++n === 1
        ? json(res, 200, { uid: 'u', email: 'kari@example.no' })
        : json(res, 404, { error: 'gone' }),
    );
    const { stdout } = await run(process.execPath, [join(app, 'app.js')], {
      env: { ...process.env, BASE_URL: server.baseUrl },
    });
    expect(JSON.parse(stdout)).toEqual({ email: 'kari@example.no', notFound: true });
    await rm(app, { recursive: true, force: true });
  });
});
