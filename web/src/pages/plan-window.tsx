/**
 * Planning a date range on the Flights and manifests page: the optimiser fills the flights
 * of the window with the people who may lawfully go and saves a draft manifest per used
 * flight (POST /plans). The result shows how good the plan is (objective against its proven
 * bound), who was left out and why in plain English, the seats and weekly caps used, and a
 * link to each draft, where review, approval and the departure check go on.
 */
import {
  Alert,
  Button,
  Checkbox,
  ErrorMessage,
  Form,
  FormGroup,
  Label,
  TextInput,
} from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, fieldErrors, problemText, type Schemas } from '../api/client';
import { DataTable } from '../components/data-table';
import {
  BLOCKER_SENTENCES,
  isBlockerCode,
  PLANNER_CODES,
  PLANNER_SENTENCES,
  type PlannerCode,
} from '../domain';
import { addDays, countryName, dayOf, formatCount, formatDate, formatInstant, today } from '../format';
import { useUser } from '../session';

type StorePlan = Schemas['StorePlan'];
type PlannedFlight = StorePlan['flights'][number];
type CapUse = StorePlan['caps'][number];
type ReasonCount = StorePlan['unassignedByReason'][number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = [
  ['from', 'First flight date', 'YYYY-MM-DD'],
  ['to', 'Last flight date', 'YYYY-MM-DD'],
  ['knownAt', 'Facts as known at (optional)', 'YYYY-MM-DD, the end of that day; leave empty for now'],
] as const;
type Field = (typeof FIELDS)[number][0];

const isPlannerCode = (code: string): code is PlannerCode =>
  (PLANNER_CODES as readonly string[]).includes(code);

/** The plain-English sentence of an unassigned person's reason, whichever list its code is from. */
export function reasonSentence(code: string): string {
  if (isBlockerCode(code)) return BLOCKER_SENTENCES[code];
  if (isPlannerCode(code)) return PLANNER_SENTENCES[code];
  return code;
}

/** Figures of the objective and bound: whole in practice, but an LP bound may have decimals. */
const formatValue = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * objective/bound as a percentage, rounded down: a plan 0.004 % short of its bound must not
 * read as 100 %, which is what "proven optimal" means here.
 */
export function formatRatio(ratio: number): string {
  if (ratio >= 1) return '100 % (proven optimal)';
  return `${(Math.floor(ratio * 10_000) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} %`;
}

const METHODS: Readonly<Record<StorePlan['method'], string>> = {
  mip: 'solved as a mixed-integer programme',
  'lp-rounding': 'linear relaxation, rounded to whole people',
  heuristic: 'the heuristic alone (the model was too large to solve)',
  empty: 'nothing to plan',
};

function checkWindow(v: Record<Field, string>): Partial<Record<Field, string>> {
  const e: Partial<Record<Field, string>> = {};
  const real = (text: string) => DATE.test(text) && !Number.isNaN(dayOf(text));
  if (!real(v.from)) e.from = 'Enter a real date as YYYY-MM-DD.';
  if (!real(v.to)) e.to = 'Enter a real date as YYYY-MM-DD.';
  else if (e.from === undefined && v.to < v.from) e.to = 'The last date must be on or after the first.';
  else if (e.from === undefined && dayOf(v.to) - dayOf(v.from) + 1 > 366)
    e.to = 'Plan at most 366 days at once.';
  if (v.knownAt !== '') {
    if (!real(v.knownAt)) e.knownAt = 'Enter a real date as YYYY-MM-DD, or leave it empty.';
    else if (v.knownAt > today()) e.knownAt = 'A plan can only use facts known by today.';
  }
  return e;
}

/** A bar beside a count: the count is the text, the bar only shows it at a glance. */
function UseBar({ used, of }: { used: number; of: number | null }) {
  const share = of === null || of === 0 ? 0 : Math.min(1, used / of);
  return (
    <span className="use-bar" aria-hidden="true">
      <span
        className={`use-bar__fill${share >= 1 ? ' use-bar__fill--full' : ''}`}
        style={{ width: `${String(Math.round(share * 100))}%` }}
      />
    </span>
  );
}

export function PlanWindowForm({ onPlanned }: { onPlanned: () => void }) {
  const user = useUser();
  // Saving drafts takes `manifest.draft` as well: a role without it may only look at a plan.
  const maySave = user.can('manifest.draft');
  const [values, setValues] = useState<Record<Field, string>>({
    from: today(),
    to: addDays(today(), 13),
    knownAt: '',
  });
  const [save, setSave] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<StorePlan | undefined>(undefined);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkWindow(values);
    setErrors(found);
    setRefusal(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setPlan(undefined);
    try {
      const { data, error } = await api.POST('/plans', {
        body: {
          from: values.from,
          to: values.to,
          // Today's date means the end of today, which the server refuses as the future:
          // facts known today are the facts known now.
          ...(values.knownAt === '' || values.knownAt === today() ? {} : { knownAt: values.knownAt }),
          save: maySave && save,
        },
      });
      if (data === undefined) {
        setErrors(fieldErrors(error));
        setRefusal(problemText(error));
        return;
      }
      setPlan(data);
      if (data.saved) onPlanned();
    } catch (failure: unknown) {
      setRefusal(problemText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-heading" className="panel" data-testid="plan-window">
      <h2 id="plan-heading">Plan a date range</h2>
      <p>
        The planner fills every flight of the range with people who may lawfully go, within seats, notice
        periods, family unity and each country’s weekly cap, and proves how close the plan is to the best
        possible.{' '}
        {maySave ? 'Each flight it uses gets a draft manifest, to review and approve as usual.' : ''}
      </p>
      {refusal !== undefined && (
        <Alert
          type="error"
          headingLevel="h3"
          heading="Planning refused"
          slim={false}
          data-testid="plan-refused"
        >
          {refusal}
        </Alert>
      )}
      <Form onSubmit={(e) => void submit(e)} noValidate className="maxw-full">
        <div className="field-grid">
          {FIELDS.map(([key, label, hint]) => (
            <FormGroup key={key} error={errors[key] !== undefined}>
              <Label htmlFor={`plan-${key}`} error={errors[key] !== undefined}>
                {label}
              </Label>
              <span className="usa-hint" id={`plan-${key}-hint`}>
                {hint}
              </span>
              {errors[key] !== undefined && (
                <ErrorMessage id={`plan-${key}-error`}>{errors[key]}</ErrorMessage>
              )}
              <TextInput
                id={`plan-${key}`}
                name={key}
                type="text"
                value={values[key]}
                validationStatus={errors[key] !== undefined ? 'error' : undefined}
                aria-describedby={`plan-${key}-hint${errors[key] !== undefined ? ` plan-${key}-error` : ''}`}
                onChange={(e) => {
                  setValues((v) => ({ ...v, [key]: e.target.value }));
                }}
              />
            </FormGroup>
          ))}
        </div>
        {maySave && (
          <Checkbox
            id="plan-save"
            name="save"
            label="Save a draft manifest for each flight the plan uses"
            checked={save}
            onChange={(e) => {
              setSave(e.target.checked);
            }}
          />
        )}
        <Button type="submit" disabled={busy}>
          Plan flights
        </Button>
      </Form>
      {busy && (
        <p className="loading" role="status">
          Planning {formatDate(values.from)} to {formatDate(values.to)}…
        </p>
      )}
      {plan !== undefined && <PlanResult plan={plan} />}
    </section>
  );
}

function PlanResult({ plan }: { plan: StorePlan }) {
  const drafts = plan.flights.filter((f) => f.manifestId !== null).length;
  const used = plan.flights.filter((f) => f.seatsUsed > 0).length;
  return (
    <div data-testid="plan-result">
      <Alert type="success" headingLevel="h3" heading="Plan ready" slim={false}>
        {formatCount(plan.assigned)} of {formatCount(plan.people)} people in custody assigned to{' '}
        {formatCount(used)} of {formatCount(plan.flights.length)} flights from {formatDate(plan.from)} to{' '}
        {formatDate(plan.to)}, as known at {formatInstant(plan.knownAt)}.{' '}
        {plan.saved
          ? `${formatCount(drafts)} draft ${drafts === 1 ? 'manifest' : 'manifests'} saved.`
          : 'Nothing was saved.'}
      </Alert>

      <h3>Summary</h3>
      <dl className="plan-summary" data-testid="plan-summary">
        <div>
          <dt>Objective</dt>
          <dd data-testid="plan-objective">{formatValue(plan.objective)}</dd>
        </div>
        <div>
          <dt>Proven bound</dt>
          <dd data-testid="plan-bound">{formatValue(plan.bound)}</dd>
        </div>
        <div>
          <dt>Objective / bound</dt>
          <dd data-testid="plan-ratio">{formatRatio(plan.ratio)}</dd>
        </div>
        <div>
          <dt>People assigned</dt>
          <dd>
            {formatCount(plan.assigned)} of {formatCount(plan.people)}
          </dd>
        </div>
        <div>
          <dt>Not assigned</dt>
          <dd>{formatCount(plan.unassigned)}</dd>
        </div>
      </dl>
      <p className="usa-hint">
        The objective is the value of returning the people assigned (longest held first) less the cost of
        moving them to their flights; no plan can exceed the bound. Method: {METHODS[plan.method]}.
      </p>

      <DataTable<ReasonCount>
        caption="Why the others were not assigned (a person counts under each of their reasons)"
        rows={plan.unassignedByReason}
        rowKey={(r) => r.code}
        testId="plan-unassigned"
        empty="Everyone was assigned."
        columns={[
          {
            header: 'Reason',
            cell: (r) => (
              <>
                {reasonSentence(r.code)} <span className="code-text">{r.code}</span>
              </>
            ),
          },
          { header: 'People', numeric: true, cell: (r) => formatCount(r.people) },
        ]}
      />

      <DataTable<PlannedFlight>
        caption="Flights of the range, with the seats the plan fills"
        rows={plan.flights}
        rowKey={(f) => f.id}
        testId="plan-flights"
        empty="No flights in this range: register them first."
        columns={[
          { header: 'Date', cell: (f) => <span className="nowrap">{formatDate(f.date)}</span> },
          { header: 'Flight', cell: (f) => f.id },
          { header: 'Route', cell: (f) => `${f.origin} → ${f.destination} (${countryName(f.country)})` },
          {
            header: 'Aircraft from',
            cell: (f) => (f.suppliedBy === 'receiving' ? countryName(f.country) : 'Sending country'),
          },
          {
            header: 'Seats used',
            numeric: true,
            cell: (f) => (
              <span className="nowrap">
                <UseBar used={f.seatsUsed} of={f.seats} />
                {formatCount(f.seatsUsed)} of {formatCount(f.seats)}
              </span>
            ),
          },
          {
            header: 'Draft manifest',
            cell: (f) =>
              f.manifestId === null ? (
                f.seatsUsed === 0 ? (
                  'None: nobody assigned'
                ) : (
                  'Not saved'
                )
              ) : (
                <Link
                  to={`/manifest/${encodeURIComponent(f.manifestId)}`}
                  aria-label={`Draft manifest ${f.manifestId} for flight ${f.id}`}
                  data-testid="plan-manifest-link"
                >
                  {f.manifestId}
                </Link>
              ),
          },
        ]}
      />

      <DataTable<CapUse>
        caption="Weekly acceptance caps used, per country and week"
        rows={plan.caps}
        rowKey={(c) => `${c.country}/${c.week}`}
        testId="plan-caps"
        empty="No flight carries anyone, so no cap is used."
        columns={[
          { header: 'Country', cell: (c) => countryName(c.country) },
          { header: 'Week', cell: (c) => `${formatDate(c.week)} – ${formatDate(addDays(c.week, 6))}` },
          {
            header: 'Used',
            numeric: true,
            cell: (c) =>
              c.cap === null ? (
                `${formatCount(c.used)}, no cap`
              ) : (
                <span className="nowrap">
                  <UseBar used={c.used} of={c.cap} />
                  {formatCount(c.used)} of {formatCount(c.cap)}
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}
