/**
 * `pnpm generate`: lint and bundle openapi/, run every generator stage, write the results.
 *   pnpm generate           regenerate everything (atomically)
 *   pnpm generate --check   regenerate in memory and list files that differ from disk
 *   pnpm generate --watch   regenerate on every save under openapi/
 *   pnpm generate --spec <file|folder> [--out DIR] [--check] [--typecheck] [--mini] [--allow-ref DIR|URL]...
 *                           any OpenAPI 3.0/3.1 document through every stage (scripts/spec-mode/);
 *                           --mini adds the validators' Zod Mini build
 */
// package.json starts this with --max-semi-space-size=32, so the young generation is the same
// on every Node version. At 8 MB (the flag until 2026-12-04) the scavenges on GitHub's spec took
// 2.5 s over both threads against 1.6-1.9 s at 32 MB, which costs about 110 MiB more peak memory
// there (825-860 against 715-745 MiB) and 45 MiB on Car Owner (241-244 against 196-201 MiB, 1.1x
// the largest peer's); bench/README.md. V8's flags are process-wide: a worker gets the same.
import * as nodeModule from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// V8's code cache on disk (Node's compile cache, in the OS temp folder) for every module loaded
// after this line: TypeScript, Redocly, Prettier and the stages are compiled once, not on every
// run. The pipeline is therefore imported below, in main(), not statically above.
nodeModule.enableCompileCache?.(); // Node >= 22.1; absent on older Node

const USAGE =
  'usage: pnpm generate [--check | --watch] [--help]\n       pnpm generate --spec <file|folder> [--out DIR] [--check] [--typecheck] [--mini] [--allow-ref DIR|URL]...';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        check: { type: 'boolean' },
        watch: { type: 'boolean' },
        spec: { type: 'string' },
        out: { type: 'string' },
        typecheck: { type: 'boolean' },
        mini: { type: 'boolean' },
        'allow-ref': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`pnpm generate: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (flags.check && flags.watch) {
    console.error(`pnpm generate: --check and --watch cannot be combined\n${USAGE}`);
    return 2;
  }
  if (flags.spec !== undefined) {
    if (flags.watch) {
      console.error(`pnpm generate: --spec and --watch cannot be combined\n${USAGE}`);
      return 2;
    }
    const { runSpecMode } = await import('./spec-mode/cli.ts');
    return runSpecMode(flags.spec, {
      out: flags.out,
      check: flags.check ?? false,
      typecheck: flags.typecheck ?? false,
      mini: flags.mini ?? false,
      allowedRefs: flags['allow-ref'] ?? [],
    });
  }
  if (flags.out !== undefined || flags.typecheck || flags.mini || flags['allow-ref']) {
    console.error(
      `pnpm generate: --out, --typecheck, --mini and --allow-ref need --spec\n${USAGE}`,
    );
    return 2;
  }
  const [
    { runPipeline },
    { defaultWorkerCount, watchWorkerCount },
    { describeFailure },
    { watchPipeline },
  ] = await Promise.all([
    import('./pipeline/orchestrator.ts'),
    import('./pipeline/stage-pool.ts'),
    import('./pipeline/internal-error.ts'),
    import('./pipeline/watch.ts'),
  ]);
  const { stages } = await import('./stages/index.ts');
  if (flags.watch) {
    const workers = watchWorkerCount(defaultWorkerCount());
    const watcher = await watchPipeline({ root, stages, workers });
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    watcher.close();
    return 0;
  }
  try {
    const { stale } = await runPipeline({
      root,
      stages,
      check: flags.check ?? false,
      workers: defaultWorkerCount(),
    });
    if (flags.check && stale.length) {
      for (const file of stale) console.error(`${file} is stale — run pnpm generate`);
      return 1;
    }
    return 0;
  } catch (error) {
    // located problems, or one line for an internal error: never a stack trace
    const { lines, exitCode } = describeFailure(error);
    for (const line of lines) console.error(line);
    return exitCode;
  }
}

process.exitCode = await main();
