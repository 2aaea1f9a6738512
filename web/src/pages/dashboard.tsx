/**
 * The dashboard: today's queue by blocker and by country, people protected and removable on
 * each day of a chosen horizon with the designation changes marked, the flights of the
 * next 14 days with their seats and weekly caps used, and removals by country and month.
 */
import { Button, Form, FormGroup, Label, TextInput, ErrorMessage } from '@trussworks/react-uswds';
import { Fragment, useMemo, useState, type ReactNode, type SyntheticEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type Schemas } from '../api/client';
import { Chart, type ChartOption } from '../components/chart';
import { DataTable } from '../components/data-table';
import { usePageTitle } from '../components/page-title';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import { BLOCKER_SENTENCES, isBlockerCode } from '../domain';
import { addDays, countryName, dayOf, formatCount, formatDate, isoOfDay, today } from '../format';
import { useUser } from '../session';

type Statistics = Schemas['RemovabilityStatistics'];
type CountryCounts = Statistics['countries'][number];
type Flight = Schemas['Flight'];
type ManifestSummary = Schemas['ManifestSummary'];
type Designation = Extract<Schemas['ProgramFact'], { type: 'tps_designation' }>;

/** Manifests that hold seats on their flight. */
const HOLDING = new Set(['approved', 'boarding', 'departed', 'arrived', 'closed']);
/** Manifests whose people have left. */
const GONE = new Set(['departed', 'arrived', 'closed']);

export function DashboardPage() {
  usePageTitle('Dashboard');
  const user = useUser();
  const on = today();
  return (
    <>
      <h1>Dashboard</h1>
      <p className="usa-intro">Who may lawfully be returned today, and why the others may not.</p>
      {user.can('sweep.read') && <Queue on={on} />}
      {user.can('sweep.read') && <ProtectionTimeline />}
      {user.can('manifest.read') && <Operations on={on} />}
    </>
  );
}

function Queue({ on }: { on: string }) {
  // The statistics, not the sweep: today's queue leaves out people already returned.
  const stats = useLoad(() => api.GET('/statistics/removability', { params: { query: { on } } }), [on]);
  if (stats.error !== undefined) return <Failure message={stats.error} />;
  if (stats.data === undefined) return <Loading what="today's queue" />;
  const s: Statistics = stats.data;
  const blockers = Object.entries(s.total.blockers)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a);
  const countries = [...s.countries].sort((a, b) => b.people - a.people);
  const topBlocker = (counts: CountryCounts): ReactNode => {
    const top = Object.entries(counts.blockers).sort(([, a], [, b]) => b - a)[0];
    if (top === undefined || top[1] === 0) return '';
    // A code is one long word: it may break after an underscore rather than run out of its column.
    const words = top[0].split('_');
    return (
      <>
        {words.map((word, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <>
                _<wbr />
              </>
            )}
            {word}
          </Fragment>
        ))}{' '}
        ({formatCount(top[1])})
      </>
    );
  };
  return (
    <section aria-labelledby="queue-heading" className="panel" data-testid="queue">
      <h2 id="queue-heading">Today’s queue, {formatDate(s.on)}</h2>
      <ul className="usa-card-group stat-cards">
        <Stat label="People" value={s.total.people} />
        <Stat label="Already returned" value={s.total.returned} testId="queue-returned" />
        <Stat label="May be removed today" value={s.total.removable} />
        <Stat label="May not be removed" value={s.total.people - s.total.returned - s.total.removable} />
      </ul>
      <div className="grid-row grid-gap">
        <div className="desktop:grid-col-5">
          <DataTable<[string, number]>
            caption="By blocker (a person counts under each of theirs)"
            rows={blockers}
            rowKey={([code]) => code}
            testId="queue-by-blocker"
            columns={[
              {
                header: 'Why not',
                cell: ([code]) => (
                  <>
                    {isBlockerCode(code) ? BLOCKER_SENTENCES[code] : code}{' '}
                    <span className="code-text">{code}</span>
                  </>
                ),
              },
              { header: 'People', numeric: true, cell: ([, n]) => formatCount(n) },
            ]}
          />
        </div>
        <div className="desktop:grid-col-7">
          <DataTable<CountryCounts>
            caption="By country of destination"
            rows={countries}
            rowKey={(c) => c.country}
            pageSize={10}
            testId="queue-by-country"
            columns={[
              { header: 'Country', cell: (c) => countryName(c.country) },
              { header: 'People', numeric: true, cell: (c) => formatCount(c.people) },
              { header: 'Returned', numeric: true, cell: (c) => formatCount(c.returned) },
              { header: 'Removable', numeric: true, cell: (c) => formatCount(c.removable) },
              { header: 'Most common blocker', cell: (c) => topBlocker(c) },
            ]}
          />
        </div>
      </div>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <li className="usa-card stat-card" data-testid={testId}>
      <div className="usa-card__container">
        <div className="usa-card__body">
          <p className="stat-card__value">{formatCount(value)}</p>
          <p className="stat-card__label">{label}</p>
        </div>
      </div>
    </li>
  );
}

