/**
 * One manifest through its life: draft → legal review → approved → departure check →
 * departed → arrival confirmed. Each step is offered only to a role that may take it, in a
 * state that allows it; every strike shows its reasons in plain English with the facts
 * behind them; the departure check shows who was pulled and why.
 */
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorMessage,
  Form,
  FormGroup,
  Label,
  Select,
  StepIndicator,
  StepIndicatorStep,
  Tag,
  Textarea,
  TextInput,
} from '@trussworks/react-uswds';
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, fieldErrors, problemText, type Schemas } from '../api/client';
import { DataTable } from '../components/data-table';
import { usePageTitle } from '../components/page-title';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import {
  ADMINISTRATIVE_CODES,
  ALLOWED_STATES,
  COMMAND_ACTIONS,
  STRIKE_SENTENCES,
  isStrikeCode,
  may,
} from '../domain';
import { countryName, formatCount, formatDate, formatInstant, humanize } from '../format';
import { useUser } from '../session';

type Manifest = Schemas['ManifestDetail'];
type Person = Manifest['people'][number];
type Command = keyof typeof COMMAND_ACTIONS;
type StrikeReason = Schemas['StrikeReason'];

const STEPS = [
  ['draft', 'Draft'],
  ['in_review', 'Legal review'],
  ['approved', 'Approved'],
  ['boarding', 'Departure check'],
  ['departed', 'Departed'],
  ['arrived', 'Arrived'],
  ['closed', 'Closed'],
] as const;

/** The outcome of the last step taken here, shown until the next. */
interface Outcome {
  readonly ok: boolean;
  readonly heading: string;
  readonly text?: string;
  readonly struck?: readonly { personId: string; reasons: readonly StrikeReason[] }[];
  readonly cleared?: readonly string[];
}

