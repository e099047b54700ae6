/**
 * Seeded transport-fault fuzz against a real loopback server (helpers/fault-server.ts). Each case
 * is one call (GET, PUT, DELETE, POST, PATCH, or a POST with an idempotency key) whose attempts
 * meet a seeded sequence of faults. Checked per case: the call ends in data or one of the
 * client's typed errors (never a raw TypeError/SyntaxError/DOMException), the error kind matches
 * the last fault, and the server saw exactly the attempts the retry rules allow for that method.
 * FAULT_CASES / FAULT_SEED widen or move the run (`FAULT_CASES=20000` for a long soak).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiClient } from '../../packages/client/src/client.ts';
import {
  MalformedResponseError,
  MinbilClientError,
  NetworkError,
  TimeoutError,
} from '../../packages/client/src/errors.ts';
import {
  FAULTS,
  okBody,
  startFaultServer,
  type Answer,
  type FaultServer,
} from './helpers/fault-server.ts';

const CASES = Number(process.env.FAULT_CASES ?? 1200);
const SEED = Number(process.env.FAULT_SEED ?? 14);
// Generous, so that a loaded CI machine never times out an answer the plan says arrives.
const TIMEOUT_MS = 1000;
const MAX_RETRIES = 2;
const CONCURRENCY = Number(process.env.FAULT_CONCURRENCY ?? 12);

/** mulberry32: small, seedable, good enough to pick faults. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'data' | 'NetworkError' | 'TimeoutError' | 'MalformedResponseError';
const OUTCOME: Record<Answer, Kind> = {
  ok: 'data',
  'late-ok': 'data',
  'reset-before-headers': 'NetworkError',
  'early-close': 'NetworkError',
  'reset-mid-body': 'NetworkError',
  'length-too-long': 'NetworkError',
  'bad-encoding': 'NetworkError',
  'length-too-short': 'MalformedResponseError',
  'stalled-body': 'TimeoutError',
  'slow-headers': 'TimeoutError',
};
/** Transport faults are retried for retryable calls; a complete (if malformed) answer is not. */
const TRANSIENT = new Set<Kind>(['NetworkError', 'TimeoutError']);

const CALLS = [
  { method: 'GET', path: '/items/{id}', retried: true },
  { method: 'PUT', path: '/items/{id}', retried: true, body: true },
  { method: 'DELETE', path: '/items/{id}', retried: true },
  { method: 'POST', path: '/items', retried: false, body: true },
  { method: 'PATCH', path: '/items/{id}', retried: false, body: true },
  { method: 'POST', path: '/items', retried: true, body: true, keyed: true },
] as const;

const WEIGHTED: Answer[] = FAULTS.flatMap((f) =>
  f === 'stalled-body' || f === 'slow-headers' ? [f] : [f, f],
);

/** What the retry rules promise for a plan: attempts made and how the call ends. */
function expected(plan: readonly Answer[], retried: boolean): { attempts: number; kind: Kind } {
  for (let i = 0; ; i++) {
    const kind = OUTCOME[plan[i] ?? 'ok'];
    if (!TRANSIENT.has(kind) || !retried || i >= MAX_RETRIES) return { attempts: i + 1, kind };
  }
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ slowHeadersMs: TIMEOUT_MS * 3 });
});
afterAll(() => server.close());

it(`${CASES} seeded transport-fault cases: typed errors only, attempts per method as documented`, async () => {
  const table = {
    'GET /items/{id}': ['getItem', 0],
    'PUT /items/{id}': ['putItem', 16],
    'DELETE /items/{id}': ['deleteItem', 0],
    'POST /items': ['createItem', 16],
    'PATCH /items/{id}': ['patchItem', 16],
  } as const;
  const client = createApiClient<Record<string, never>>(table, null, {
    baseUrl: server.baseUrl,
    timeoutMs: TIMEOUT_MS,
    retry: { maxRetries: MAX_RETRIES, baseDelayMs: 1, maxDelayMs: 2 },
  }) as unknown as Record<string, (path: string, init: object) => Promise<{ data?: unknown }>>;

  const next = random(SEED);
  const cases = Array.from({ length: CASES }, (_, i) => {
    const call = CALLS[Math.floor(next() * CALLS.length)]!;
    // Each attempt: a fault 65% of the time, spread evenly over the kinds; else an answer.
    const plan: Answer[] = Array.from({ length: MAX_RETRIES + 1 }, () =>
      next() < 0.65 ? FAULTS[Math.floor(next() * FAULTS.length)]! : next() < 0.8 ? 'ok' : 'late-ok',
    );
    return { id: `c${i}`, call, plan };
  });

  const mismatches: string[] = [];
  const raw: unknown[] = [];
  const seenFaults = new Set<string>();
  const run = async ({ id, call, plan }: (typeof cases)[number]) => {
    server.plan(id, plan);
    const want = expected(plan, call.retried);
    for (const answer of plan.slice(0, want.attempts)) seenFaults.add(answer);
    let got: Kind;
    let detail = '';
    try {
      const result = await client[call.method]!(call.path, {
        params: { path: { id } },
        headers: { 'x-case': id },
        ...('body' in call ? { body: { name: 'n' } } : {}),
        ...('keyed' in call ? { idempotencyKey: true } : {}),
      });
      got = 'data';
      if (JSON.stringify(result.data) !== okBody(id)) detail = ' (wrong data)';
    } catch (error) {
      if (!(error instanceof MinbilClientError)) {
        raw.push(error);
        got = 'data';
        detail = ` raw ${String(error)}`;
      } else {
        got = error.constructor.name as Kind;
        if (got !== expected(plan, call.retried).kind) detail += ` (${error.message})`;
        const typed = error instanceof NetworkError || error instanceof TimeoutError;
        // The error names the call; once headers arrived it also has status and request id.
        if (error.method !== call.method) detail += ' (no method)';
        if (typed && error.operationId === undefined) detail += ' (no operationId)';
        if (error instanceof MalformedResponseError && error.requestId !== `req-${id}`)
          detail += ' (no request id)';
      }
    }
    const attempts = server.attempts(id);
    if (got !== want.kind || attempts !== want.attempts || detail) {
      mismatches.push(
        `${id} ${call.method}${'keyed' in call ? '+key' : ''} [${plan}]: want ${want.kind} ` +
          `after ${want.attempts}, got ${got} after ${attempts}${detail}`,
      );
    }
    if ('keyed' in call) {
      const keys = server.keys(id);
      if (!keys[0] || keys.some((k) => k !== keys[0])) mismatches.push(`${id}: keys ${keys}`);
    }
  };

  const queue = [...cases];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await run(c);
    }),
  );

  expect(raw).toEqual([]);
  expect(mismatches.slice(0, 20)).toEqual([]);
  // The seed exercised every fault and every method.
  expect([...seenFaults].sort()).toEqual([...FAULTS, 'ok', 'late-ok'].sort());
}, 180_000);
