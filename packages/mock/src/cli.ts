#!/usr/bin/env node
/**
 * `pnpm mock [--port 4010]`: the Car Owner API mock on http://127.0.0.1:<port>/api/co until
 * Ctrl-C. Exit codes: 0 after a clean shutdown, 1 when it cannot start, 2 for bad flags.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, DEMO_ACCESS_TOKEN, DEMO_API_KEY } from './constants.ts';
import { createMockServer } from './server.ts';

const USAGE = `usage: pnpm mock [--port <0-65535>] [--help]   (default port ${DEFAULT_PORT})`;

function parsePort(argv: string[]): number | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  if (values.port === undefined) return DEFAULT_PORT;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new Error(
      `--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`,
    );
  return port;
}

async function main(): Promise<number> {
  let port: number | 'help';
  try {
    port = parsePort(process.argv.slice(2).filter((arg) => arg !== '--'));
  } catch (error) {
    console.error(`mock: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (port === 'help') {
    console.log(USAGE);
    return 0;
  }
  let server;
  try {
    server = await createMockServer({ port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ` (port ${port} is in use; try --port)` : '';
    console.error(`mock: cannot listen on 127.0.0.1:${port}: ${(error as Error).message}${hint}`);
    return 1;
  }
  console.log(`MinBil Car Owner API mock listening on ${server.baseUrl}`);
  console.log(`  demo bearer token: ${DEMO_ACCESS_TOKEN}   x-api-key: ${DEMO_API_KEY}`);
  console.log('  Ctrl-C to stop');
  const running = server;
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      console.log(`\nmock: ${signal}, shutting down`);
      running.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

process.exitCode = await main();
