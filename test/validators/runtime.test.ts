/** The hand-written runtime checks, on the cases where Zod's built-ins or Ajv differ. */
import { describe, expect, it } from 'vitest';
import { codePointLength, isMultipleOf } from '../../packages/validators/src/runtime/checks.ts';
import { isDate, isDateTime } from '../../packages/validators/src/runtime/formats.ts';

describe('runtime checks', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('\u{1F697}')).toBe(1);
    expect('\u{1F697}'.length).toBe(2);
    expect(codePointLength('\uD83D')).toBe(1);
  });
  it('multipleOf is decimal-exact (Ajv says 0.3 is not a multiple of 0.1; the spec uses no multipleOf)', () => {
    expect(isMultipleOf(0.3, 0.1)).toBe(true);
    expect(isMultipleOf(0.35, 0.1)).toBe(false);
    expect(isMultipleOf(2 ** 60, 2)).toBe(true);
  });
  it('checks calendar days and leap seconds', () => {
    expect([isDate('2024-02-29'), isDate('2023-02-29'), isDate('2026-04-31')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      isDateTime('2016-12-31T23:59:60Z'),
      isDateTime('2016-12-31T22:59:60Z'),
      isDateTime('2016-12-31T23:59:60+01:00'),
    ]).toEqual([true, false, false]);
  });
});
