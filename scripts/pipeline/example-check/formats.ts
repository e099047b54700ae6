/**
 * The format checks Redocly's Ajv runs: `ajv-formats`' full set, the very functions and patterns
 * Redocly's `addFormats(ajv)` registers (redocly-core.ts exports them from the same copy).
 */
import { redocly } from '../redocly-core.ts';

export const fullFormats = redocly.fullFormats;
