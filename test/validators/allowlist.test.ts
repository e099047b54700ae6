/** One test per allowlist entry: the disagreement exists, and it is the one the entry describes. */
import { describe, expect, it } from 'vitest';
import { isDateTime, isUuid } from '../../packages/validators/src/runtime/formats.ts';
import * as v from '../../packages/validators/src/generated/index.ts';
import { ALLOWLIST, RESPONSE_TOLERANCE } from './allowlist.ts';
import { Oracle } from './support/oracle.ts';
import { spec } from './support/targets.ts';

const ajv = new Oracle(spec);
const entry = (id: string) => {
  const found = ALLOWLIST.find((e) => e.id === id);
  if (!found) throw new Error(`no allowlist entry ${id}`);
  return { found, adjusted: new Oracle(spec, found.formats) };
};
const component = (name: string) => ({
  pointer: `#/components/schemas/${name}`,
  schema: undefined,
});

describe('allowlist', () => {
  it('has a reason for every entry', () => {
    for (const e of [...ALLOWLIST, RESPONSE_TOLERANCE]) expect(e.reason.length).toBeGreaterThan(40);
  });

  it('date-time-rfc3339: Ajv takes a space or newline separator and short offsets; RFC 3339 does not', () => {
    const { adjusted } = entry('date-time-rfc3339');
    const meta = (value: string) => ({
      request_id: '123e4567-e89b-12d3-a456-426614174000',
      generated_at: value,
    });
    const format = (value: string) => ajv.validator(component('ResponseMeta'))(meta(value));
    for (const lenient of [
      '2026-02-12 10:00:00Z',
      '2026-02-12\n10:00:00Z',
      '2026-02-12T10:00:00+0100',
      '2026-02-12T10:00:00+01',
    ]) {
      expect(format(lenient)).toBe(true);
      expect(isDateTime(lenient)).toBe(false);
      expect(v.ResponseMetaSchema.safeParse(meta(lenient)).success).toBe(false);
      expect(adjusted.validator(component('ResponseMeta'))(meta(lenient))).toBe(false);
    }
    for (const agreed of [
      '2026-02-12T10:00:00Z',
      '2026-02-12t10:00:00.5z',
      '2026-02-12T10:00:00-05:30',
      '2016-12-31T23:59:60Z',
    ])
      expect([format(agreed), v.ResponseMetaSchema.safeParse(meta(agreed)).success]).toEqual([
        true,
        true,
      ]);
  });

  it('uuid-without-urn: Ajv takes urn:uuid:<uuid>; the RFC 4122 string form has no prefix', () => {
    const { adjusted } = entry('uuid-without-urn');
    const value = 'urn:uuid:123e4567-e89b-12d3-a456-426614174000';
    const pointer = '#/components/schemas/ResponseMeta/properties/request_id';
    expect(ajv.pointer(pointer)(value)).toBe(true);
    expect(adjusted.pointer(pointer)(value)).toBe(false);
    expect(isUuid(value)).toBe(false);
    expect(
      v.ResponseMetaSchema.safeParse({ request_id: value, generated_at: '2026-01-01T00:00:00Z' })
        .success,
    ).toBe(false);
    expect(isUuid(value.slice(9).toUpperCase())).toBe(true);
  });

  it('response-tolerance: unknown keys pass in responses, fail in the strict request body', () => {
    const settings = {
      preferences: Object.fromEntries(
        [
          'booking.requested',
          'booking.accepted',
          'booking.declined',
          'booking.updated',
          'booking.completed',
          'message.new',
          'rating.reminder',
        ].map((event) => [event, { email: true, push: false, sms: true }]),
      ),
    };
    expect(ajv.validator(component('NotificationSettingsResponse'))(settings)).toBe(false);
    expect(v.getNotificationSettingsResponse200.safeParse(settings).success).toBe(true);
    expect(v.getNotificationSettingsResponse200.parse(settings)).toEqual(settings);
    expect(v.NotificationSettingsResponseSchema.safeParse(settings).success).toBe(false);

    const update = { 'booking.accepted': { email: true }, 'booking.exploded': { push: true } };
    expect(ajv.validator(component('NotificationPreferences'))(update)).toBe(false);
    expect(v.updateNotificationSettingsRequestBody.safeParse(update).success).toBe(false);
    expect(
      v.updateNotificationSettingsRequestBody.safeParse({ 'booking.accepted': { email: true } })
        .success,
    ).toBe(true);
    expect(v.updateNotificationSettingsRequestBody.safeParse({}).success).toBe(false);
  });

  it('no longer an entry: an own __proto__ key is validated and kept in the parsed value', () => {
    const value = JSON.parse(
      '{"request_id": "123e4567-e89b-12d3-a456-426614174000", "generated_at": "2026-02-12T10:00:00Z", "__proto__": {"x": 1}}',
    );
    expect(ajv.validator(component('ResponseMeta'))(value)).toBe(true);
    const parsed = v.ResponseMetaSchema.parse(value);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(parsed).toStrictEqual(value);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
