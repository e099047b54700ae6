/**
 * Live credentials anywhere in a spec (examples, defaults, extensions, descriptions), on every run
 * and for every spec, ours or a third party's: the spec is published, served by the mock and
 * copied into apps. The line names the file, the position and the key; never the value.
 */
import fs from 'node:fs';
import { yaml } from './yaml-core.ts';
import { secretKind } from '../lint-rules/secret-patterns.js';
import { jsonValueOffsets, lineCols } from './json-locate.ts';
import type { Problem } from './problem.ts';
import type { SecretSite } from './spec-screen.ts';
import { at } from './spec-sources.ts';
import { nodeAt, parseSource, type SourceFile } from './yaml-source.ts';

const { isMap, isPair, isScalar, isSeq } = yaml;

function secretProblem(
  place: { file: string; line: number; col: number },
  trail: string,
  kind: string,
): Problem {
  return {
    ...place,
    rule: 'no-secrets',
    message: `${trail ? `\`${trail}\`` : 'the document'} holds what looks like a live ${kind} (value not shown)`,
    fix: 'replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  };
}

export function findSecrets(files: Iterable<SourceFile>): Problem[] {
  const problems: Problem[] = [];
  for (const source of files) {
    const walk = (node: unknown, key: string, trail: string) => {
      if (isScalar(node)) {
        const kind = secretKind(node.value, key);
        if (kind) problems.push(secretProblem(at(source, node), trail, kind));
      } else if (isMap(node)) {
        for (const pair of node.items)
          if (isPair(pair) && isScalar(pair.key)) {
            const k = String(pair.key.value);
            walk(pair.value, k, trail ? `${trail}.${k}` : k);
          }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, key, `${trail}[${i}]`));
      }
    };
    walk(source.doc.contents, '', '');
  }
  return problems;
}

/** `a.b[0].c`, as findSecrets spells a value's place. */
const trailOf = (path: readonly (string | number)[]) =>
  path.reduce<string>(
    (trail, segment) =>
      typeof segment === 'number'
        ? `${trail}[${segment}]`
        : trail
          ? `${trail}.${segment}`
          : segment,
    '',
  );

/** A JSON pointer that yaml-source.ts `nodeAt` reads back to `path` (it %-decodes each part). */
const pointerOf = (path: readonly (string | number)[]) =>
  path
    .map((s) => `/${encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1'))}`)
    .join('');

/**
 * The secrets the screen listed (spec-screen.ts), located and reported as findSecrets reports
 * them, in the same order (file by file, then by position): a JSON file by a scan to each value
 * (json-locate.ts), any other file by its positional parse, only for the files that hold one.
 */
export function locateSecrets(
  sites: readonly SecretSite[],
  fileOrder: Iterable<string>,
  /** A file's text where the caller holds it already (else it is read). */
  textOf: (file: string) => string | undefined = () => undefined,
): Problem[] {
  const order = new Map([...fileOrder].map((file, i) => [file, i]));
  const located: { problem: Problem; offset: number }[] = [];
  const byFile = new Map<string, SecretSite[]>();
  for (const site of sites) byFile.set(site.file, [...(byFile.get(site.file) ?? []), site]);
  for (const [file, inFile] of byFile) {
    let places: ({ line: number; col: number; offset: number } | undefined)[];
    if (/\.json$/i.test(file)) {
      const text = textOf(file) ?? fs.readFileSync(file, 'utf8');
      const offsets = jsonValueOffsets(
        text,
        inFile.map((site) => site.path),
      );
      const positions = lineCols(
        text,
        offsets.map((offset) => offset ?? 0),
      );
      places = offsets.map((offset, i) =>
        offset === undefined ? undefined : { ...positions[i]!, offset },
      );
    } else {
      const source = parseSource(file);
      places = inFile.map((site) => {
        const node = nodeAt(source, pointerOf(site.path));
        const offset = node?.range?.[0];
        return offset === undefined ? undefined : { ...source.lines.linePos(offset), offset };
      });
    }
    inFile.forEach((site, i) => {
      const place = places[i];
      const where = { file, line: place?.line ?? 1, col: place?.col ?? 1 };
      located.push({
        problem: secretProblem(where, trailOf(site.path), site.kind),
        offset: place?.offset ?? 0,
      });
    });
  }
  return located
    .sort(
      (a, b) =>
        (order.get(a.problem.file) ?? 0) - (order.get(b.problem.file) ?? 0) || a.offset - b.offset,
    )
    .map((l) => l.problem);
}
