/**
 * Live credentials anywhere in a spec (examples, defaults, extensions, descriptions), on every run
 * and for every spec, ours or a third party's: the spec is published, served by the mock and
 * copied into apps. The line names the file, the position and the key; never the value.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { secretKind } from '../lint-rules/secret-patterns.js';
import type { Problem } from './problem.ts';
import { at } from './spec-sources.ts';
import type { SourceFile } from './yaml-source.ts';

export function findSecrets(files: Iterable<SourceFile>): Problem[] {
  const problems: Problem[] = [];
  for (const source of files) {
    const walk = (node: unknown, key: string, trail: string) => {
      if (isScalar(node)) {
        const kind = secretKind(node.value, key);
        if (kind)
          problems.push({
            ...at(source, node),
            rule: 'no-secrets',
            message: `${trail ? `\`${trail}\`` : 'the document'} holds what looks like a live ${kind} (value not shown)`,
            fix: 'replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
          });
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
