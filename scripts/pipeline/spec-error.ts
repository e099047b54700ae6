/**
 * A problem in the input (spec, config, flags) that the user must fix. The CLI prints `lines`
 * (each naming the file, the location and the rule) and exits non-zero; nothing is written.
 */
export class SpecError extends Error {
  readonly lines: readonly string[];
  constructor(
    lines: readonly string[],
    summary = `${lines.length} problem${lines.length === 1 ? '' : 's'} in the spec`,
  ) {
    super(`${summary}:\n${lines.join('\n')}`);
    this.lines = lines;
    this.name = 'SpecError';
  }
}
