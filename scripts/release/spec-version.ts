/** The spec's `info.version`: read it, and rewrite that one scalar leaving the rest of the file as is. */
import fs from 'node:fs';
import path from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import { listApis, loadRedoclyConfig } from '../pipeline/redocly.ts';

/** The root file of the first API in redocly.yaml (`openapi/openapi.yaml`), as `pnpm spec:diff` uses. */
export async function specRootFile(root: string): Promise<string> {
  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  const api = listApis(config, root)[0];
  if (!api) throw new Error('redocly.yaml lists no API under `apis:`');
  return api.root;
}

function versionNode(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const node = parseDocument(text).getIn(['info', 'version'], true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range)
    throw new Error(`${file}: info.version must be a string such as "1.0.0"`);
  return { text, value: node.value, range: node.range };
}

export const readInfoVersion = (file: string): string => versionNode(file).value;

/** Sets `info.version` in place; comments, quoting elsewhere and key order are untouched. */
export function writeInfoVersion(file: string, version: string): void {
  const { text, range } = versionNode(file);
  fs.writeFileSync(file, `${text.slice(0, range[0])}${version}${text.slice(range[1])}`);
}
