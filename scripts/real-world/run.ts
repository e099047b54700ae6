/**
 * `tsx scripts/real-world/run.ts <spec> [--out DIR]`: generate, type-check and build the docs for
 * any OpenAPI 3.0/3.1 spec with the pipeline's own stages, in DIR (default: a fresh temp folder).
 * Exit 1 when generation, the type-check or the docs fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SpecError } from '../pipeline/spec-error.ts';
import { runRealWorld } from './index.ts';

const USAGE = 'usage: tsx scripts/real-world/run.ts <spec.yaml> [--out DIR]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const spec = positionals[0];
  if (values.help || !spec || positionals.length > 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (!fs.existsSync(spec)) {
    console.error(`${spec}: not found\n${USAGE}`);
    return 2;
  }
  const out = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'real-world-'));
  console.log(`${spec} -> ${out}`);
  try {
    const result = await runRealWorld(spec, out, (line) => console.log(`  ${line}`));
    const { typeCheck, missingDocs, warnings } = result;
    const shown = warnings.slice(0, 30);
    for (const line of shown) console.warn(`warning: ${line}`);
    if (warnings.length > shown.length)
      console.warn(`warning: … and ${warnings.length - shown.length} more`);
    fs.writeFileSync(path.join(out, 'warnings.txt'), warnings.map((w) => `${w}\n`).join(''));
    const kinds = new Map<string, number>();
    for (const line of warnings) {
      const kind = /^(\S+: (?:skipped|format|security))/.exec(line)?.[1] ?? line.split(':')[0]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const summary = [...kinds].map(([kind, n]) => `${kind} ×${n}`).join(', ');
    console.log(
      `third-party  ${warnings.length} warning(s)${summary ? ` (${summary})` : ''}; all in warnings.txt`,
    );
    console.log(
      `type-check   ${typeCheck.ms.toFixed(0)} ms  ${typeCheck.ok ? 'ok' : `${typeCheck.errors.length} error line(s)`}`,
    );
    for (const line of typeCheck.errors.slice(0, 20)) console.error(`  ${line}`);
    for (const file of missingDocs) console.error(`docs: ${file} is missing`);
    console.log(`docs         ${missingDocs.length ? 'incomplete' : 'ok'}`);
    return typeCheck.ok && !missingDocs.length ? 0 : 1;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    for (const line of error.lines) console.error(line);
    return 1;
  }
}

process.exitCode = await main();
