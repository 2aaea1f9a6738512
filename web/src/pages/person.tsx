/**
 * One person: their facts on a valid-time timeline, a "known at" slider that replays what
 * the system knew at each instant (transaction time), the decision for a chosen date and
 * destination in plain English with each reason linked to the facts and citations behind
 * it, and forms to record a fact or withdraw one.
 */
import {
  Alert,
  Button,
  FormGroup,
  Label,
  Select,
  SummaryBox,
  SummaryBoxContent,
  SummaryBoxHeading,
  Tag,
  TextInput,
} from '@trussworks/react-uswds';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type Schemas } from '../api/client';
import { DataTable } from '../components/data-table';
import { FactForm } from '../components/fact-form';
import { NoticeForm } from '../components/notice-form';
import { usePageTitle } from '../components/page-title';
import { RetractForm } from '../components/retract-form';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import { mayRetract } from '../domain';
import {
  anchorOf,
  factText,
  factTitle,
  knownAt as isKnownAt,
  validPeriod,
  type AnyFact,
  type PersonFact,
  type ProgramFact,
} from '../facts-text';
import { countryName, dayOf, endOfDayInstant, formatDate, formatInstant, humanize, isoOfDay, today } from '../format';
import { useUser } from '../session';

type Decision = Schemas['Decision'];

export function PersonPage() {
  const { personId = '' } = useParams();
  usePageTitle(`Person ${personId}`);
  const user = useUser();
  const summary = useLoad(
    () => api.GET('/people/{personId}', { params: { path: { personId }, query: {} } }),
    [personId],
  );
  const history = useLoad(
    () => api.GET('/people/{personId}/facts', { params: { path: { personId }, query: { history: 'true' } } }),
    [personId],
  );
  const program = useLoad(() => api.GET('/program-facts', { params: { query: { history: 'true' } } }), []);

  if (summary.error !== undefined) return <Failure message={summary.error} />;
  if (history.error !== undefined) return <Failure message={history.error} />;
  if (summary.data === undefined || history.data === undefined || program.data === undefined)
    return <Loading what={`person ${personId}`} />;
  return (
    <PersonView
      summary={summary.data}
      facts={history.data.facts}
      program={program.data.facts}
      role={user.role}
      canRead={user.can}
      reload={history.reload}
    />
  );
}

interface PersonViewProps {
  readonly summary: Schemas['PersonSummary'];
  readonly facts: readonly PersonFact[];
  readonly program: readonly ProgramFact[];
  readonly role: Schemas['User']['role'];
  readonly canRead: ReturnType<typeof useUser>['can'];
  readonly reload: () => void;
}

