/**
 * The specs the pipeline bench measures, each in its own throwaway root: the Car Owner spec
 * (house mode) and the large real-world fixture (third-party mode).
 */
import fs from 'node:fs';
import path from 'node:path';
import { prepareRoot, prepareSupport, REPO_ROOT } from '../scripts/real-world/setup.ts';
import { thirdPartyStages } from '../scripts/stages/index.ts';

/** The large spec; `BENCH_LARGE_SPEC=<file>` picks another, `BENCH_LARGE_SPEC=none` skips it. */
export const STRIPE = path.resolve(
  REPO_ROOT,
  process.env.BENCH_LARGE_SPEC ?? '../shared/fixtures/real-world/stripe.yaml',
);
/** What `pnpm generate` reads, copied so the bench never writes into the repository. */
const HOUSE_INPUTS = ['openapi', 'redocly.yaml', '.redocly.lint-ignore.yaml', 'scripts/lint-rules'];

export interface Case {
  title: string;
  root: string;
  /** The spec file the peers read. */
  spec: string;
  thirdParty: boolean;
}

export function carOwnerCase(base: string): Case {
  const root = path.join(base, 'car-owner');
  prepareSupport(root);
  for (const entry of HOUSE_INPUTS)
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  return {
    title: 'Car Owner API (openapi/, split source, house rules)',
    root,
    spec: path.join(root, 'openapi/openapi.yaml'),
    thirdParty: false,
  };
}

export function stripeCase(base: string): Case {
  const root = path.join(base, 'large');
  const { spec } = prepareRoot(STRIPE, root, thirdPartyStages({ warn: () => {} }));
  return {
    title: `${path.basename(STRIPE)} (third-party mode)`,
    root,
    spec: path.join(root, spec),
    thirdParty: true,
  };
}
