/** Debian's Chromium through playwright-core (CI installs it with apt-get; see .ci/run). */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = () => fs.existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A context whose pages may use the clipboard on the served site's origin (the copy buttons);
 * `options` as `browser.newContext` takes them (a viewport).
 */
export async function clipboardContext(
  browser: Browser,
  siteUrl: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: siteUrl.replace(/\/$/, ''),
  });
  return context;
}
