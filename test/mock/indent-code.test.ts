/**
 * The mock's Ajv modules are Ajv's own text, indented: braces inside strings and comments must not
 * shift the code, and nothing but leading whitespace may change.
 */
import { describe, expect, it } from 'vitest';
import { indentCode } from '../../scripts/stages/mock/indent-code.ts';
import { standaloneModuleSource } from '../../scripts/stages/mock/standalone.ts';

describe('indentCode', () => {
  it('indents blocks, and a line that closes one and opens another sits at the outer level', () => {
    const code = [
      'function f(data){',
      'if(data){',
      'return 1;',
      '}',
      'else {',
      'return 2;',
      '}',
      '}',
    ];
    expect(indentCode(code.join('\n')).split('\n')).toEqual([
      'function f(data){',
      '  if(data){',
      '    return 1;',
      '  }',
      '  else {',
      '    return 2;',
      '  }',
      '}',
    ]);
  });

  it('ignores braces in strings, escaped quotes, and comments', () => {
    const code = [
      'function f(){',
      'const a = "{ \\" {";',
      "const b = '}}';",
      'const c = {"k":"{"};',
      '/*# sourceURL="https://x.invalid/{" */;',
      'return a; // }',
      '}',
      'const d = 1;',
    ];
    expect(indentCode(code.join('\n')).split('\n')).toEqual([
      'function f(){',
      '  const a = "{ \\" {";',
      "  const b = '}}';",
      '  const c = {"k":"{"};',
      '  /*# sourceURL="https://x.invalid/{" */;',
      '  return a; // }',
      '}',
      'const d = 1;',
    ]);
  });

  it("changes nothing but leading whitespace in Ajv's code for a schema with braces in its data", () => {
    const schema = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', pattern: '^\\{[a-z]+\\}$', enum: ['{a}', "'}'"] } },
    };
    const source = standaloneModuleSource({
      coerce: false,
      components: {},
      schemas: new Map([['json0', schema]]),
    });
    const indented = indentCode(source);
    const strip = (text: string) => text.split('\n').map((line) => line.trimStart());
    expect(strip(indented)).toEqual(strip(source));
    // every block opened in the code is closed at the level it opened: the module ends at depth 0
    expect(indented.trimEnd().split('\n').at(-1)).not.toMatch(/^\s/);
    expect(indented.split('\n').filter((line) => line.startsWith('    ')).length).toBeGreaterThan(
      0,
    );
  });
});
