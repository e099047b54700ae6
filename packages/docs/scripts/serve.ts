/** `pnpm docs:serve [--port N]`: serves packages/docs/dist on http://127.0.0.1:4321/ (Ctrl-C stops). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOCS_DIR } from './build-dist.ts';
import { DEFAULT_PORT, startStaticServer } from './static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
const port = Number(values.port ?? process.env.DOCS_PORT ?? DEFAULT_PORT);
const dist = path.join(DOCS_DIR, 'dist');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(
    'docs:serve: packages/docs/dist is missing: run `pnpm generate && pnpm docs:build` first.',
  );
  process.exit(1);
}
const server = await startStaticServer(dist, port).catch((error: Error) => {
  console.error(`docs:serve: cannot listen on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
});
console.log(`Docs at ${server.url}  (Ctrl-C to stop)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
