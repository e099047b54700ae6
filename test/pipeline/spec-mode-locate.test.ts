/** `--spec`'s root detection reads the version key cheaply, without being fooled by nested keys. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { locateRoot } from '../../scripts/spec-mode/locate.ts';

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-locate-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as SpecError).lines.join('\n');
  }
  return 'no error';
};

describe('locateRoot', () => {
  it('finds the one top-level openapi document among split files', () => {
    const dir = folder({
      'api.yaml':
        "# comment\nopenapi: '3.1.0' # trailing\ninfo: { title: t, version: '1' }\npaths: {}\n",
      'schemas.yaml':
        'Pet:\n  description: |\n    openapi: 3.0.0 is a string here\n  type: object\n',
    });
    expect(locateRoot(dir)).toBe(path.join(dir, 'api.yaml'));
  });

  it('reads a flow-style root and JSON by parsing them', () => {
    const flow = folder({
      'a.yaml': '{openapi: 3.0.3, info: {title: t, version: "1"}, paths: {}}\n',
    });
    expect(locateRoot(flow)).toBe(path.join(flow, 'a.yaml'));
    const json = folder({
      'a.json': JSON.stringify({ info: { x: { openapi: 'no' } }, openapi: '3.0.0' }),
    });
    expect(locateRoot(json)).toBe(path.join(json, 'a.json'));
  });

  it('refuses Swagger 2.0 and other versions with the fix', () => {
    const swagger = folder({ 'openapi.yaml': 'swagger: "2.0"\ninfo: {title: t, version: "1"}\n' });
    expect(message(() => locateRoot(swagger))).toMatch(
      /Swagger 2\.0 is not supported — convert it/,
    );
    const four = folder({ 'openapi.yaml': 'openapi: 4.0.0\n' });
    expect(message(() => locateRoot(four))).toMatch(/`openapi: '4\.0\.0'` is not supported/);
  });
});
