/**
 * Client runtime bench: bundle size (min+gzip) beside openapi-fetch alone, and per-request
 * cost on loopback beside openapi-fetch alone and a bare fetch, as ratios.
 * Run: `tsx bench/client-runtime.ts`. Figures are printed, never asserted: they depend on the
 * machine. Per request is measured twice: wall time, and CPU time of the process (client and
 * server share it, so the server's part is the same for every case). CPU time is the steadier
 * figure on a shared machine. Both are taken over many short interleaved rounds and estimated by
 * the mean of the fastest quarter of rounds: on a shared VM, noise (other tenants, GC of another
 * case) only ever adds time, so the low rounds are the cost itself, and a median of a few long
 * rounds moved by ±6% from run to run where the client's own cost is 1-2%.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type createOpenapiFetch from 'openapi-fetch';
import type * as Client from '../packages/client/src/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Ratio to the row's baseline: openapi-fetch alone for size and for time. */
  ratio: number;
}

async function minified(contents: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  return result.outputFiles[0]!.contents;
}

async function minGzipBytes(contents: string): Promise<number> {
  return gzipSync(await minified(contents), { level: 9 }).length;
}

/**
 * The code that is timed is the minified bundle an app ships (the one the size rows measure),
 * for our client and for openapi-fetch alike: loading sources through tsx would add its
 * transform's helpers (`__name` on every closure) to our side only.
 */
