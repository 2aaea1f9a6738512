/** The notice fact that servings amount to: the period runs once the person and counsel are both served. */
import { describe, expect, it } from 'vitest';
import { noticeFromServings, type NoticeServing } from './notice-serving.js';

const serving = (servedOn: number, to: NoticeServing['to'], noCounselOfRecord = false): NoticeServing => ({
  id: `s${servedOn}`,
  personId: 'P1',
  servedOn,
  to,
  noCounselOfRecord,
  language: 'es',
  method: 'in_person',
  recordedAt: servedOn,
});

describe('notice from servings', () => {
  it('is nothing until the person is served', () => {
    expect(noticeFromServings([])).toBeUndefined();
    expect(noticeFromServings([serving(10, ['counsel'])])).toBeUndefined();
  });

  it('counts from the later of the two servings', () => {
    expect(noticeFromServings([serving(10, ['person'])])).toEqual({ servedOn: 10, counsel: false });
    expect(noticeFromServings([serving(10, ['person']), serving(13, ['counsel'])])).toEqual({
      servedOn: 13,
      counsel: true,
    });
    expect(noticeFromServings([serving(13, ['counsel']), serving(10, ['person'])])).toEqual({
      servedOn: 13,
      counsel: true,
    });
    expect(noticeFromServings([serving(10, ['person', 'counsel'])])).toEqual({ servedOn: 10, counsel: true });
  });

  it('is complete with the person alone once they are recorded as having no counsel of record', () => {
    expect(noticeFromServings([serving(10, ['person'], true)])).toEqual({ servedOn: 10, counsel: true });
  });
});
