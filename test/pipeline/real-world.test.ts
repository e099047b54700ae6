/**
 * Any spec, not just ours: a public spec (Redocly's Museum API) goes through the same stages as
 * `pnpm generate`, in third-party mode, then type-checks and has a docs page per tag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { runRealWorld, type RealWorldResult } from '../../scripts/real-world/index.ts';
import { buildSite } from '../../scripts/stages/docs/index.ts';
import { stages, thirdPartyStages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';

const museum = path.join(repoRoot, 'test/fixtures/real-world/museum.yaml');
const out = path.join(repoRoot, '.tmp/real-world-museum');
let result: RealWorldResult;

beforeAll(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  result = await runRealWorld(museum, out);
}, 60_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('the Museum API through the pipeline', () => {
  it('runs every stage, type-checks the client types and validators, and builds the docs', () => {
    for (const stage of stages)
      expect(result.log.join('\n')).toMatch(new RegExp(`^${stage.name} `, 'm'));
    expect(result.typeCheck.errors).toEqual([]);
    expect(result.missingDocs).toEqual([]);
    const site = fs.readdirSync(path.join(out, 'packages/docs/site'));
    expect(site).toEqual(
      expect.arrayContaining(['events.html', 'operations.html', 'tickets.html']),
    );
  });

  it('reports what it could not generate: HTTP basic auth, in the client and the mock', () => {
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^client-types: security scheme "MuseumPlaceholderAuth" is not supported/,
      ),
      expect.stringMatching(/^mock: security MuseumPlaceholderAuth: http basic is not supported/),
    ]);
  });

  it('the validators accept the spec’s own example and reject a broken one', async () => {
    const spec = parse(fs.readFileSync(museum, 'utf8'));
    const example = spec.components.examples.GetMuseumHoursResponseExample.value;
    const table = path.join(out, 'packages/validators/src/generated/operations.ts');
    const { operationValidators } = (await import(pathToFileURL(table).href)) as {
      operationValidators: Record<string, { responses: Record<string, z.ZodType> }>;
    };
    const hours = operationValidators.getMuseumHours!.responses['200']!;
    expect(hours.safeParse(example).success).toBe(true);
    expect(hours.safeParse([{ ...example[0], date: 'not a date' }]).success).toBe(false);
  });

  it('a second run changes nothing and does no work', async () => {
    const again = await runPipeline({
      root: out,
      stages: thirdPartyStages({ warn: () => {} }),
      log: () => {},
    });
    expect(again.upToDate).toBe(true);
  });
});

describe('a spec without tags', () => {
  it('gets one docs page per resource instead of one page for everything', () => {
    const get = (operationId: string) => ({
      get: { operationId, responses: { '200': { description: 'OK' } } },
    });
    const files = buildSite({
      openapi: '3.0.3',
      info: { title: 'Untagged', version: '1' },
      paths: { '/v1/charges': get('a'), '/v1/charges/{id}': get('b'), '/v1/refunds': get('c') },
    } as never);
    const pages = files.map((f) => path.basename(f.path)).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['charges.html', 'index.html', 'refunds.html', 'schemas.html']);
  });
});
