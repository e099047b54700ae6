/** Builds a spec's site into a scratch dist (pages + assets + mock) and serves it on 127.0.0.1. */
import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIV3_1 } from '../../../scripts/pipeline/openapi-types.ts';
import { buildSite, SITE_DIR, type SiteOptions } from '../../../scripts/stages/docs/index.ts';
import { buildDist } from '../../../packages/docs/scripts/build-dist.ts';
import { startStaticServer } from '../../../packages/docs/scripts/static-server.ts';
import { scratchDir, writeSite } from './spec.ts';

export interface ServedSite {
  url: string;
  dir: string;
  mock: boolean;
  close(): Promise<void>;
}

export async function serveSpec(
  spec: OpenAPIV3_1.Document,
  name: string,
  options: SiteOptions = {},
): Promise<ServedSite> {
  const dir = scratchDir(name);
  const site = path.join(dir, 'site');
  writeSite(buildSite(spec, SITE_DIR, options), SITE_DIR, site);
  const { outDir, mock } = await buildDist({ siteDir: site, outDir: path.join(dir, 'dist') });
  const server = await startStaticServer(outDir, 0);
  return {
    url: server.url,
    dir,
    mock,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