async function loadBundles(): Promise<{
  openapiFetch: typeof createOpenapiFetch;
  client: typeof Client;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'client-bench-'));
  try {
    const load = async (name: string, contents: string) => {
      const file = join(dir, `${name}.mjs`);
      writeFileSync(file, await minified(contents));
      return import(pathToFileURL(file).href);
    };
    const openapiFetch = (await load('openapi-fetch', `export { default } from 'openapi-fetch';`))
      .default as typeof createOpenapiFetch;
    const client = (await load(
      'client',
      `export * from './packages/client/src/index.ts';`,
    )) as typeof Client;
    return { openapiFetch, client };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SRC = './packages/client/src';

/**
 * What an app ships, by what it imports. "createClient alone" is the smallest real app; each
 * opt-in entry is added on top of it (shared modules are counted once, as a bundler does);
 * "everything" is the main entry's exports with all three opt-in entries.
 */
const SIZE_CASES: [string, string][] = [
  ['size: createClient alone (incl. table)', `export { createClient } from '${SRC}/index.ts';`],
  [
    'size: createClient + one error',
    `export { createClient, NotFoundError } from '${SRC}/index.ts';`,
  ],
  [
    'size: createClient + paginate',
    `export { createClient } from '${SRC}/index.ts'; export * from '${SRC}/paginate.ts';`,
  ],
  [
    'size: createClient + multipart',
    `export { createClient } from '${SRC}/index.ts'; export * from '${SRC}/multipart.ts';`,
  ],
  [
    'size: createClient + validation',
    `export { createClient } from '${SRC}/index.ts'; export * from '${SRC}/validation.ts';`,
  ],
  ['size: all of the main entry (index.ts)', `export * from '${SRC}/index.ts';`],
  [
    'size: everything (main + 3 opt-in entries)',
    [
      `export * from '${SRC}/index.ts';`,
      `export * from '${SRC}/paginate.ts';`,
      `export * from '${SRC}/multipart.ts';`,
      `export * from '${SRC}/validation.ts';`,
    ].join('\n'),
  ],
  ['size: generated operation table alone', `export * from '${SRC}/generated/operations.ts';`],
];

export async function sizeRows(): Promise<BenchRow[]> {
  const base = await minGzipBytes(`export { default } from 'openapi-fetch';`);
  const kb = (n: number) => Math.round(n / 10.24) / 100;
  const rows: BenchRow[] = [
    { name: 'size: openapi-fetch alone', value: kb(base), unit: 'kB', ratio: 1 },
  ];
  for (const [name, contents] of SIZE_CASES) {
    const bytes = await minGzipBytes(contents);
    rows.push({ name: `${name} [${bytes} B]`, value: kb(bytes), unit: 'kB', ratio: bytes / base });
  }
  return rows;
}

async function timeRows(requests: number): Promise<BenchRow[]> {
  const body = JSON.stringify({ uid: 'u1', email: 'kari@example.no', firstName: 'Kari' });
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/co`;
  const { openapiFetch, client } = await loadBundles();
  const plain = openapiFetch<Record<string, never>>({ baseUrl });
  const ours = client.createClient({
    baseUrl,
    tokenStore: client.createMemoryTokenStore({ accessToken: 't' }),
  });
  const cases: [string, () => Promise<unknown>][] = [
    [
      'bare fetch',
      () =>
        fetch(`${baseUrl}/profile`, { headers: { authorization: 'Bearer t' } }).then((r) =>
          r.json(),
        ),
    ],
    [
      'openapi-fetch',
      () => plain.GET('/profile' as never, { headers: { authorization: 'Bearer t' } } as never),
    ],
    ['our client', () => ours.GET('/profile')],
  ];
  // Interleaved rounds, median per case: JIT warm-up, GC and other load hit every case alike.
  // The order rotates each round: a case must not always pay for the garbage of the one before.
  const rounds = 120;
  const wall: number[][] = cases.map(() => []);
  const cpu: number[][] = cases.map(() => []);
  try {
    for (const [, send] of cases) for (let i = 0; i < 300; i++) await send();
    for (let round = 0; round < rounds; round++) {
      for (let j = 0; j < cases.length; j++) {
        const i = (j + round) % cases.length;
        const send = cases[i]![1];
        const n = Math.ceil(requests / rounds);
        const cpu0 = process.cpuUsage();
        const start = performance.now();
        for (let k = 0; k < n; k++) await send();
        wall[i]!.push(((performance.now() - start) * 1000) / n);
        const used = process.cpuUsage(cpu0);
        cpu[i]!.push((used.user + used.system) / n);
      }
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  const fastestQuarter = (s: number[]) => {
    const low = [...s].sort((a, b) => a - b).slice(0, Math.max(1, Math.floor(s.length / 4)));
    return low.reduce((a, b) => a + b, 0) / low.length;
  };
  const rows = (label: string, samples: number[][]) => {
    const values = samples.map(fastestQuarter);
    return cases.map(([name], i) => ({
      name: `per request (${label}): ${name}`,
      value: Math.round(values[i]!),
      unit: 'µs',
      ratio: values[i]! / values[1]!,
    }));
  };
  return [...rows('wall', wall), ...rows('cpu', cpu)];
}

/**
 * The same loopback request, one client per process, as in an app (which loads one client):
 * in one shared process undici's code sees both clients' call shapes (a Request from
 * openapi-fetch, URL + init from ours) and each pays for the other's polymorphism. Processes
 * alternate (openapi-fetch, ours, bare fetch, again...) and each reports the mean of its fastest
 * quarter of rounds; the figure per client is the lowest over its processes, because on a
 * shared VM the process-to-process noise (±15% here) only ever adds time.
 */
async function ownProcessRows(processes: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'client-bench-proc-'));
  try {
    writeFileSync(
      join(dir, 'openapi-fetch.mjs'),
      await minified(`export { default } from 'openapi-fetch';`),
    );
    writeFileSync(join(dir, 'client.mjs'), await minified(`export * from '${SRC}/index.ts';`));
    writeFileSync(join(dir, 'child.mjs'), CHILD);
    const kinds = ['bare fetch', 'openapi-fetch', 'our client'] as const;
    const best = kinds.map(() => Infinity);
    for (let round = 0; round < processes; round++) {
      for (const [i, kind] of kinds.entries()) {
        const out = execFileSync(process.execPath, [join(dir, 'child.mjs'), kind], {
          encoding: 'utf8',
        });
        best[i] = Math.min(best[i]!, Number(out.trim()));
      }
    }
    return kinds.map((kind, i) => ({
      name: `per request (cpu, own process): ${kind}`,
      value: Math.round(best[i]!),
      unit: 'µs',
      ratio: best[i]! / best[1]!,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One process, one client: plain JS (no tsx hooks), the bundles beside it. */
const CHILD = `
import { createServer } from 'node:http';
const kind = process.argv[2];
const body = JSON.stringify({ uid: 'u1', email: 'kari@example.no', firstName: 'Kari' });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = 'http://127.0.0.1:' + server.address().port + '/api/co';
let send;
if (kind === 'bare fetch') {
  send = () => fetch(baseUrl + '/profile', { headers: { authorization: 'Bearer t' } }).then((r) => r.json());
} else if (kind === 'openapi-fetch') {
  const c = (await import('./openapi-fetch.mjs')).default({ baseUrl });
  send = () => c.GET('/profile', { headers: { authorization: 'Bearer t' } });
} else {
  const m = await import('./client.mjs');
  const c = m.createClient({ baseUrl, tokenStore: m.createMemoryTokenStore({ accessToken: 't' }) });
  send = () => c.GET('/profile');
}
for (let i = 0; i < 3000; i++) await send();
const rounds = [];
for (let r = 0; r < 40; r++) {
  const c0 = process.cpuUsage();
  for (let k = 0; k < 250; k++) await send();
  const u = process.cpuUsage(c0);
  rounds.push((u.user + u.system) / 250);
}
const low = rounds.sort((a, b) => a - b).slice(0, 10);
console.log(low.reduce((a, b) => a + b, 0) / low.length);
server.closeAllConnections();
server.close();
`;

/** Runs both measurements; `requests` per client for the loopback timing. */
export async function runClientBench(requests = 6000, processes = 4): Promise<BenchRow[]> {
  return [
    ...(await sizeRows()),
    ...(await timeRows(requests)),
    ...(await ownProcessRows(processes)),
  ];
}

function print(rows: BenchRow[]): void {
  console.log(`${'measure'.padEnd(62)}${'value'.padStart(10)}  unit  ratio`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(62)}${String(r.value).padStart(10)}  ${r.unit.padEnd(4)}  ${r.ratio.toFixed(2)}x`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(await runClientBench(Number(process.env.BENCH_REQUESTS ?? 6000)));
}
