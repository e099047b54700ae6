/**
 * `pnpm exec tsx packages/docs/scripts/screenshots.ts`: the README's screenshots of a namespace
 * page at 1280 and 390 px, taken in Chromium (playwright-core) from packages/docs/dist.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DOCS_DIR } from './build-dist.ts';
import { startStaticServer } from './static-server.ts';

const OUT = path.join(DOCS_DIR, 'screenshots');
const PAGE = 'vehicles.html#op-listVehicles';

const server = await startStaticServer(path.join(DOCS_DIR, 'dist'), 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const [name, viewport] of [
    ['namespace-1280.png', { width: 1280, height: 860 }],
    ['namespace-390.png', { width: 390, height: 844 }],
  ] as const) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.url}${PAGE}`);
    await page.screenshot({ path: path.join(OUT, name) });
    await page.close();
  }
  console.log(`screenshots in ${path.relative(process.cwd(), OUT)}`);
} finally {
  await browser.close();
  await server.close();
}
