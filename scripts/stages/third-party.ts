/**
 * Third-party mode, for specs this repository does not own (scripts/real-world/ runs the
 * real-world fixtures with it). A stage given this mode skips what it cannot generate and reports
 * each gap through `warn` instead of failing the run. `pnpm generate` never passes it: for the
 * Car Owner spec every gap stays a loud failure.
 */
export interface ThirdPartyMode {
  /** Receives one line per skipped or weakened item, naming the stage and what was skipped. */
  warn(line: string): void;
  /**
   * Also emit the validators' Zod Mini build (`generated/mini/`, `pnpm generate --spec … --mini`).
   * Off by default, as in Hey API's zod plugin (`compatibilityVersion: 'mini'`): it doubles the
   * validator modules an app's `tsc` and the pipeline handle (GitHub's spec: 4,470 modules
   * instead of 2,236, the type-check of the output 23 s instead of 15 s; bench/README.md). The
   * house package always has it: `@minbil/car-owner-validators/mini` is published.
   */
  mini?: boolean;
}

/** House mode (no `mode`): throws `error`. Third-party mode: reports `line` and returns. */
export function unsupported(mode: ThirdPartyMode | undefined, error: Error, line: string): void {
  if (!mode) throw error;
  mode.warn(line);
}

/** The same mode, reporting each distinct line once (create one per run: a stage meets a gap often). */
export function reportOnce(mode: ThirdPartyMode | undefined): ThirdPartyMode | undefined {
  if (!mode) return undefined;
  const seen = new Set<string>();
  return {
    warn(line) {
      if (seen.has(line)) return;
      seen.add(line);
      mode.warn(line);
    },
  };
}
