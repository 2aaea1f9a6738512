/**
 * Flights and their manifests: flights in a date range (filtered by the server), the
 * manifests drawn for them, planning a date range (draft manifests for every flight it
 * fills), registering a flight and drafting a manifest for it by hand — each step offered
 * only to the roles that may take it.
 */
import {
  Alert,
  Button,
  ErrorMessage,
  Fieldset,
  Form,
  FormGroup,
  Label,
  Select,
  Tag,
  TextInput,
} from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, fieldErrors, problemText, type Schemas } from '../api/client';
import { DataTable } from '../components/data-table';
import { usePageTitle } from '../components/page-title';
import { Pager, useCursor } from '../components/pager';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import { MANIFEST_STATES } from '../domain';
import { addDays, countryName, dayOf, formatCount, formatDate, humanize, today } from '../format';
import { useUser } from '../session';
import { PlanWindowForm } from './plan-window';

type Flight = Schemas['Flight'];
type ManifestSummary = Schemas['ManifestSummary'];
type ManifestState = ManifestSummary['state'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = 20;

export function FlightsPage() {
  usePageTitle('Flights and manifests');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? today();
  const to = params.get('to') ?? addDays(today(), 30);
  const country = params.get('country') ?? '';
  const flightId = params.get('flight') ?? '';
  const state = (params.get('state') ?? '') as ManifestState | '';
  const flightCursor = useCursor<string>();
  const manifestCursor = useCursor<string>();
  const [range, setRange] = useState({ from, to, country });
  const [rangeErrors, setRangeErrors] = useState<Record<string, string>>({});

  const flights = useLoad(
    () =>
      api.GET('/flights', {
        params: {
          query: {
            from,
            to,
            limit: PAGE,
            ...(country === '' ? {} : { destinationCountry: country }),
            ...(flightCursor.after === undefined ? {} : { after: flightCursor.after }),
          },
        },
      }),
    [from, to, country, flightCursor.after],
  );
  const manifests = useLoad(
    () =>
      api.GET('/manifests', {
        params: {
          query: {
            limit: PAGE,
            ...(flightId === '' ? {} : { flightId }),
            ...(state === '' ? {} : { state }),
            ...(manifestCursor.after === undefined ? {} : { after: manifestCursor.after }),
          },
        },
      }),
    [flightId, state, manifestCursor.after],
  );

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const search = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!DATE.test(range.from) || Number.isNaN(dayOf(range.from)))
      errors.from = 'Enter a date as YYYY-MM-DD.';
    if (!DATE.test(range.to) || Number.isNaN(dayOf(range.to))) errors.to = 'Enter a date as YYYY-MM-DD.';
    else if (errors.from === undefined && range.to < range.from)
      errors.to = 'The range must end on or after it starts.';
    if (range.country !== '' && !/^[A-Z]{2}$/.test(range.country))
      errors.country = 'Enter a two-letter country code, for example VE.';
    setRangeErrors(errors);
    if (Object.keys(errors).length > 0) return;
    flightCursor.reset();
    update({ from: range.from, to: range.to, country: range.country });
  };

  return (
    <>
      <h1>Flights and manifests</h1>
      <section aria-labelledby="flights-heading" className="panel">
        <h2 id="flights-heading">Flights</h2>
        <Form
          onSubmit={search}
          noValidate
          className="maxw-full inline-form"
          role="search"
          aria-label="Flights"
        >
          {(
            [
              ['from', 'Departing from (YYYY-MM-DD)'],
              ['to', 'Departing to (YYYY-MM-DD)'],
              ['country', 'Destination country (optional)'],
            ] as const
          ).map(([key, label]) => (
            <FormGroup key={key} error={rangeErrors[key] !== undefined}>
              <Label htmlFor={`flights-${key}`} error={rangeErrors[key] !== undefined}>
                {label}
              </Label>
              {rangeErrors[key] !== undefined && (
                <ErrorMessage id={`flights-${key}-error`}>{rangeErrors[key]}</ErrorMessage>
              )}
              <TextInput
                id={`flights-${key}`}
                name={key}
                type="text"
                className="usa-input--md"
                value={range[key]}
                validationStatus={rangeErrors[key] !== undefined ? 'error' : undefined}
                aria-describedby={rangeErrors[key] !== undefined ? `flights-${key}-error` : undefined}
                onChange={(e) => {
                  setRange((r) => ({ ...r, [key]: e.target.value }));
                }}
              />
            </FormGroup>
          ))}
          <Button type="submit">Show flights</Button>
        </Form>
        {flights.error !== undefined && <Failure message={flights.error} />}
        {flights.data === undefined ? (
          <Loading what="flights" />
        ) : (
          <>
            <DataTable<Flight>
              caption={`Flights from ${formatDate(from)} to ${formatDate(to)}${country === '' ? '' : ` to ${countryName(country)}`}`}
              rows={flights.data.flights}
              rowKey={(f) => f.id}
              testId="flights-table"
              empty="No flights in this range."
              columns={[
                { header: 'Date', cell: (f) => formatDate(f.date) },
                { header: 'Flight', cell: (f) => f.id },
                { header: 'Route', cell: (f) => `${f.origin} → ${f.destination}` },
                { header: 'Destination', cell: (f) => countryName(f.destinationCountry) },
                { header: 'Seats', numeric: true, cell: (f) => formatCount(f.seats) },
                {
                  header: 'Manifests',
                  cell: (f) => (
                    <Button
                      type="button"
                      unstyled
                      aria-label={`Show the manifests of flight ${f.id}`}
                      onClick={() => {
                        manifestCursor.reset();
                        update({ flight: f.id });
                      }}
                    >
                      Show manifests
                    </Button>
                  ),
                },
              ]}
            />
            <Pager cursor={flightCursor} next={flights.data.next} label="Pages of flights" />
          </>
        )}
      </section>

      <section aria-labelledby="manifests-heading" className="panel">
        <h2 id="manifests-heading">Manifests{flightId === '' ? '' : ` of flight ${flightId}`}</h2>
        <div className="inline-form">
          <FormGroup>
            <Label htmlFor="manifest-state">State</Label>
            <Select
              id="manifest-state"
              name="state"
              value={state}
              onChange={(e) => {
                manifestCursor.reset();
                update({ state: e.target.value });
              }}
            >
              <option value="">Any state</option>
              {MANIFEST_STATES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </Select>
          </FormGroup>
          {flightId !== '' && (
            <Button
              type="button"
              outline
              onClick={() => {
                manifestCursor.reset();
                update({ flight: '' });
              }}
            >
              All flights
            </Button>
          )}
        </div>
        {manifests.error !== undefined && <Failure message={manifests.error} />}
        {manifests.data === undefined ? (
          <Loading what="manifests" />
        ) : (
          <>
            <DataTable<ManifestSummary>
              caption="Manifests, with the people on each"
              rows={manifests.data.manifests}
              rowKey={(m) => m.id}
              testId="manifests-table"
              empty="No manifests."
              columns={[
                {
                  header: 'Manifest',
                  cell: (m) => <Link to={`/manifest/${encodeURIComponent(m.id)}`}>{m.id}</Link>,
                },
                { header: 'Flight', cell: (m) => `${m.flight.id}, ${formatDate(m.flight.date)}` },
                { header: 'To', cell: (m) => countryName(m.flight.destinationCountry) },
                {
                  header: 'State',
                  cell: (m) => <Tag className={`state state--${m.state}`}>{humanize(m.state)}</Tag>,
                },
                {
                  header: 'On board',
                  numeric: true,
                  cell: (m) => `${formatCount(m.onBoard)} of ${formatCount(m.flight.seats)}`,
                },
                { header: 'Struck', numeric: true, cell: (m) => formatCount(m.struck) },
              ]}
            />
            <Pager cursor={manifestCursor} next={manifests.data.next} label="Pages of manifests" />
          </>
        )}
      </section>

      {user.can('plan.create') && (
        <PlanWindowForm
          onPlanned={() => {
            // The new drafts belong in the list, whichever flight or state it was showing.
            manifestCursor.reset();
            update({ flight: '', state: '' });
            manifests.reload();
          }}
        />
      )}
      {user.can('flight.manage') && (
        <RegisterFlight
          onDone={(f) => {
            flights.reload();
            update({ from: f.date < from ? f.date : from, to: f.date > to ? f.date : to });
          }}
        />
      )}
      {user.can('manifest.draft') && <DraftManifest defaultFlight={flightId} />}
    </>
  );
}