const DEFAULT_FROM = '2025-01-01';
const DEFAULT_TO = '2025-12-31';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function ProtectionTimeline() {
  const [horizon, setHorizon] = useState({ from: DEFAULT_FROM, to: DEFAULT_TO });
  const [draft, setDraft] = useState(horizon);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const timeline = useLoad(
    () => api.GET('/timeline', { params: { query: { from: horizon.from, to: horizon.to, by: 'blocker' } } }),
    [horizon.from, horizon.to],
  );
  const records = useLoad(
    () => api.GET('/program-facts', { params: { query: { type: 'tps_designation' } } }),
    [],
  );

  const option = useMemo<ChartOption | undefined>(() => {
    if (timeline.data === undefined) return undefined;
    const days = timeline.data.days;
    const dates = days.map((d) => d.date);
    // The designation changes as known now: each designation's period ends (and starts)
    // within the horizon, where the protected line steps.
    const latest = new Map<string, Designation>();
    for (const r of (records.data?.facts ?? []).filter((f): f is Designation => f.type === 'tps_designation'))
      latest.set(r.designation, r);
    const marks = [...latest.values()].flatMap((r) => {
      const out: { xAxis: string; name: string }[] = [];
      if (r.through !== undefined && r.through >= horizon.from && r.through < horizon.to)
        out.push({ xAxis: addDays(r.through, 1), name: `${r.designation} ends` });
      if (r.from > horizon.from && r.from <= horizon.to)
        out.push({ xAxis: r.from, name: `${r.designation} starts` });
      return out;
    });
    return {
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 24, top: 48, bottom: 64 },
      xAxis: { type: 'category', data: dates, axisLabel: { formatter: (v: string) => formatDate(v) } },
      yAxis: { type: 'value', name: 'People' },
      dataZoom: [{ type: 'slider', bottom: 8 }],
      series: [
        {
          name: 'Protected by TPS',
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: days.map((d) => d.blockers.TPS_PROTECTED ?? 0),
          markLine: {
            symbol: 'none',
            label: { formatter: '{b}', position: 'insideEndTop' },
            lineStyle: { type: 'dashed', color: '#b50909' },
            data: marks,
          },
        },
        {
          name: 'Removable',
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: days.map((d) => d.removable),
        },
        {
          name: 'Not removable',
          type: 'line',
          step: 'end',
          showSymbol: false,
          lineStyle: { type: 'dotted' },
          data: days.map((d) => d.people - d.removable),
        },
      ],
    };
  }, [timeline.data, records.data, horizon.from, horizon.to]);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { from?: string; to?: string } = {};
    if (!DATE.test(draft.from) || Number.isNaN(dayOf(draft.from))) found.from = 'Enter a date as YYYY-MM-DD.';
    if (!DATE.test(draft.to) || Number.isNaN(dayOf(draft.to))) found.to = 'Enter a date as YYYY-MM-DD.';
    else if (found.from === undefined && draft.to < draft.from)
      found.to = 'The horizon must end on or after it starts.';
    else if (found.from === undefined && dayOf(draft.to) - dayOf(draft.from) > 3650)
      found.to = 'Choose a horizon of ten years or less.';
    setErrors(found);
    if (Object.keys(found).length === 0) setHorizon(draft);
  };

  const summary =
    timeline.data === undefined
      ? ''
      : (() => {
          const days = timeline.data.days;
          const first = days[0];
          const last = days.at(-1);
          return first === undefined || last === undefined
            ? ''
            : `From ${formatDate(first.date)} to ${formatDate(last.date)}, people protected by TPS go from ${formatCount(first.blockers.TPS_PROTECTED ?? 0)} to ${formatCount(last.blockers.TPS_PROTECTED ?? 0)}, and removable people from ${formatCount(first.removable)} to ${formatCount(last.removable)}.`;
        })();

  return (
    <section aria-labelledby="timeline-heading" className="panel" data-testid="timeline">
      <h2 id="timeline-heading">Protected and removable, day by day</h2>
      <p>As known now. Dashed lines mark the days a TPS designation’s period ends or starts.</p>
      <Form onSubmit={submit} noValidate className="maxw-full inline-form">
        {(['from', 'to'] as const).map((end) => (
          <FormGroup key={end} error={errors[end] !== undefined}>
            <Label htmlFor={`horizon-${end}`} error={errors[end] !== undefined}>
              {end === 'from' ? 'From (YYYY-MM-DD)' : 'To (YYYY-MM-DD)'}
            </Label>
            {errors[end] !== undefined && (
              <ErrorMessage id={`horizon-${end}-error`}>{errors[end]}</ErrorMessage>
            )}
            <TextInput
              id={`horizon-${end}`}
              name={end}
              type="text"
              className="usa-input--md"
              value={draft[end]}
              validationStatus={errors[end] !== undefined ? 'error' : undefined}
              aria-describedby={errors[end] !== undefined ? `horizon-${end}-error` : undefined}
              onChange={(e) => {
                setDraft((d) => ({ ...d, [end]: e.target.value }));
              }}
            />
          </FormGroup>
        ))}
        <Button type="submit" outline>
          Show
        </Button>
      </Form>
      {timeline.error !== undefined && <Failure message={timeline.error} />}
      {option === undefined ? (
        timeline.error === undefined && <Loading what="the timeline" />
      ) : (
        <>
          <Chart option={option} label={`Chart. ${summary}`} height={360} testId="timeline-chart" />
          <p className="usa-sr-only">{summary}</p>
        </>
      )}
    </section>
  );
}

