/**
 * The programme: every TPS designation as a legal timeline (each notice and court order in
 * the order it became known, with the period it gave and its citation), class-wide court
 * orders and return agreements.
 */
import { Accordion, Select, Label, FormGroup, Tag } from '@trussworks/react-uswds';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../api/client';
import { DataTable } from '../components/data-table';
import { usePageTitle } from '../components/page-title';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import { anchorOf, type ProgramFact } from '../facts-text';
import { countryName, formatDate, formatInstant, formatPeriod, humanize } from '../format';

type Designation = Extract<ProgramFact, { type: 'tps_designation' }>;
type ClassOrder = Extract<ProgramFact, { type: 'class_order' }>;
type Agreement = Extract<ProgramFact, { type: 'return_agreement' }>;

/** `VE-2023/2025-03-31/court_order` → `Court order`: the act a record states, named in its id. */
const actOf = (id: string): string => humanize(id.split('/').at(-1) ?? id);

export function ProgrammePage() {
  usePageTitle('Programme');
  const location = useLocation();
  const [country, setCountry] = useState('');
  const designations = useLoad(
    () => api.GET('/program-facts', { params: { query: { history: 'true', type: 'tps_designation' } } }),
    [],
  );
  const orders = useLoad(
    () => api.GET('/program-facts', { params: { query: { history: 'true', type: 'class_order' } } }),
    [],
  );
  const agreements = useLoad(
    () => api.GET('/program-facts', { params: { query: { history: 'true', type: 'return_agreement' } } }),
    [],
  );

  // A link from a decision's reason names a record: scroll to it once the page has it.
  const loaded = designations.data !== undefined && orders.data !== undefined;
  useEffect(() => {
    if (!loaded || location.hash === '') return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded, location.hash]);

  const error = designations.error ?? orders.error ?? agreements.error;
  if (error !== undefined) return <Failure message={error} />;
  if (designations.data === undefined || orders.data === undefined || agreements.data === undefined)
    return <Loading what="the programme" />;

  const records = designations.data.facts.filter((f): f is Designation => f.type === 'tps_designation');
  const byDesignation = new Map<string, Designation[]>();
  for (const r of records) byDesignation.set(r.designation, [...(byDesignation.get(r.designation) ?? []), r]);
  const countries = [...new Set(records.map((r) => r.country))].sort((a, b) =>
    countryName(a).localeCompare(countryName(b)),
  );
  const shown = [...byDesignation.entries()]
    .filter(([, rs]) => country === '' || rs[0]?.country === country)
    .sort(([a], [b]) => a.localeCompare(b));

  return (
    <>
      <h1>Programme</h1>
      <section aria-labelledby="tps-heading">
        <h2 id="tps-heading">TPS designations</h2>
        <p>
          Each designation with every record made of it: the designation, its extensions, terminations,
          vacaturs and court orders, in the order they became known. Each record states the period as the law
          stood after the act it records; the latest record known at an instant is the law as known then.
        </p>
        <FormGroup>
          <Label htmlFor="programme-country">Country</Label>
          <Select
            id="programme-country"
            name="country"
            value={country}
            onChange={(e) => {
              setCountry(e.target.value);
            }}
          >
            <option value="">All countries</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c)}
              </option>
            ))}
          </Select>
        </FormGroup>
        <Accordion
          key={`${country}${location.hash}`}
          bordered
          multiselectable
          className="designations"
          items={shown.map(([designation, rs]) => {
            const latest = rs.filter((r) => r.retractedAt === undefined).at(-1);
            const targeted = rs.some((r) => `#${anchorOf(r.id)}` === location.hash);
            return {
              id: `designation-${designation}`,
              title: `${countryName(rs[0]?.country ?? '')} ${designation}${latest === undefined ? '' : `: ${formatPeriod(latest.from, latest.through)}`}`,
              headingLevel: 'h3' as const,
              expanded: country !== '' || targeted,
              content: <DesignationTimeline designation={designation} records={rs} />,
            };
          })}
        />
      </section>

      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading">Class-wide court orders</h2>
        <DataTable<ClassOrder>
          caption="Court orders that protect groups of people"
          rows={orders.data.facts.filter((f): f is ClassOrder => f.type === 'class_order')}
          rowKey={(r) => r.id}
          pageSize={20}
          columns={[
            { header: 'Order', cell: (r) => <span id={anchorOf(r.id)}>{r.id}</span> },
            {
              header: 'Who it protects',
              cell: (r) =>
                [
                  r.criteria.nationality === undefined
                    ? undefined
                    : `Nationals of ${r.criteria.nationality.map(countryName).join(', ')}`,
                  r.criteria.facility === undefined
                    ? undefined
                    : `People held at ${r.criteria.facility.join(', ')}`,
                ]
                  .filter((x) => x !== undefined)
                  .join('; '),
            },
            { header: 'In effect', cell: (r) => formatPeriod(r.from, r.through) },
            { header: 'Citation', cell: (r) => <cite>{r.citation}</cite> },
            { header: 'Recorded', cell: (r) => formatInstant(r.recordedAt) },
          ]}
        />
      </section>

      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">Return agreements</h2>
        <DataTable<Agreement>
          caption="Return agreements by country"
          rows={agreements.data.facts
            .filter((f): f is Agreement => f.type === 'return_agreement')
            .sort((a, b) => countryName(a.country).localeCompare(countryName(b.country)))}
          rowKey={(r) => r.id}
          pageSize={20}
          columns={[
            { header: 'Country', cell: (r) => <span id={anchorOf(r.id)}>{countryName(r.country)}</span> },
            {
              header: 'Weekly cap',
              numeric: true,
              cell: (r) => (r.weeklyCap === undefined ? 'None' : r.weeklyCap),
            },
            {
              header: 'Travel document',
              cell: (r) => (r.requiresTravelDocument ? 'Required' : 'Not required'),
            },
            {
              header: 'Aircraft supplied by',
              cell: (r) => (r.transport === 'sending' ? 'Sending side' : 'Receiving country'),
            },
            { header: 'In effect', cell: (r) => formatPeriod(r.from, r.through) },
            {
              header: 'Recorded',
              cell: (r) => (
                <>
                  {formatInstant(r.recordedAt)}
                  {r.retractedAt !== undefined && <> (retracted {formatInstant(r.retractedAt)})</>}
                </>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}

function DesignationTimeline({
  designation,
  records,
}: {
  designation: string;
  records: readonly Designation[];
}) {
  const sorted = [...records].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  const country = sorted[0]?.country ?? '';
  const latest = sorted.filter((r) => r.retractedAt === undefined).at(-1);
  return (
    <article
      className="designation"
      aria-labelledby={`designation-${designation}`}
      data-testid={`designation-${designation}`}
    >
      <h3 id={`designation-${designation}`}>
        {countryName(country)} <span className="designation__id">{designation}</span>
      </h3>
      {latest !== undefined && (
        <p>
          As known now: in effect <strong>{formatPeriod(latest.from, latest.through)}</strong>.
        </p>
      )}
      <ol className="usa-process-list legal-timeline">
        {sorted.map((r) => (
          <li key={r.id} className="usa-process-list__item" id={anchorOf(r.id)}>
            <h4 className="usa-process-list__heading">
              {formatDate(r.recordedAt)}: {actOf(r.id)}
              {r.retractedAt !== undefined && (
                <Tag className="margin-left-1">retracted {formatDate(r.retractedAt)}</Tag>
              )}
            </h4>
            <p>
              In effect {formatPeriod(r.from, r.through)}.
              <br />
              <cite>{r.citation}</cite>
            </p>
          </li>
        ))}
      </ol>
    </article>
  );
}
