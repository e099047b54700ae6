/** The one error generation throws: it names the keyword and the JSON pointer it sits at. */
export class ValidatorGenerationError extends Error {
  readonly keyword: string;
  readonly pointer: string;

  constructor(keyword: string, pointer: string, reason: string) {
    super(`validators: \`${keyword}\` at ${pointer}: ${reason}`);
    this.name = 'ValidatorGenerationError';
    this.keyword = keyword;
    this.pointer = pointer;
  }
}
