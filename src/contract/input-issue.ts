/**
 * Bad input is an expected outcome, not a crash: every problem names the record, the field
 * and the reason, so that the person who sent it can find and fix it.
 */
export interface InputIssue {
  /** Which record: `scenario "s1", fact "f3"`, `line 17, person "P9"`, … */
  readonly record: string;
  /** Dotted path of the field inside the record (`through`, `criteria.nationality.0`), or `-`. */
  readonly field: string;
  readonly reason: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly InputIssue[] };

export const formatIssue = (i: InputIssue): string => `${i.record}: field "${i.field}": ${i.reason}`;

/** An error carrying input issues, thrown only across adapter boundaries (CLI, import). */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InvalidInputError';
  }
}
