import { describe, expect, it } from 'vitest';
import { formatPlan, parsePlan } from './plan-json.js';

describe('plan files', () => {
  const plan = {
    assignments: [{ person: 'P1', flight: 'FL1' }],
    unassigned: [{ person: 'P2', reasons: ['TPS_PROTECTED'] }],
    objective: 12_345.5,
    bound: 12_400,
  };

  it('are written in the format of the spec and read back', () => {
    const text = formatPlan(plan);
    expect(JSON.parse(text)).toEqual(plan);
    expect(parsePlan(text)).toEqual({ ok: true, value: plan });
  });

  it('name the record and field of a problem', () => {
    const bad = parsePlan(JSON.stringify({ ...plan, unassigned: [{ person: 'P2', reasons: 'TPS' }] }));
    expect(bad).toEqual({
      ok: false,
      issues: [
        { record: 'plan, unassigned person #1', field: 'reasons', reason: expect.any(String) as string },
      ],
    });
    expect(parsePlan('{').ok).toBe(false);
    const noBound = parsePlan(JSON.stringify({ ...plan, bound: undefined }));
    expect(noBound.ok ? [] : noBound.issues.map((i) => `${i.record} ${i.field}`)).toEqual(['plan bound']);
  });
});
