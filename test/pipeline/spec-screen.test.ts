/**
 * A spec is first screened as plain data, every file it reaches, and parsed with positions only
 * when the screen finds something (spec-screen.ts). The screen must never change the outcome:
 * every malformed fixture, and the split Car Owner spec broken in one of its files in each way
 * the precheck reports, gives the same located lines with the screen as without it; a clean spec
 * bundles the same; and a large file (JSON.parse past 1 MiB) gives what the small one gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREEN_BYTES } from '../../scripts/pipeline/spec-screen.ts';
import { precheckSpec } from '../../scripts/pipeline/precheck.ts';
import { lintAndBundle, listApis, loadRedoclyConfig } from '../../scripts/pipeline/redocly.ts';
import { createRefPolicy } from '../../scripts/pipeline/ref-confinement.ts';
import { SCREEN_BYTES as JSON_BYTES, screenSpec } from '../../scripts/pipeline/spec-screen.ts';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { lintAndBundleSpec } from '../../scripts/spec-mode/gate.ts';
import { parse } from 'yaml';
import { repoRoot, specFixtures } from '../support/spec.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

const malformed = path.join(repoRoot, 'test/fixtures/malformed');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-screen-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Comment lines after the document: no meaning, only bytes. */
function pad(file: string): void {
  const line = `# ${'padding '.repeat(12)}\n`;
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    `${text.endsWith('\n') ? text : `${text}\n`}${line.repeat(Math.ceil(SCREEN_BYTES / line.length) + 1)}`,
  );
}

async function outcome(root: string) {
  try {
    const { spec, warnings } = await lintAndBundleSpec(root, work);
    return { spec, warnings };
  } catch (error) {
    if (error instanceof SpecError) return { lines: error.lines };
    throw error;
  }
}

// an empty file padded with comments is no longer empty (and so says something else)
const CASES = fs
  .readdirSync(malformed)
  .filter((c) => c !== 'empty-file' && fs.existsSync(path.join(malformed, c, 'openapi.yaml')));

describe('the large-file screen', () => {
  it.each(CASES)('%s: the same outcome past 1 MiB as below it', async (name) => {
    const dir = path.join(work, name);
    fs.cpSync(path.join(malformed, name), dir, { recursive: true });
    const root = path.join(dir, 'openapi.yaml');
    const small = await outcome(root);
    pad(root);
    expect(fs.statSync(root).size).toBeGreaterThanOrEqual(SCREEN_BYTES);
    expect(await outcome(root)).toEqual(small);
  });

  it('lets a clean large YAML spec skip the positional parse, and reads it as before', async () => {
    const dir = path.join(work, 'clean');
    fs.cpSync(path.join(malformed, 'valid-base'), dir, { recursive: true });
    const root = path.join(dir, 'openapi.yaml');
    pad(root);
    const pre = precheckSpec(root, createRefPolicy(root, [], work), work);
    expect(pre.problems).toEqual([]);
    expect(pre.sources.screened.has(root)).toBe(true);
    expect(pre.sources.files.has(root)).toBe(false); // no positions computed
    expect(pre.sources.parsed.get(root)?.parsed).toMatchObject({ openapi: '3.1.0' });
  });

  /** valid-base as one JSON file past 1 MiB (a long description), with `edit` applied to its text. */
  function largeJson(name: string, edit: (text: string) => string = (t) => t): string {
    const dir = path.join(work, name);
    fs.mkdirSync(dir, { recursive: true });
    const doc = parse(fs.readFileSync(path.join(malformed, 'valid-base/openapi.yaml'), 'utf8'));
    doc.info.description = 'padding '.repeat(Math.ceil(SCREEN_BYTES / 8) + 1);
    const root = path.join(dir, 'openapi.json');
    fs.writeFileSync(root, edit(JSON.stringify(doc, null, 2)));
    return root;
  }

  it("hands a clean large JSON file's JSON.parse to Redocly, which bundles what it would parse", async () => {
    const root = largeJson('clean-json');
    const pre = precheckSpec(root, createRefPolicy(root, [], work), work);
    expect(pre.problems).toEqual([]);
    expect(pre.sources.parsed.get(root)?.parsed).toEqual(JSON.parse(fs.readFileSync(root, 'utf8')));
    const { spec } = (await outcome(root)) as { spec: { info: { description: string } } };
    expect(spec.info.description).toMatch(/^padding /);
  });

  it.each([
    // JSON.parse keeps the last `title`; Redocly's parser refuses the file
    ['a key twice', (t: string) => t.replace('"title":', '"title": "first",\n    "title":')],
    // JSON.parse reads Infinity; Redocly's parser keeps the text, a string
    [
      'a number past a double',
      (t: string) => t.replace('"info": {', '"info": {\n    "x-big": 1e400,'),
    ],
  ])(
    'leaves a large JSON file with %s for Redocly to parse: the outcome is what it was',
    async (name, edit) => {
      const root = largeJson(name.replaceAll(' ', '-'), edit);
      expect(fs.readFileSync(root, 'utf8')).not.toBe(fs.readFileSync(largeJson('plain'), 'utf8'));
      const pre = precheckSpec(root, createRefPolicy(root, [], work), work);
      expect(pre.sources.parsed.has(root)).toBe(false);
      const result = await outcome(root);
      if (name === 'a key twice') expect(result).toHaveProperty('lines');
      else expect(result).toMatchObject({ spec: { info: { 'x-big': '1e400' } } });
    },
  );

  it('parses a large YAML file with an alias with positions (the alias limits apply)', () => {
    const dir = path.join(work, 'alias');
    fs.cpSync(path.join(malformed, 'valid-base'), dir, { recursive: true });
    const root = path.join(dir, 'openapi.yaml');
    const text = fs.readFileSync(root, 'utf8');
    fs.writeFileSync(root, `${text}x-shared: &shared { a: 1 }\nx-again: *shared\n`);
    pad(root);
    const pre = precheckSpec(root, createRefPolicy(root, [], work), work);
    expect(pre.sources.screened.has(root)).toBe(false);
    expect(pre.sources.files.has(root)).toBe(true);
  });
});

