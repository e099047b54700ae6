/**
 * Puts the example check in front of Redocly's Ajv in the lint's example rules. Ajv compiles each
 * schema into code before it validates anything; on Car Owner that compile was about 170 ms of a
 * 330 ms lint+bundle, for examples that are valid. Here `getValidator` plans the schema
 * (plan.ts) and returns a validator that asks Ajv only when the check is not sure the example is
 * valid (evaluate.ts): an invalid example, or a schema outside the plan's subset, is compiled and
 * reported by Ajv exactly as before, with Ajv's messages.
 *
 * test/pipeline/example-check.test.ts runs the check beside Ajv over the JSON Schema test suite,
 * the fixtures' and the real-world specs' examples, and mutations of them: wherever the check is
 * sure, Ajv agrees.
 */
import { ajvValidatorPrototype, type GetValidator, type ValidateFunction } from '../redocly-ajv.ts';
import { surelyValid, type CheckContext } from './evaluate.ts';
import { planSchema, type Plan } from './plan.ts';

/** Each schema object's plan, for one lint (a later lint may reuse unchanged documents whose
 * `$ref`s now reach changed ones). */
let plans = {
  '2020': new WeakMap<object, Plan | null>(),
  draft4: new WeakMap<object, Plan | null>(),
};
export const exampleCheckStats = { sure: 0, toAjv: 0, unplannable: 0 };

/** An example the check is about to judge, as a test audits it against Ajv. */
export interface AuditedExample {
  plan: Plan;
  data: unknown;
  context: CheckContext;
  /** Redocly's Ajv on `value`, with the schema, location and rule context of this example. */
  ajvAccepts(value: unknown): boolean;
}
let audit: ((example: AuditedExample) => void) | undefined;

/** Hands each planned example to `fn` before it is judged (for tests; undefined turns it off). */
export function auditExampleChecks(fn: ((example: AuditedExample) => void) | undefined): void {
  audit = fn;
}

function checkingFirst(original: GetValidator): GetValidator {
  return function (this: unknown, schema, loc, resolve, allow, dialect) {
    const plan =
      dialect === '2020' || dialect === 'draft4'
        ? planSchema(schema, loc.source.absoluteRef, dialect, resolve, plans[dialect])
        : undefined;
    if (!plan) {
      exampleCheckStats.unplannable++;
      return original.call(this, schema, loc, resolve, allow, dialect);
    }
    const validator = this;
    const validate: ValidateFunction = function (this: unknown, data, dataCxt) {
      const context = {
        closed: !allow,
        apiContext: (this as { apiContext?: unknown } | undefined)?.apiContext,
      };
      if (audit) {
        const ruleContext = this;
        audit({
          plan,
          data,
          context,
          ajvAccepts: (value) => {
            const ajv = original.call(validator, schema, loc, resolve, allow, dialect);
            return !ajv || Boolean(ajv.call(ruleContext, value, dataCxt));
          },
        });
      }
      if (surelyValid(plan, data, context)) {
        exampleCheckStats.sure++;
        validate.errors = null;
        return true;
      }
      exampleCheckStats.toAjv++;
      const ajv = original.call(validator, schema, loc, resolve, allow, dialect);
      if (!ajv) {
        validate.errors = null; // as Redocly treats a missing validator: nothing to report
        return true;
      }
      const valid = ajv.call(this, data, dataCxt);
      validate.errors = ajv.errors;
      return valid;
    };
    return validate;
  };
}

let active: boolean | undefined;

/** Turns the check on for this process; true when Redocly's class was found and wrapped. */
export function checkExamplesBeforeAjv(): boolean {
  if (active !== undefined) return active;
  const proto = ajvValidatorPrototype();
  if (proto) proto.getValidator = checkingFirst(proto.getValidator);
  active = proto !== undefined;
  return active;
}

/** Called before each lint: plans are made again from the documents as they are now. */
export function forgetPlans(): void {
  plans = { '2020': new WeakMap(), draft4: new WeakMap() };
}
