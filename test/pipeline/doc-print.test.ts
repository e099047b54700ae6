/**
 * printDoc marks the groups' breaks in its own pass and tells the patched printer to skip
 * Prettier's `propagateBreaks`: the layout must be Prettier's own, for any document built of the
 * pieces the layout printers use, shared subtrees and conditional groups included.
 */
import fc from 'fast-check';
import { builders, printer, type builders as B } from 'prettier/doc';
import { util } from 'prettier';
import { describe, expect, it } from 'vitest';
import { printDoc, stringWidth } from '../../scripts/pipeline/doc-print.ts';
import { PRINT_WIDTH } from '../../scripts/pipeline/print-literals.ts';

const { breakParent, conditionalGroup, fill, group, hardline, ifBreak, indent, label, line } =
  builders;
const { softline, indentIfBreak, lineSuffixBoundary } = builders;

/** A recipe for a document, built twice: each printer mutates the groups it marks. */
type Recipe =
  | { kind: 'text'; text: string }
  | { kind: 'line' | 'softline' | 'hardline' | 'breakParent' | 'boundary' }
  | { kind: 'concat' | 'fill'; parts: Recipe[] }
  | { kind: 'group'; contents: Recipe; shouldBreak: boolean }
  | { kind: 'conditional'; states: Recipe[] }
  | { kind: 'indent' | 'label' | 'indentIfBreak'; contents: Recipe }
  | { kind: 'ifBreak'; broken: Recipe; flat: Recipe }
  | { kind: 'shared'; contents: Recipe; uses: number };

const recipe: fc.Arbitrary<Recipe> = fc.letrec<{ doc: Recipe }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('text' as const),
      text: fc.stringMatching(/^[a-z(),.{} ]{0,30}$/),
    }),
    fc.record({
      kind: fc.constantFrom(
        'line' as const,
        'softline' as const,
        'hardline' as const,
        'breakParent' as const,
        'boundary' as const,
      ),
    }),
    fc.record({
      kind: fc.constantFrom('concat' as const, 'fill' as const),
      parts: fc.array(tie('doc'), { maxLength: 5 }),
    }),
    fc.record({
      kind: fc.constant('group' as const),
      contents: tie('doc'),
      shouldBreak: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('conditional' as const),
      states: fc.array(tie('doc'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constantFrom('indent' as const, 'label' as const, 'indentIfBreak' as const),
      contents: tie('doc'),
    }),
    fc.record({ kind: fc.constant('ifBreak' as const), broken: tie('doc'), flat: tie('doc') }),
    fc.record({
      kind: fc.constant('shared' as const),
      contents: tie('doc'),
      uses: fc.integer({ min: 2, max: 3 }),
    }),
  ),
})).doc;

const GROUP_ID = Symbol('g');

function build(r: Recipe): B.Doc {
  switch (r.kind) {
    case 'text':
      return r.text;
    case 'line':
      return line;
    case 'softline':
      return softline;
    case 'hardline':
      return hardline;
    case 'breakParent':
      return breakParent;
    case 'boundary':
      return lineSuffixBoundary;
    case 'concat':
      return r.parts.map(build);
    case 'fill':
      // fill alternates content and separators
      return fill(r.parts.flatMap((p, i) => (i ? [line, build(p)] : [build(p)])));
    case 'group':
      return group(build(r.contents), { shouldBreak: r.shouldBreak });
    case 'conditional': {
      // the states share one subtree, as the call-argument layouts' states share the last argument
      const shared = build(r.states[0]!);
      return conditionalGroup(r.states.map((s, i) => (i ? [build(s), shared] : shared)));
    }
    case 'indent':
      return indent(build(r.contents));
    case 'label':
      return label('member-chain', build(r.contents));
    case 'indentIfBreak':
      return [
        group('x', { id: GROUP_ID }),
        indentIfBreak(build(r.contents), { groupId: GROUP_ID }),
      ];
    case 'ifBreak':
      return ifBreak(build(r.broken), build(r.flat));
    case 'shared': {
      const once = build(r.contents);
      return group(Array.from({ length: r.uses }, () => once));
    }
  }
}

const prettiers = (doc: B.Doc) =>
  printer.printDocToString(doc, { printWidth: PRINT_WIDTH, tabWidth: 2 }).formatted;

describe('printDoc', () => {
  it('lays out every generated document as Prettier does with its own break pass', () => {
    fc.assert(
      fc.property(recipe, (r) => {
        expect(printDoc(build(r))).toBe(prettiers(build(r)));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('breaks a group whose conditional-group child holds a hard line only through that child', () => {
    const long = 'x'.repeat(PRINT_WIDTH);
    const make = () =>
      group(['a(', indent([softline, conditionalGroup([['b', hardline, 'c']])]), softline, ')']);
    // the conditional group takes the break but passes it on to nothing: the outer group stays flat
    expect(printDoc(make())).toBe(prettiers(make()));
    const broken = () => group(['a(', indent([softline, group([long, hardline])]), softline, ')']);
    expect(printDoc(broken())).toBe('a(\n  ' + long + '\n\n)');
    expect(prettiers(broken())).toBe(printDoc(broken()));
  });
});

describe('patches/prettier@3.10.1.patch', () => {
  it('is applied: the printer skips its break pass when told the breaks are marked', () => {
    // a group around a hard line, not marked: Prettier's own pass would break it
    const make = () => group(['(', softline, 'a', hardline, 'b', softline, ')']);
    const options = { printWidth: PRINT_WIDTH, tabWidth: 2 };
    expect(printer.printDocToString(make(), options).formatted).toBe('(\na\nb\n)');
    expect(
      printer.printDocToString(make(), { ...options, breaksPropagated: true } as typeof options)
        .formatted,
    ).toBe('(a\nb)');
  });

  it("exports the printer's own text width, as Prettier's index measures it", () => {
    expect(typeof stringWidth).toBe('function');
    for (const text of ['abc', 'blåbær', '車検', '👍🏽 ok', 'e\u0301', '\u0007x', '©'])
      expect(stringWidth(text)).toBe(util.getStringWidth(text));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(stringWidth(text)).toBe(util.getStringWidth(text));
      }),
      { numRuns: 1000 },
    );
  });
});