/** The precheck's lines with the screen and without it (every file parsed with positions). */
function bothWays(root: string, base = work) {
  const policy = createRefPolicy(root, [], base);
  const screened = precheckSpec(root, policy, base);
  const positional = precheckSpec(root, policy, base, { screen: false });
  return { screened, positional };
}

describe('the screen of a whole spec', () => {
  it.each(specFixtures())(
    '%s: the same precheck lines with the screen as without, as errors and as warnings',
    (file) => {
      const root = path.join(repoRoot, file);
      for (const secrets of ['error', 'warning'] as const) {
        const policy = createRefPolicy(root, [], repoRoot);
        const screened = precheckSpec(root, policy, repoRoot, { secrets });
        const positional = precheckSpec(root, policy, repoRoot, { secrets, screen: false });
        expect(screened.problems).toEqual(positional.problems);
      }
    },
  );

  it.each(CASES)('%s: the same precheck lines with the screen as without it', (name) => {
    const root = path.join(malformed, name, 'openapi.yaml');
    const { screened, positional } = bothWays(root, repoRoot);
    expect(screened.problems).toEqual(positional.problems);
  });

  it('passes the clean split Car Owner spec without positions, and Redocly bundles it the same', async () => {
    const dir = makeTempRepo();
    try {
      const root = path.join(dir, 'openapi/openapi.yaml');
      const { screened, positional } = bothWays(root, dir);
      expect(screened.problems).toEqual([]);
      expect(screened.sources.files.size).toBe(0);
      expect([...screened.sources.screened].sort()).toEqual(
        [...positional.sources.files.keys()].sort(),
      );
      expect(screened.sources.parsed.size).toBe(positional.sources.files.size);
      const config = await loadRedoclyConfig(path.join(dir, 'redocly.yaml'));
      const api = listApis(config, dir)[0]!;
      const withScreen = await lintAndBundle(api, config, dir);
      const without = await lintAndBundle(api, config, dir, { screen: false });
      expect(JSON.stringify(withScreen)).toBe(JSON.stringify(without));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // one defect in one split file (openapi/paths/bookings.yaml) per class the precheck reports
  const BOOKINGS = 'openapi/paths/bookings.yaml';
  const BREAKS: Record<string, (text: string) => string> = {
    'a YAML syntax error': (t) => `${t}x-broken: [unclosed\n`,
    'a duplicate key': (t) => `${t}get:\n  summary: again\n`,
    'an operationId another path file uses': (t) =>
      t.replace('operationId: listBookings', 'operationId: listBookingStatuses'),
    'a pointer into another file that names nothing': (t) =>
      t.replace(
        '$ref: ../components/schemas/Booking.yaml',
        '$ref: ../components/schemas/Booking.yaml#/properties/nope',
      ),
    'a file that does not exist': (t) =>
      t.replace(
        '$ref: ../components/schemas/Booking.yaml',
        '$ref: ../components/schemas/Bookin.yaml',
      ),
    'a file outside the spec folder': (t) =>
      t.replace('$ref: ../components/schemas/Booking.yaml', '$ref: ../../redocly.yaml'),
    'a URL': (t) =>
      t.replace(
        '$ref: ../components/schemas/Booking.yaml',
        '$ref: https://example.org/booking.yaml',
      ),
    'a schema where a response belongs': (t) =>
      t.replace(
        '$ref: ../components/responses/ErrorValidation.yaml',
        '$ref: ../components/schemas/Booking.yaml',
      ),
    'a YAML alias (no problem: the positional parse counts its expansion)': (t) =>
      `${t}x-one: &shared { a: 1 }\nx-two: *shared\n`,
  };

  it.each(Object.keys(BREAKS))(
    '%s in a split file: the positional parse reports it, as it would without the screen',
    (name) => {
      const dir = makeTempRepo();
      try {
        const file = path.join(dir, BOOKINGS);
        const before = fs.readFileSync(file, 'utf8');
        const after = BREAKS[name]!(before);
        expect(after).not.toBe(before);
        fs.writeFileSync(file, after);
        const root = path.join(dir, 'openapi/openapi.yaml');
        expect(screenSpec(root, createRefPolicy(root, [], dir))).toBeUndefined();
        const { screened, positional } = bothWays(root, dir);
        expect(screened.problems).toEqual(positional.problems);
        if (!name.startsWith('a YAML alias')) expect(screened.problems.length).toBeGreaterThan(0);
        expect(screened.sources.files.size).toBeGreaterThan(0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('secrets in a spec the screen passes', () => {
  const GITHUB = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
  const STRIPE = 'sk_live_51HxQ2eAbCdEfGhIjKlMnOpQr';

  it('a secret in a split YAML file: listed by the screen, located as the positional parse locates it', () => {
    const dir = makeTempRepo();
    try {
      const file = path.join(dir, 'openapi/paths/bookings.yaml');
      fs.appendFileSync(file, `x-note: ${GITHUB}\nx-list:\n  - plain\n  - ${STRIPE}\n`);
      const root = path.join(dir, 'openapi/openapi.yaml');
      expect(screenSpec(root, createRefPolicy(root, [], dir))?.secrets).toHaveLength(2);
      const { screened, positional } = bothWays(root, dir);
      expect(screened.sources.files.size).toBe(0);
      expect(screened.problems).toHaveLength(2);
      expect(screened.problems).toEqual(positional.problems);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // keys that need escaping in a pointer, integer-like keys out of numeric order (JavaScript
  // orders those first), arrays, escaped strings before the value; small and past 1 MiB
  it.each([
    ['small', 0],
    ['past 1 MiB (JSON.parse)', JSON_BYTES],
  ])(
    'secrets in a %s JSON spec: the same lines, in the same order, as the positional parse',
    (_n, pad) => {
      const base = parse(fs.readFileSync(path.join(malformed, 'valid-base/openapi.yaml'), 'utf8'));
      // written by hand: JSON.stringify would put "3" before "20", as JavaScript orders them
      const samples = `{"20": {"a/b~c %2F": {"value": {"token": "${GITHUB}"}}}, "3": ["not a secret", {"quote\\"d": "x\\\\y", "charge_key": "${STRIPE}"}]}`;
      const dir = path.join(work, `json-secrets-${pad}`);
      fs.mkdirSync(dir, { recursive: true });
      const root = path.join(dir, 'openapi.json');
      const text = JSON.stringify(base, null, 2).replace(/^\{/, `{\n  "x-samples": ${samples},`);
      fs.writeFileSync(root, `${text}\n${' '.repeat(pad)}\n`);
      expect(screenSpec(root, createRefPolicy(root, [], work))?.secrets).toHaveLength(2);
      const { screened, positional } = bothWays(root);
      expect(screened.sources.files.size).toBe(0);
      expect(screened.problems.map((p) => p.message)).toEqual([
        expect.stringContaining('`x-samples.20.a/b~c %2F.value.token`'),
        expect.stringContaining('`x-samples.3[1].charge_key`'),
      ]);
      expect(screened.problems).toEqual(positional.problems);
    },
  );
});
