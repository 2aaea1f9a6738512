import { describe, expect, it } from 'vitest';
import { mayRecord, mayRetract, personalDataView, PROFILE_RECORDERS, recordersOf } from './access.js';
import { PERSON_FACT_TYPES, PROGRAM_FACT_TYPES } from './facts.js';
import { ROLES } from './roles.js';

describe('who may record what', () => {
  it('gives court orders, stays, appeals and protections to legal, case facts to officers', () => {
    expect(recordersOf('stay')).toEqual(['legal', 'admin']);
    expect(recordersOf('appeal')).toEqual(['legal', 'admin']);
    expect(recordersOf('protection')).toEqual(['legal', 'admin']);
    expect(recordersOf('class_order')).toEqual(['legal', 'admin']);
    expect(recordersOf('final_order')).toEqual(['officer', 'admin']);
    expect(recordersOf('tps_designation')).toEqual(['admin']);
    expect(PROFILE_RECORDERS).toEqual(['officer', 'admin']);
  });

  it('lets an auditor and a planner record nothing, and retract only what one may record', () => {
    for (const type of [...PERSON_FACT_TYPES, ...PROGRAM_FACT_TYPES]) {
      expect(mayRecord('auditor', type)).toBe(false);
      expect(mayRecord('planner', type)).toBe(false);
      for (const role of ROLES) if (mayRetract(role, type)) expect(mayRecord(role, type)).toBe(true);
    }
    expect(mayRetract('officer', 'stay')).toBe(false);
    expect(mayRetract('legal', 'stay')).toBe(true);
  });

  it('masks personal data for planners, and for auditors unless they give a reason', () => {
    expect(ROLES.map((r) => [r, personalDataView(r)])).toEqual([
      ['officer', 'unmasked'],
      ['planner', 'masked'],
      ['legal', 'unmasked'],
      ['supervisor', 'unmasked'],
      ['auditor', 'masked-unless-reason'],
      ['admin', 'unmasked'],
    ]);
  });
});