function PersonView({ summary, facts, program, role, canRead, reload }: PersonViewProps) {
  const todayIso = today();
  const todayDay = dayOf(todayIso);
  const firstDay = useMemo(() => {
    const recorded = facts.map((f) => dayOf(f.recordedAt.slice(0, 10)));
    return Math.min(todayDay - 1, ...recorded);
  }, [facts, todayDay]);
  const [knownDay, setKnownDay] = useState(todayDay);
  const [knownText, setKnownText] = useState(todayIso);
  const [on, setOn] = useState(todayIso);
  const [destination, setDestination] = useState('');
  const [retracting, setRetracting] = useState<string | undefined>(undefined);

  const knownIso = isoOfDay(knownDay);
  /** Today means now; an earlier day means by the end of that day. */
  const knownAtParam = knownDay >= todayDay ? undefined : endOfDayInstant(knownIso);
  const knownInstant = knownAtParam === undefined ? Date.now() : Date.parse(knownAtParam);

  const designations = new Set(facts.flatMap((f) => (f.type === 'tps' ? [f.designation] : [])));
  const designationRecords = program
    .filter(
      (p): p is Extract<ProgramFact, { type: 'tps_designation' }> =>
        p.type === 'tps_designation' && designations.has(p.designation),
    )
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  const programById = new Map(program.map((p) => [p.id, p]));
  const personById = new Map(facts.map((f) => [f.id, f]));
  /** The dates on which something about this person or their designation became known: ticks on the slider. */
  const ticks = [...new Set([...facts, ...designationRecords].map((f) => dayOf(f.recordedAt.slice(0, 10))))]
    .filter((d) => d >= firstDay && d <= todayDay)
    .sort((a, b) => a - b);

  const countries = [
    ...new Set([
      ...facts.flatMap((f) => (f.type === 'nationality' ? [f.country] : [])),
      ...program.flatMap((p) => (p.type === 'return_agreement' ? [p.country] : [])),
    ]),
  ];

  const decision = useLoad(
    () =>
      api.GET('/people/{personId}/decision', {
        params: {
          path: { personId: summary.id },
          query: {
            on,
            ...(knownAtParam === undefined ? {} : { knownAt: knownAtParam }),
            ...(destination === '' ? {} : { destination }),
          },
        },
      }),
    [summary.id, on, knownAtParam, destination, facts],
  );

  const setKnown = (day: number) => {
    const clamped = Math.max(firstDay, Math.min(todayDay, day));
    setKnownDay(clamped);
    setKnownText(isoOfDay(clamped));
  };

  const profile = summary.profile;
  return (
    <>
      <div className="page-heading">
        <h1>
          {profile?.name ?? 'Person'} <span className="person-id">{summary.id}</span>
        </h1>
        {profile !== null && (
          <p className="usa-intro">
            {profile.aNumber !== null && <>A-number {profile.aNumber}. </>}
            {profile.dateOfBirth !== null && (
              <>
                Born{' '}
                {profile.dateOfBirth.length === 10 ? formatDate(profile.dateOfBirth) : profile.dateOfBirth}
                .{' '}
              </>
            )}
            {profile.masked && <Tag>Personal data masked for your role</Tag>}
          </p>
        )}
        <p>
          {summary.factCount} facts recorded
          {summary.lastRecordedAt !== null && <>, the last on {formatInstant(summary.lastRecordedAt)}</>}.
        </p>
      </div>

      <section aria-labelledby="known-heading" className="panel known-at" data-testid="known-at">
        <h2 id="known-heading">As known at</h2>
        <p className="usa-hint">
          Replay what the system knew: facts recorded later are hidden, facts withdrawn later are shown as
          they stood.
        </p>
        <div className="known-at__controls">
          <FormGroup className="known-at__slider">
            <Label htmlFor="known-at-slider">Known at (drag, or use the arrow keys a day at a time)</Label>
            <input
              id="known-at-slider"
              className="usa-range"
              type="range"
              min={firstDay}
              max={todayDay}
              step={1}
              value={knownDay}
              list="known-at-ticks"
              aria-valuetext={formatDate(knownIso)}
              onChange={(e) => {
                setKnown(Number(e.target.value));
              }}
            />
            <datalist id="known-at-ticks">
              {ticks.map((d) => (
                <option key={d} value={d} label={formatDate(isoOfDay(d))} />
              ))}
            </datalist>
            <div className="known-at__ends" aria-hidden="true">
              <span>{formatDate(isoOfDay(firstDay))}</span>
              <span>today</span>
            </div>
          </FormGroup>
          <FormGroup>
            <Label htmlFor="known-at-date">Known at date (YYYY-MM-DD)</Label>
            <TextInput
              id="known-at-date"
              name="knownAt"
              type="text"
              className="usa-input--md"
              value={knownText}
              onChange={(e) => {
                setKnownText(e.target.value);
                const day = dayOf(e.target.value);
                if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && !Number.isNaN(day)) setKnown(day);
              }}
            />
          </FormGroup>
        </div>
        <p className="known-at__now" aria-live="polite" data-testid="known-at-text">
          Showing what was known {knownDay >= todayDay ? 'now' : `by the end of ${formatDate(knownIso)}`}.
        </p>
      </section>

      <section aria-labelledby="decision-heading" className="panel">
        <h2 id="decision-heading">Decision</h2>
        <div className="decision__inputs">
          <FormGroup>
            <Label htmlFor="decision-on">Removal on (YYYY-MM-DD)</Label>
            <TextInput
              id="decision-on"
              name="on"
              type="text"
              className="usa-input--md"
              defaultValue={on}
              onChange={(e) => {
                if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && !Number.isNaN(dayOf(e.target.value)))
                  setOn(e.target.value);
              }}
            />
          </FormGroup>
          <FormGroup>
            <Label htmlFor="decision-destination">Destination</Label>
            <Select
              id="decision-destination"
              name="destination"
              value={destination}
              onChange={(e) => {
                setDestination(e.target.value);
              }}
            >
              <option value="">Country of nationality</option>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)} ({c})
                </option>
              ))}
            </Select>
          </FormGroup>
        </div>
        {decision.error !== undefined && <Failure message={decision.error} />}
        {decision.data !== undefined && (
          <DecisionView
            decision={decision.data}
            personById={personById}
            programById={programById}
            stale={decision.loading}
          />
        )}
      </section>

      {canRead('manifest.read') && <PersonManifests personId={summary.id} />}

      <section aria-labelledby="facts-heading" className="panel">
        <h2 id="facts-heading">Facts over time</h2>
        <Timeline
          facts={facts}
          designationRecords={designationRecords}
          knownInstant={knownInstant}
          firstDay={firstDay}
          onIso={on}
          renderActions={(fact) =>
            mayRetract(role, fact.type) && fact.retractedAt === undefined && isKnownAt(fact, Date.now()) ? (
              retracting === fact.id ? (
                <RetractForm
                  personId={summary.id}
                  factId={fact.id}
                  onDone={(done) => {
                    setRetracting(undefined);
                    if (done) reload();
                  }}
                />
              ) : (
                <Button
                  type="button"
                  unstyled
                  aria-label={`Retract fact ${fact.id}`}
                  onClick={() => {
                    setRetracting(fact.id);
                  }}
                >
                  Retract
                </Button>
              )
            ) : null
          }
        />
      </section>

      {canRead('notice.serve') && <NoticeForm personId={summary.id} onServed={reload} />}

      {(canRead('fact.record') || canRead('court_order.record')) && (
        <FactForm personId={summary.id} role={role} onRecorded={reload} />
      )}
    </>
  );
}