const FLIGHT_FIELDS = [
  ['id', 'Flight id', 'Letters, digits and . _ : -, for example RF-2026-12-01'],
  ['date', 'Departure date', 'YYYY-MM-DD'],
  ['origin', 'From airport', 'Three letters, for example AEX'],
  ['destination', 'To airport', 'Three letters, for example CCS'],
  ['originCountry', 'Sending country', 'Two letters, for example US'],
  ['destinationCountry', 'Receiving country', 'Two letters, for example VE'],
  ['seats', 'Seats', 'A whole number'],
] as const;
type FlightField = (typeof FLIGHT_FIELDS)[number][0];

function checkFlight(v: Record<FlightField, string>): Partial<Record<FlightField, string>> {
  const e: Partial<Record<FlightField, string>> = {};
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(v.id)) e.id = 'Enter an id of letters, digits and . _ : -';
  if (!DATE.test(v.date) || Number.isNaN(dayOf(v.date))) e.date = 'Enter a real date as YYYY-MM-DD.';
  if (!/^[A-Z]{3}$/.test(v.origin)) e.origin = 'Enter a three-letter airport code in capitals.';
  if (!/^[A-Z]{3}$/.test(v.destination)) e.destination = 'Enter a three-letter airport code in capitals.';
  if (!/^[A-Z]{2}$/.test(v.originCountry)) e.originCountry = 'Enter a two-letter country code in capitals.';
  if (!/^[A-Z]{2}$/.test(v.destinationCountry))
    e.destinationCountry = 'Enter a two-letter country code in capitals.';
  if (!/^\d+$/.test(v.seats) || Number(v.seats) < 1 || Number(v.seats) > 10000)
    e.seats = 'Enter a number of seats from 1 to 10,000.';
  return e;
}