export function ManifestPage() {
  const { manifestId = '' } = useParams();
  usePageTitle(`Manifest ${manifestId}`);
  const user = useUser();
  const manifest = useLoad(
    () => api.GET('/manifests/{manifestId}', { params: { path: { manifestId } } }),
    [manifestId],
  );
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);

  if (manifest.error !== undefined && manifest.data === undefined)
    return <Failure message={manifest.error} />;
  if (manifest.data === undefined) return <Loading what={`manifest ${manifestId}`} />;
  const m = manifest.data;
  const can = (command: Command): boolean =>
    may(user.role, COMMAND_ACTIONS[command]) && ALLOWED_STATES[command].includes(m.state);
  const done = (next: Outcome) => {
    setOutcome(next);
    manifest.reload();
  };
  const stepIndex = STEPS.findIndex(([s]) => s === m.state);

  return (
    <>
      <div className="page-heading">
        <h1>
          Manifest {m.id}{' '}
          <Tag className={`state state--${m.state}`} data-testid="manifest-state">
            {humanize(m.state)}
          </Tag>
        </h1>
        <p className="usa-intro">
          Flight {m.flight.id}, {m.flight.origin} → {m.flight.destination} (
          {countryName(m.flight.destinationCountry)}) on {formatDate(m.flight.date)}.
        </p>
        <p>
          <a
            className="usa-button usa-button--outline"
            href={`/manifests/${encodeURIComponent(m.id)}/export.pdf`}
            target="_blank"
            rel="noreferrer"
          >
            Print manifest (PDF)
          </a>{' '}
          <a className="usa-link" href={`/manifests/${encodeURIComponent(m.id)}/export.csv`}>
            Download as CSV
          </a>
        </p>
      </div>

      {m.state === 'cancelled' ? (
        <Alert type="warning" headingLevel="h2" slim>
          This manifest was cancelled.
        </Alert>
      ) : (
        <StepIndicator
          headingLevel="h2"
          counters="small"
          className="manifest-steps"
          aria-label="Where the manifest stands"
        >
          {STEPS.map(([state, label], i) => (
            <StepIndicatorStep
              key={state}
              label={label}
              status={i < stepIndex ? 'complete' : i === stepIndex ? 'current' : 'incomplete'}
            />
          ))}
        </StepIndicator>
      )}

      <ul className="usa-card-group stat-cards">
        <Stat label="On board" value={`${formatCount(m.onBoard)} of ${formatCount(m.seats.flight)} seats`} />
        <Stat label="Seats held by this manifest" value={formatCount(m.seats.held)} />
        <Stat label="Held by other manifests" value={formatCount(m.seats.heldElsewhere)} />
        <Stat label="Seats free" value={formatCount(m.seats.free)} />
      </ul>
      {m.legalClearance !== null && (
        <p>
          Cleared by legal review on {formatInstant(m.legalClearance.at)} ({m.legalClearance.by}).
        </p>
      )}
      {m.reference !== null && <p>Arrival reference: {m.reference}.</p>}

      {outcome !== undefined && <OutcomeView outcome={outcome} />}
      {manifest.error !== undefined && <Failure message={manifest.error} />}

      <Steps manifest={m} can={can} onDone={done} />

      <section aria-labelledby="people-heading" className="panel">
        <h2 id="people-heading">People</h2>
        <DataTable<Person>
          caption="Everyone ever added, in the order first added; struck people with why"
          rows={m.people}
          rowKey={(p) => p.personId}
          pageSize={25}
          testId="manifest-people"
          empty="No one is on this manifest yet."
          columns={[
            {
              header: 'Person',
              cell: (p) => <Link to={`/person/${encodeURIComponent(p.personId)}`}>{p.personId}</Link>,
            },
            {
              header: 'Status',
              cell: (p) => <span data-testid={`status-${p.personId}`}>{humanize(p.status)}</span>,
            },
            {
              header: 'Why struck',
              cell: (p) =>
                p.strike === null ? (
                  ''
                ) : (
                  <>
                    <Reasons reasons={p.strike.reasons} personId={p.personId} />
                    <span className="strike-meta">
                      {humanize(p.strike.cause)} by {p.strike.role}, {formatInstant(p.strike.at)}
                      {p.strike.note === '' ? '' : `: ${p.strike.note}`}
                    </span>
                  </>
                ),
            },
            {
              header: 'Arrival',
              cell: (p) =>
                p.arrival === null ? '' : `${humanize(p.arrival.outcome)} (${p.arrival.reference})`,
            },
            ...(can('strike')
              ? [
                  {
                    header: 'Strike',
                    cell: (p: Person) =>
                      p.status === 'on_board' ? (
                        <StrikeForm manifestId={m.id} personId={p.personId} onDone={done} />
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="history-heading" className="panel">
        <h2 id="history-heading">History</h2>
        <DataTable<Manifest['events'][number]>
          caption="Every step, oldest first, with who took it and why"
          rows={m.events}
          rowKey={(e) => String(e.version)}
          pageSize={20}
          columns={[
            { header: '#', numeric: true, cell: (e) => e.version },
            { header: 'When', cell: (e) => formatInstant(e.at) },
            { header: 'What', cell: (e) => eventText(e) },
            { header: 'Who', cell: (e) => `${e.actor} (${e.role})` },
            { header: 'Why', cell: (e) => e.reason },
          ]}
        />
      </section>
    </>
  );
}

function eventText(e: Manifest['events'][number]): string {
  switch (e.kind) {
    case 'created':
      return `Drafted for flight ${e.flightId}`;
    case 'person_added':
      return `Added ${e.personId}`;
    case 'person_struck':
      return `Struck ${e.personId}: ${e.reasons.map((r) => r.code).join(', ')}`;
    case 'boarding_started':
      return `Departure check: ${e.cleared.length} cleared`;
    case 'departed':
      return `Departed with ${e.boarded.length} on board, ${e.notBoarded.length} not boarded`;
    case 'arrived':
      return `Arrived, reference ${e.reference}`;
    case 'arrival_confirmed':
      return `${e.personId} ${e.outcome}`;
    case 'inbound_recorded':
      return `Return-leg passenger ${e.passengerId} (${e.citizenship})`;
    case 'submitted':
      return 'Submitted for legal review';
    case 'review_cleared':
      return 'Cleared by legal review';
    case 'review_returned':
      return 'Returned to draft by legal review';
    case 'approved':
    case 'closed':
    case 'cancelled':
      return humanize(e.kind);
  }
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <li className="usa-card stat-card">
      <div className="usa-card__container">
        <div className="usa-card__body">
          <p className="stat-card__value">{value}</p>
          <p className="stat-card__label">{label}</p>
        </div>
      </div>
    </li>
  );
}

function Reasons({ reasons, personId }: { reasons: readonly StrikeReason[]; personId: string }) {
  return (
    <ul className="reason-facts">
      {reasons.map((r) => (
        <li key={r.code}>
          {r.reason} <span className="code-text">{r.code}</span>
          {r.facts.length > 0 && (
            <>
              {' '}
              (
              {r.facts.map((f, i) => (
                <span key={f}>
                  {i > 0 && ', '}
                  <Link
                    to={`/person/${encodeURIComponent(personId)}#fact-${f.replace(/[^A-Za-z0-9_-]/g, '_')}`}
                  >
                    {f}
                  </Link>
                </span>
              ))}
              )
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  return (
    <Alert
      type={outcome.ok ? 'success' : 'error'}
      headingLevel="h2"
      heading={outcome.heading}
      data-testid="step-outcome"
    >
      {outcome.text !== undefined && <p>{outcome.text}</p>}
      {outcome.struck !== undefined && outcome.struck.length > 0 && (
        <>
          <p>Pulled from the flight:</p>
          <ul data-testid="pulled">
            {outcome.struck.map((s) => (
              <li key={s.personId}>
                <strong>{s.personId}</strong>
                <Reasons reasons={s.reasons} personId={s.personId} />
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.struck !== undefined && outcome.struck.length === 0 && <p>No one was pulled.</p>}
      {outcome.cleared !== undefined && (
        <p>Cleared to fly: {outcome.cleared.length === 0 ? 'no one' : outcome.cleared.join(', ')}.</p>
      )}
    </Alert>
  );
}

interface StepsProps {
  readonly manifest: Manifest;
  readonly can: (command: Command) => boolean;
  readonly onDone: (outcome: Outcome) => void;
}

/** The steps this role may take now, each with a reason kept in the manifest's history. */
function Steps({ manifest: m, can, onDone }: StepsProps) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const path = { manifestId: m.id };
  const note = reason.trim() === '' ? {} : { reason: reason.trim() };

  const run = async (
    heading: string,
    call: () => Promise<{
      data?: { struck: Outcome['struck']; cleared?: readonly string[] } | undefined;
      error?: unknown;
    }>,
  ) => {
    setBusy(true);
    try {
      const { data, error } = await call();
      if (data === undefined) {
        onDone({ ok: false, heading: `Could not ${heading.toLowerCase()}`, text: problemText(error) });
        return;
      }
      setReason('');
      onDone({
        ok: true,
        heading,
        struck: data.struck,
        ...(data.cleared === undefined ? {} : { cleared: data.cleared }),
      });
    } finally {
      setBusy(false);
    }
  };

  const buttons: ReactNode[] = [];
  if (can('submit'))
    buttons.push(
      <Button
        key="submit"
        type="button"
        disabled={busy || m.onBoard === 0}
        onClick={() =>
          void run('Submitted for legal review', () =>
            api.POST('/manifests/{manifestId}/submit', { params: { path }, body: note }),
          )
        }
      >
        Submit for legal review
      </Button>,
    );
  if (can('review') && m.legalClearance === null) {
    buttons.push(
      <Button
        key="clear"
        type="button"
        disabled={busy}
        onClick={() =>
          void run('Cleared by legal review', () =>
            api.POST('/manifests/{manifestId}/review', {
              params: { path },
              body: { outcome: 'cleared', ...note },
            }),
          )
        }
      >
        Clear legal review
      </Button>,
      <Button
        key="return"
        type="button"
        outline
        disabled={busy}
        onClick={() =>
          void run('Returned to draft', () =>
            api.POST('/manifests/{manifestId}/review', {
              params: { path },
              body: { outcome: 'returned', ...note },
            }),
          )
        }
      >
        Return to draft
      </Button>,
    );
  }
  if (can('approve') && m.legalClearance !== null)
    buttons.push(
      <Button
        key="approve"
        type="button"
        disabled={busy}
        onClick={() =>
          void run('Approved', () =>
            api.POST('/manifests/{manifestId}/approve', { params: { path }, body: note }),
          )
        }
      >
        Approve
      </Button>,
    );
  if (can('board'))
    buttons.push(
      <Button
        key="board"
        type="button"
        disabled={busy}
        onClick={() =>
          void run('Departure check run', () =>
            api.POST('/manifests/{manifestId}/board', { params: { path }, body: note }),
          )
        }
      >
        Run the departure check
      </Button>,
    );
  if (can('depart'))
    buttons.push(
      <Button
        key="depart"
        type="button"
        disabled={busy}
        onClick={() =>
          void run('Departure recorded', () =>
            api.POST('/manifests/{manifestId}/depart', {
              params: { path },
              body: { notBoarded: [], ...note },
            }),
          )
        }
      >
        Record departure (everyone cleared boarded)
      </Button>,
    );
  if (can('close'))
    buttons.push(
      <Button
        key="close"
        type="button"
        outline
        disabled={busy}
        onClick={() =>
          void run('Closed', () =>
            api.POST('/manifests/{manifestId}/close', { params: { path }, body: note }),
          )
        }
      >
        Close manifest
      </Button>,
    );
  const canCancel = can('cancel');

  return (
    <>
      {can('add') && <AddPeople manifestId={m.id} onDone={onDone} />}
      {can('arrive') && <ArrivalForm manifest={m} onDone={onDone} />}
      {(buttons.length > 0 || canCancel) && (
        <section aria-labelledby="steps-heading" className="panel" data-testid="manifest-steps">
          <h2 id="steps-heading">Next steps</h2>
          <FormGroup>
            <Label htmlFor="step-reason">Note for the history (required to cancel)</Label>
            <Textarea
              id="step-reason"
              name="reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
          </FormGroup>
          <ButtonGroup>
            {buttons}
            {canCancel && (
              <Button
                key="cancel"
                type="button"
                secondary
                disabled={busy || reason.trim() === ''}
                onClick={() =>
                  void run('Cancelled', () =>
                    api.POST('/manifests/{manifestId}/cancel', {
                      params: { path },
                      body: { reason: reason.trim() },
                    }),
                  )
                }
              >
                Cancel manifest
              </Button>
            )}
          </ButtonGroup>
        </section>
      )}
    </>
  );
}

function AddPeople({ manifestId, onDone }: { manifestId: string; onDone: (outcome: Outcome) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const personIds = [...new Set(text.split(/[\s,]+/).filter((t) => t !== ''))];
    if (personIds.length === 0) {
      setError('Enter at least one person id.');
      return;
    }
    setError(undefined);
    const { data, error: problem } = await api.POST('/manifests/{manifestId}/people', {
      params: { path: { manifestId } },
      body: { personIds },
    });
    if (data === undefined) {
      setError(fieldErrors(problem).personIds ?? problemText(problem));
      return;
    }
    setText('');
    onDone({
      ok: true,
      heading: `Added ${personIds.length} ${personIds.length === 1 ? 'person' : 'people'}`,
    });
  };
  return (
    <section aria-labelledby="add-heading" className="panel">
      <h2 id="add-heading">Add people</h2>
      <Form onSubmit={(e) => void submit(e)} noValidate className="maxw-full">
        <FormGroup error={error !== undefined}>
          <Label htmlFor="add-people" error={error !== undefined}>
            Person ids, separated by spaces or commas
          </Label>
          <span className="usa-hint" id="add-people-hint">
            Each is decided with the facts known now; if anyone may not take this flight, no one is added and
            the reason is given.
          </span>
          {error !== undefined && <ErrorMessage id="add-people-error">{error}</ErrorMessage>}
          <Textarea
            id="add-people"
            name="personIds"
            value={text}
            error={error !== undefined}
            aria-describedby={`add-people-hint${error !== undefined ? ' add-people-error' : ''}`}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        </FormGroup>
        <Button type="submit">Add to manifest</Button>
      </Form>
    </section>
  );
}

function StrikeForm({
  manifestId,
  personId,
  onDone,
}: {
  manifestId: string;
  personId: string;
  readonly onDone: (outcome: Outcome) => void;
}) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ code?: string; reason?: string }>({});
  const id = `strike-${personId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  if (!open)
    return (
      <Button
        type="button"
        unstyled
        aria-label={`Strike ${personId}`}
        onClick={() => {
          setOpen(true);
        }}
      >
        Strike
      </Button>
    );
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...(code === '' ? { code: 'Choose why.' } : {}),
      ...(reason.trim() === '' ? { reason: 'Say why, for the history.' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || !isStrikeCode(code)) return;
    const { data, error } = await api.POST('/manifests/{manifestId}/strikes', {
      params: { path: { manifestId } },
      body: { personId, code, reason: reason.trim() },
    });
    if (data === undefined) {
      onDone({ ok: false, heading: `Could not strike ${personId}`, text: problemText(error) });
      return;
    }
    onDone({ ok: true, heading: `Struck ${personId}`, struck: data.struck });
  };
  return (
    <Form onSubmit={(e) => void submit(e)} noValidate className="strike-form">
      <FormGroup error={errors.code !== undefined}>
        <Label htmlFor={`${id}-code`}>Why strike {personId}</Label>
        {errors.code !== undefined && <ErrorMessage>{errors.code}</ErrorMessage>}
        <Select
          id={`${id}-code`}
          name="code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
          }}
        >
          <option value="">- Select -</option>
          {ADMINISTRATIVE_CODES.map((c) => (
            <option key={c} value={c}>
              {STRIKE_SENTENCES[c]}
            </option>
          ))}
        </Select>
      </FormGroup>
      <FormGroup error={errors.reason !== undefined}>
        <Label htmlFor={`${id}-reason`}>Reason</Label>
        {errors.reason !== undefined && <ErrorMessage>{errors.reason}</ErrorMessage>}
        <TextInput
          id={`${id}-reason`}
          name="reason"
          type="text"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </FormGroup>
      <Button type="submit" secondary>
        Strike
      </Button>
    </Form>
  );
}

function ArrivalForm({ manifest: m, onDone }: { manifest: Manifest; onDone: (outcome: Outcome) => void }) {
  const boarded = m.people.filter((p) => p.status === 'boarded');
  const [reference, setReference] = useState('');
  const [refused, setRefused] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reference.trim() === '') {
      setError('Enter the receiving country’s confirmation reference.');
      return;
    }
    setError(undefined);
    const { data, error: problem } = await api.POST('/manifests/{manifestId}/arrive', {
      params: { path: { manifestId: m.id } },
      body: {
        reference: reference.trim(),
        confirmations: boarded.map((p) => ({
          personId: p.personId,
          outcome: refused.has(p.personId) ? ('refused' as const) : ('accepted' as const),
        })),
      },
    });
    if (data === undefined) {
      setError(fieldErrors(problem).reference ?? problemText(problem));
      return;
    }
    onDone({
      ok: true,
      heading: 'Arrival confirmed',
      text: `${data.confirmations.filter((c) => c.outcome === 'accepted').length} accepted by the receiving country.`,
    });
  };
  return (
    <section aria-labelledby="arrive-heading" className="panel">
      <h2 id="arrive-heading">Confirm arrival</h2>
      <Form onSubmit={(e) => void submit(e)} noValidate className="maxw-full">
        <FormGroup error={error !== undefined}>
          <Label htmlFor="arrival-reference" error={error !== undefined}>
            Confirmation reference
          </Label>
          {error !== undefined && <ErrorMessage id="arrival-reference-error">{error}</ErrorMessage>}
          <TextInput
            id="arrival-reference"
            name="reference"
            type="text"
            value={reference}
            validationStatus={error !== undefined ? 'error' : undefined}
            aria-describedby={error !== undefined ? 'arrival-reference-error' : undefined}
            onChange={(e) => {
              setReference(e.target.value);
            }}
          />
        </FormGroup>
        {boarded.length > 0 && (
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">Refused by the receiving country (everyone else accepted)</legend>
            {boarded.map((p) => (
              <div className="usa-checkbox" key={p.personId}>
                <input
                  className="usa-checkbox__input"
                  id={`refused-${p.personId}`}
                  type="checkbox"
                  checked={refused.has(p.personId)}
                  onChange={(e) => {
                    const next = new Set(refused);
                    if (e.target.checked) next.add(p.personId);
                    else next.delete(p.personId);
                    setRefused(next);
                  }}
                />
                <label className="usa-checkbox__label" htmlFor={`refused-${p.personId}`}>
                  {p.personId}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <Button type="submit">Confirm arrival</Button>
      </Form>
    </section>
  );
}