interface DecisionViewProps {
  readonly decision: Decision;
  readonly personById: ReadonlyMap<string, PersonFact>;
  readonly programById: ReadonlyMap<string, ProgramFact>;
  readonly stale: boolean;
}

type PersonManifest = Schemas['PersonManifests']['manifests'][number];

/**
 * Every manifest that has listed the person, with their standing on it: counsel must see a
 * flight before it leaves, and an officer whether someone has already been returned.
 */
function PersonManifests({ personId }: { personId: string }) {
  const listed = useLoad(
    () => api.GET('/people/{personId}/manifests', { params: { path: { personId } } }),
    [personId],
  );
  return (
    <section aria-labelledby="manifests-heading" className="panel" data-testid="person-manifests">
      <h2 id="manifests-heading">Flights and manifests</h2>
      {listed.error !== undefined && <Failure message={listed.error} />}
      {listed.data !== undefined &&
        (listed.data.manifests.length === 0 ? (
          <p>Not on any manifest.</p>
        ) : (
          <DataTable<PersonManifest>
            caption="Every manifest that has listed this person, the latest flight first"
            rows={listed.data.manifests}
            rowKey={(m) => m.id}
            columns={[
              { header: 'Flight date', cell: (m) => formatDate(m.flight.date) },
              {
                header: 'Flight',
                cell: (m) => `${m.flight.id}, ${m.flight.origin} → ${m.flight.destination} (${countryName(m.flight.destinationCountry)})`,
              },
              {
                header: 'Manifest',
                cell: (m) => (
                  <Link to={`/manifest/${encodeURIComponent(m.id)}`}>
                    {m.id} ({humanize(m.state)})
                  </Link>
                ),
              },
              { header: 'On it', cell: (m) => standing(m.person) },
            ]}
          />
        ))}
    </section>
  );
}

