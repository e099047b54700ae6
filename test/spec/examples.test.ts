// Every example in the spec validates against its schema with Ajv (JSON Schema 2020-12 + formats).
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { createSpecValidator } from '../support/ajv.ts';
import { deref, listOperations, loadBundledSpec } from '../support/spec.ts';

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);

interface Case {
  where: string;
  schema: unknown;
  value: unknown;
}

function mediaCases(
  where: string,
  content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined,
): Case[] {
  const out: Case[] = [];
  for (const [type, media] of Object.entries(content ?? {})) {
    if (media.example !== undefined)
      out.push({ where: `${where} ${type} example`, schema: media.schema, value: media.example });
    for (const [name, ex] of Object.entries(media.examples ?? {})) {
      const example = deref<OpenAPIV3_1.ExampleObject>(spec, ex);
      out.push({
        where: `${where} ${type} example ${name}`,
        schema: media.schema,
        value: example.value,
      });
    }
  }
  return out;
}

const cases: Case[] = [];
for (const { method, path, operation, pathItem } of listOperations(spec)) {
  const id = `${method.toUpperCase()} ${path}`;
  for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const param = deref<OpenAPIV3_1.ParameterObject>(spec, p);
    if (param.example !== undefined)
      cases.push({
        where: `${id} parameter ${param.name}`,
        schema: param.schema,
        value: param.example,
      });
  }
  const body =
    operation.requestBody && deref<OpenAPIV3_1.RequestBodyObject>(spec, operation.requestBody);
  if (body) cases.push(...mediaCases(`${id} request body`, body.content));
  for (const [status, r] of Object.entries(operation.responses ?? {})) {
    cases.push(
      ...mediaCases(`${id} ${status}`, deref<OpenAPIV3_1.ResponseObject>(spec, r).content),
    );
  }
}
for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
  for (const [i, value] of ((schema as { examples?: unknown[] }).examples ?? []).entries()) {
    cases.push({
      where: `components.schemas.${name} examples[${i}]`,
      schema: { $ref: `#/components/schemas/${name}` },
      value,
    });
  }
}

describe('spec examples', () => {
  it('has an example for every request body and every 2xx JSON response', () => {
    for (const { method, path, operation } of listOperations(spec)) {
      const body =
        operation.requestBody && deref<OpenAPIV3_1.RequestBodyObject>(spec, operation.requestBody);
      if (body?.content['application/json']) {
        expect(
          cases.some((c) =>
            c.where.startsWith(`${method.toUpperCase()} ${path} request body application/json`),
          ),
        ).toBe(true);
      }
      for (const [status, r] of Object.entries(operation.responses ?? {})) {
        const response = deref<OpenAPIV3_1.ResponseObject>(spec, r);
        if (!status.startsWith('2') || !response.content?.['application/json']) continue;
        expect(
          cases.some((c) =>
            c.where.startsWith(`${method.toUpperCase()} ${path} ${status} application/json`),
          ),
        ).toBe(true);
      }
    }
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s validates', (_where, c) => {
    expect(validator.errorsFor(c.schema, c.value)).toBeNull();
  });

  it('the validator rejects what the document got wrong (so the checks above can fail)', () => {
    const rating = { $ref: '#/components/schemas/RateBookingRequest' };
    expect(validator.errorsFor(rating, { service_rating: 499.0 })).toMatch(/must be <= 5/);
    const cancel = { $ref: '#/components/schemas/CarOwnerCancelBookingRequest' };
    expect(validator.errorsFor(cancel, { booking_id: 1, cancellation_reason: 59.9139 })).toMatch(
      /must be string/,
    );
    const booking = { $ref: '#/components/schemas/BookingCreateInput' };
    const nonIso = {
      org_nr: '921460929',
      service_start_time: '2025-11-30 09:00',
      registration_number: 'BT57225',
    };
    expect(validator.errorsFor(booking, nonIso)).toMatch(/date-time/);
  });
});