function RegisterFlight({ onDone }: { onDone: (flight: Flight) => void }) {
  const empty: Record<FlightField, string> = {
    id: '',
    date: '',
    origin: '',
    destination: '',
    originCountry: 'US',
    destinationCountry: '',
    seats: '',
  };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<FlightField, string>>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkFlight(values);
    setErrors(found);
    setOutcome(undefined);
    if (Object.keys(found).length > 0) return;
    const { data, error } = await api.POST('/flights', { body: { ...values, seats: Number(values.seats) } });
    if (data === undefined) {
      setErrors(fieldErrors(error));
      setOutcome({ ok: false, text: problemText(error) });
      return;
    }
    setOutcome({ ok: true, text: `Flight ${data.id} registered for ${formatDate(data.date)}.` });
    setValues(empty);
    onDone(data);
  };
  return (
    <section aria-labelledby="register-heading" className="panel">
      <h2 id="register-heading">Register a flight</h2>
      {outcome !== undefined && (
        <Alert type={outcome.ok ? 'success' : 'error'} headingLevel="h3" slim>
          {outcome.text}
        </Alert>
      )}
      <Form onSubmit={(e) => void submit(e)} noValidate className="maxw-full">
        <Fieldset legend="Flight" legendStyle="srOnly">
          <div className="field-grid">
            {FLIGHT_FIELDS.map(([key, label, hint]) => (
              <FormGroup key={key} error={errors[key] !== undefined}>
                <Label htmlFor={`flight-${key}`} error={errors[key] !== undefined}>
                  {label}
                </Label>
                <span className="usa-hint" id={`flight-${key}-hint`}>
                  {hint}
                </span>
                {errors[key] !== undefined && (
                  <ErrorMessage id={`flight-${key}-error`}>{errors[key]}</ErrorMessage>
                )}
                <TextInput
                  id={`flight-${key}`}
                  name={key}
                  type="text"
                  value={values[key]}
                  validationStatus={errors[key] !== undefined ? 'error' : undefined}
                  aria-describedby={`flight-${key}-hint${errors[key] !== undefined ? ` flight-${key}-error` : ''}`}
                  onChange={(e) => {
                    setValues((v) => ({ ...v, [key]: e.target.value }));
                  }}
                />
              </FormGroup>
            ))}
          </div>
        </Fieldset>
        <Button type="submit">Register flight</Button>
      </Form>
    </section>
  );
}

function DraftManifest({ defaultFlight }: { defaultFlight: string }) {
  const navigate = useNavigate();
  const [flight, setFlight] = useState(defaultFlight);
  const [error, setError] = useState<string | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = flight.trim() === '' ? defaultFlight : flight.trim();
    if (id === '') {
      setError('Enter the id of the flight the manifest is for.');
      return;
    }
    setError(undefined);
    const { data, error: problem } = await api.POST('/manifests', {
      body: { flightId: id, reason: 'Drafted in the web UI' },
    });
    if (data === undefined) {
      setError(fieldErrors(problem).flightId);
      setRefusal(problemText(problem));
      return;
    }
    void navigate(`/manifest/${encodeURIComponent(data.manifest.id)}`);
  };
  return (
    <section aria-labelledby="draft-heading" className="panel">
      <h2 id="draft-heading">Draft a manifest</h2>
      <p>
        To fill several flights at once, plan a date range above; here a manifest is drafted for one flight
        and filled by hand.
      </p>
      {refusal !== undefined && (
        <Alert type="error" headingLevel="h3" slim>
          {refusal}
        </Alert>
      )}
      <Form onSubmit={(e) => void submit(e)} noValidate className="maxw-full inline-form">
        <FormGroup error={error !== undefined}>
          <Label htmlFor="draft-flight" error={error !== undefined}>
            Flight id
          </Label>
          {error !== undefined && <ErrorMessage id="draft-flight-error">{error}</ErrorMessage>}
          <TextInput
            id="draft-flight"
            name="flightId"
            type="text"
            value={flight}
            validationStatus={error !== undefined ? 'error' : undefined}
            aria-describedby={error !== undefined ? 'draft-flight-error' : undefined}
            onChange={(e) => {
              setFlight(e.target.value);
            }}
          />
        </FormGroup>
        <Button type="submit">Draft manifest</Button>
      </Form>
    </section>
  );
}