/** The person's standing on a manifest, in words. */
function standing(p: PersonManifest['person']): string {
  if (p.status === 'struck' && p.strike !== null)
    return `Struck: ${p.strike.reasons.map((r) => r.reason).join(' ')}`;
  if (p.arrival !== null)
    return p.arrival.outcome === 'refused'
      ? `Boarded; refused on arrival (${p.arrival.reference})`
      : `Returned; arrival confirmed (${p.arrival.reference})`;
  return humanize(p.status);
}

function FactLink({
  id,
  personById,
  programById,
}: {
  id: string;
  personById: ReadonlyMap<string, PersonFact>;
  programById: ReadonlyMap<string, ProgramFact>;
}) {
  const person = personById.get(id);
  if (person !== undefined) {
    return (
      <a href={`#${anchorOf(id)}`}>
        {factTitle(person)}: {factText(person)}
      </a>
    );
  }
  const record = programById.get(id);
  if (record !== undefined) {
    const citation = 'citation' in record ? record.citation : undefined;
    return (
      <>
        <Link to={`/programme#${anchorOf(id)}`}>
          {factTitle(record)}: {factText(record)}
        </Link>
        {citation !== undefined && <cite className="citation">{citation}</cite>}
      </>
    );
  }
  return <code>{id}</code>;
}