interface Ops {
  readonly flights: readonly Flight[];
  readonly manifests: readonly ManifestSummary[];
  readonly agreements: readonly Extract<Schemas['ProgramFact'], { type: 'return_agreement' }>[];
}

/**
 * Every item of a paged list, page after page (`next` passed as `after`); the first failure
 * ends it with that page's error.
 */
async function allPages<T, E>(
  page: (after: string | undefined) => Promise<{ items: readonly T[]; next: string | null } | { error: E }>,
): Promise<{ items: T[]; error?: undefined } | { items?: undefined; error: E }> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const got = await page(after);
    if ('error' in got) return { error: got.error };
    items.push(...got.items);
    if (got.next === null) return { items };
    after = got.next;
  }
}

/** The Monday of a date's week: caps are weekly. */
const weekOf = (iso: string): string => {
  const day = dayOf(iso);
  return isoOfDay(day - ((((day + 3) % 7) + 7) % 7));
};

function Operations({ on }: { on: string }) {
  const to = addDays(on, 13);
  const ops = useLoad<Ops>(async () => {
    // Every page of each list: seats held, cap use and removals add up every manifest, not a first page.
    const [flights, manifests, agreements] = await Promise.all([
      allPages(async (after) => {
        const r = await api.GET('/flights', { params: { query: { from: on, to, limit: 500, after } } });
        return r.data === undefined ? { error: r.error } : { items: r.data.flights, next: r.data.next };
      }),
      allPages(async (after) => {
        const r = await api.GET('/manifests', { params: { query: { limit: 500, after } } });
        return r.data === undefined ? { error: r.error } : { items: r.data.manifests, next: r.data.next };
      }),
      api.GET('/program-facts', { params: { query: { type: 'return_agreement' } } }),
    ]);
    if (flights.items === undefined) return { error: flights.error };
    if (manifests.items === undefined) return { error: manifests.error };
    if (agreements.data === undefined) return { error: agreements.error };
    return {
      data: {
        flights: flights.items,
        manifests: manifests.items,
        agreements: agreements.data.facts.filter(
          (f): f is Extract<Schemas['ProgramFact'], { type: 'return_agreement' }> =>
            f.type === 'return_agreement',
        ),
      },
    };
  }, [on, to]);
  if (ops.error !== undefined) return <Failure message={ops.error} />;
  if (ops.data === undefined) return <Loading what="flights" />;
  const { flights, manifests, agreements } = ops.data;

  /**
   * The weekly cap on a date, read as the planner reads it (src/planner/caps.ts): of the
   * agreements in effect, the least restrictive — none if any has none, else the largest
   * cap. `null`: no cap; `0`: no agreement in effect, so nobody may be returned that day.
   * (The first agreement found is not enough: a country can have several in effect.)
   */
  const capOf = (country: string, date: string): number | null => {
    let cap: number | null = 0;
    for (const a of agreements) {
      if (a.country !== country || a.from > date || (a.through !== undefined && a.through < date)) continue;
      if (a.weeklyCap === undefined) return null;
      cap = Math.max(cap, a.weeklyCap);
    }
    return cap;
  };
  /** People on manifests holding seats, by destination country and week: what counts against a cap. */
  const usedByWeek = new Map<string, number>();
  for (const m of manifests) {
    if (!HOLDING.has(m.state)) continue;
    const key = `${m.flight.destinationCountry}/${weekOf(m.flight.date)}`;
    usedByWeek.set(key, (usedByWeek.get(key) ?? 0) + m.onBoard);
  }
  const flightRows = [...flights].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  const removals = new Map<string, number>();
  for (const m of manifests) {
    if (!GONE.has(m.state)) continue;
    const key = `${m.flight.destinationCountry}/${m.flight.date.slice(0, 7)}`;
    removals.set(key, (removals.get(key) ?? 0) + m.onBoard);
  }
  const months = [...new Set([...removals.keys()].map((k) => k.split('/')[1] ?? ''))].sort();
  const removalCountries = [...new Set([...removals.keys()].map((k) => k.split('/')[0] ?? ''))].sort();
  const removalOption: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => formatDate(`${m}-01`).replace(/^1 /, '')) },
    yAxis: { type: 'value', name: 'People', minInterval: 1 },
    series: removalCountries.map((c) => ({
      name: countryName(c),
      type: 'bar',
      stack: 'removals',
      data: months.map((m) => removals.get(`${c}/${m}`) ?? 0),
    })),
  };

  return (
    <>
      <section aria-labelledby="flights-heading" className="panel" data-testid="upcoming-flights">
        <h2 id="flights-heading">
          Flights from {formatDate(on)} to {formatDate(to)}
        </h2>
        <DataTable<Flight>
          caption="Flights of the next 14 days, with seats held and the destination’s weekly cap"
          rows={flightRows}
          rowKey={(f) => f.id}
          pageSize={10}
          empty="No flights in the next 14 days."
          columns={[
            { header: 'Date', cell: (f) => formatDate(f.date) },
            {
              header: 'Flight',
              cell: (f) => <Link to={`/flight-planning?flight=${encodeURIComponent(f.id)}`}>{f.id}</Link>,
            },
            {
              header: 'Route',
              cell: (f) => `${f.origin} → ${f.destination} (${countryName(f.destinationCountry)})`,
            },
            {
              header: 'Seats held',
              numeric: true,
              cell: (f) => {
                const held = manifests
                  .filter((m) => m.flightId === f.id && HOLDING.has(m.state))
                  .reduce((n, m) => n + m.onBoard, 0);
                return `${formatCount(held)} of ${formatCount(f.seats)}`;
              },
            },
            {
              header: 'Weekly cap used',
              numeric: true,
              cell: (f) => {
                const cap = capOf(f.destinationCountry, f.date);
                const used = usedByWeek.get(`${f.destinationCountry}/${weekOf(f.date)}`) ?? 0;
                return cap === null
                  ? `${formatCount(used)}, no cap`
                  : cap === 0
                    ? 'No return agreement in effect'
                    : `${formatCount(used)} of ${formatCount(cap)}`;
              },
            },
          ]}
        />
      </section>
      <section aria-labelledby="removals-heading" className="panel" data-testid="removals">
        <h2 id="removals-heading">Removals by country and month</h2>
        {months.length === 0 ? (
          <p>No flight has departed yet.</p>
        ) : (
          <>
            <Chart
              option={removalOption}
              label="Bar chart of people removed by country and month; the table below gives the numbers."
              height={280}
            />
            <DataTable<[string, number]>
              caption="People removed by country and month"
              rows={[...removals.entries()].sort(([a], [b]) => a.localeCompare(b))}
              rowKey={([k]) => k}
              pageSize={12}
              columns={[
                { header: 'Country', cell: ([k]) => countryName(k.split('/')[0] ?? '') },
                {
                  header: 'Month',
                  cell: ([k]) => formatDate(`${k.split('/')[1] ?? ''}-01`).replace(/^1 /, ''),
                },
                { header: 'People', numeric: true, cell: ([, n]) => formatCount(n) },
              ]}
            />
          </>
        )}
      </section>
    </>
  );
}
