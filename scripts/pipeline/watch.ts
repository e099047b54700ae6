/**
 * `pnpm generate --watch`: regenerate on every save under the spec folders (and redocly.yaml).
 * Runs are serialized and debounced; unchanged stages are reused through the content hashes; a
 * broken save prints its located problems and keeps the last good output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadRedoclyConfig } from './redocly.ts';
import { runPipeline, type RunOptions } from './orchestrator.ts';
import { internalErrorLine } from './internal-error.ts';
import { SpecError } from './spec-error.ts';
import { keepParsesBetweenRuns } from './spec-sources.ts';
import { keepDocumentsBetweenRuns } from './ref-confinement.ts';
import { keepExampleValidatorsBetweenLints } from './redocly-example-validators.ts';
import { createPool, watchWorkerCount } from './stage-pool.ts';
import { resolveTargets } from './targets.ts';

export interface Watcher {
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>;
  close(): void;
}

export async function watchPipeline(
  options: RunOptions & { debounceMs?: number },
): Promise<Watcher> {
  const log = options.log ?? console.log;
  const { root } = options;
  keepParsesBetweenRuns();
  keepDocumentsBetweenRuns();
  await keepExampleValidatorsBetweenLints();
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  // one pool for every rerun: its threads keep their loaded modules, so a save pays no start-up
  const pool = options.pool ?? createPool(watchWorkerCount(options.workers ?? 0), options.stages);

  const runOnce = async () => {
    try {
      await runPipeline({ ...options, pool, check: false, log, watching: true });
    } catch (error) {
      // a broken save, or an internal error as one line: the watcher keeps running either way
      const lines =
        error instanceof SpecError
          ? error.lines
          : [internalErrorLine(error, 'pnpm generate --watch')];
      for (const line of lines) log(line);
      log('keeping the last good output; waiting for the next save');
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (pending) return;
      pending = true;
      running = running.then(async () => {
        pending = false;
        await runOnce();
      });
    }, options.debounceMs ?? 100);
  };

  await runOnce();
  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  const folders = new Set(
    resolveTargets(config, root, options.stages).map((t) => path.dirname(t.root)),
  );
  const watchers = [
    ...[...folders].map((dir) => fs.watch(dir, { recursive: true }, schedule)),
    fs.watch(path.join(root, 'redocly.yaml'), schedule),
  ];
  log(
    `watching ${[...folders].map((f) => path.relative(root, f) || '.').join(', ')} and redocly.yaml (Ctrl-C to stop)`,
  );
  return {
    idle: async () => {
      await new Promise((r) => setTimeout(r, (options.debounceMs ?? 100) + 20));
      await running;
    },
    close: () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      if (pool !== options.pool) void pool?.close();
    },
  };
}