function DecisionView({ decision, personById, programById, stale }: DecisionViewProps) {
  const where =
    decision.destination === null ? 'to no known country' : `to ${countryName(decision.destination)}`;
  return (
    <div data-testid="decision" aria-busy={stale} className={stale ? 'stale' : undefined}>
      <SummaryBox
        className={decision.removable ? 'decision decision--removable' : 'decision decision--blocked'}
      >
        <SummaryBoxHeading headingLevel="h3" data-testid="decision-outcome">
          {decision.removable ? 'May be removed' : 'May not be removed'} {where} on {formatDate(decision.on)}
        </SummaryBoxHeading>
        <SummaryBoxContent>
          <p>
            As known at {formatInstant(decision.knownAt)}.{' '}
            {decision.changesOn === null
              ? 'On what is known, the answer does not change on any later date.'
              : `On what is known, the answer changes on ${formatDate(decision.changesOn)}.`}
          </p>
          {decision.blockers.length > 0 && (
            <ol className="reasons" data-testid="reasons">
              {decision.blockers.map((b) => (
                <li key={b.code} data-code={b.code}>
                  <strong>{b.reason}</strong> <Tag className="code">{b.code}</Tag>
                  {b.until !== null && <> Until {formatDate(b.until)}.</>}
                  {b.facts.length > 0 && (
                    <ul className="reason-facts">
                      {b.facts.map((id) => (
                        <li key={id}>
                          <FactLink id={id} personById={personById} programById={programById} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
          {decision.removable && decision.basis.length > 0 && (
            <>
              <p>On the basis of:</p>
              <ul className="reason-facts">
                {decision.basis.map((id) => (
                  <li key={id}>
                    <FactLink id={id} personById={personById} programById={programById} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </SummaryBoxContent>
      </SummaryBox>
    </div>
  );
}

interface TimelineProps {
  readonly facts: readonly PersonFact[];
  readonly designationRecords: readonly Extract<ProgramFact, { type: 'tps_designation' }>[];
  readonly knownInstant: number;
  readonly firstDay: number;
  readonly onIso: string;
  readonly renderActions: (fact: PersonFact) => React.ReactNode;
}

/** Each fact's period as a bar on one axis; facts not yet known at the chosen instant are greyed and marked. */
function Timeline({ facts, designationRecords, knownInstant, onIso, renderActions }: TimelineProps) {
  // The designation as it stood then: the latest record known at that instant.
  const known = designationRecords.filter((r) => isKnownAt(r, knownInstant));
  const latestByDesignation = new Map<string, Extract<ProgramFact, { type: 'tps_designation' }>>();
  for (const r of known) latestByDesignation.set(r.designation, r);
  const rows: { fact: AnyFact; personFact: PersonFact | undefined }[] = [
    ...facts.map((f) => ({ fact: f, personFact: f })),
    ...[...latestByDesignation.values()].map((r) => ({ fact: r, personFact: undefined })),
  ];
  const periods = rows.map((r) => validPeriod(r.fact)).filter((p) => p !== undefined);
  const start = Math.min(...periods.map((p) => dayOf(p.from)), dayOf(onIso));
  const end =
    Math.max(
      ...periods.map((p) => (p.through === null ? dayOf(today()) : dayOf(p.through))),
      dayOf(onIso),
      dayOf(today()),
    ) + 30;
  const span = Math.max(1, end - start);
  const pct = (day: number): number => ((day - start) / span) * 100;
  const sorted = [...rows].sort((a, b) =>
    (validPeriod(a.fact)?.from ?? '').localeCompare(validPeriod(b.fact)?.from ?? ''),
  );

  return (
    <div className="table-box">
      <table
        className="usa-table usa-table--borderless usa-table--compact timeline"
        data-testid="fact-timeline"
      >
        <caption>
          Valid time of each fact, from {formatDate(isoOfDay(start))} to {formatDate(isoOfDay(end))}; the line
          marks {formatDate(onIso)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col" className="timeline__bar-head">
              Period
            </th>
            <th scope="col">Transaction time</th>
            <th scope="col">
              <span className="usa-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map(({ fact, personFact }) => {
            const isKnown = isKnownAt(fact, knownInstant);
            const notYet = Date.parse(fact.recordedAt) > knownInstant;
            const period = validPeriod(fact);
            const left = period === undefined ? 0 : pct(dayOf(period.from));
            const right =
              period === undefined ? 100 : pct(period.through === null ? end : dayOf(period.through) + 1);
            return (
              <tr
                key={fact.id}
                id={anchorOf(fact.id)}
                className={isKnown ? undefined : 'timeline__unknown'}
                data-known={isKnown}
              >
                <th scope="row">
                  <span className="timeline__title">{factTitle(fact)}</span> {factText(fact)}
                  {'citation' in fact && <cite className="citation">{fact.citation}</cite>}
                  {personFact === undefined && <Tag className="designation-tag">as known then</Tag>}
                  <span className="fact-id">{fact.id}</span>
                </th>
                <td className="timeline__bar-cell">
                  <div className="timeline__track" aria-hidden="true">
                    <div
                      className={`timeline__bar timeline__bar--${fact.type}${period?.through === null ? ' timeline__bar--open' : ''}`}
                      style={{ left: `${left}%`, width: `${Math.max(0.8, right - left)}%` }}
                    />
                    <div className="timeline__on" style={{ left: `${pct(dayOf(onIso))}%` }} />
                  </div>
                </td>
                <td>
                  Recorded {formatInstant(fact.recordedAt)}
                  {fact.retractedAt !== undefined && (
                    <>
                      <br />
                      Retracted {formatInstant(fact.retractedAt)}
                    </>
                  )}
                  {!isKnown && (
                    <>
                      <br />
                      <strong>{notYet ? 'Not yet known then' : 'Withdrawn by then'}</strong>
                    </>
                  )}
                </td>
                <td>{personFact === undefined ? null : renderActions(personFact)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {designationRecords.length > 0 && (
        <Alert type="info" headingLevel="h3" slim className="margin-top-2">
          The TPS designation row shows the period as the latest record known at that instant had it; the{' '}
          <Link to="/programme">programme page</Link> lists every record with its citation.
        </Alert>
      )}
    </div>
  );
}
