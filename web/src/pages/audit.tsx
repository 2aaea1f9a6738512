/**
 * Oversight: the hash-chained audit log, searched and paged by the server, with the result
 * of walking the chain; and the two other logs (changes to facts, access to personal data).
 */
import {
  Alert,
  Button,
  ButtonGroup,
  Form,
  FormGroup,
  Label,
  TextInput,
  ErrorMessage,
} from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { DataTable } from '../components/data-table';
import { usePageTitle } from '../components/page-title';
import { Pager, useCursor } from '../components/pager';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import { formatCount, formatInstant } from '../format';
import { useUser } from '../session';

type Entry = Schemas['AuditEntryPage']['entries'][number];
type Event = Schemas['EventPage']['events'][number];
type Access = Schemas['AccessEventPage']['events'][number];
const PAGE = 25;
const TABS = [
  ['chain', 'Audit chain'],
  ['events', 'Changes to facts'],
  ['access', 'Access log'],
] as const;
type Tab = (typeof TABS)[number][0];

const detailsText = (details: Record<string, unknown>): string => {
  const text = JSON.stringify(details);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

export function AuditPage() {
  usePageTitle('Audit log');
  const user = useUser();
  const [tab, setTab] = useState<Tab>('chain');
  return (
    <>
      <h1>Audit log</h1>
      {user.can('audit.verify') && <Verification />}
      <ButtonGroup type="segmented" aria-label="Which log" className="margin-y-2">
        {TABS.map(([key, label]) => (
          <Button
            key={key}
            type="button"
            outline={tab !== key}
            aria-pressed={tab === key}
            onClick={() => {
              setTab(key);
            }}
          >
            {label}
          </Button>
        ))}
      </ButtonGroup>
      {tab === 'chain' && <ChainLog />}
      {tab === 'events' && <EventLog />}
      {tab === 'access' && <AccessLog />}
    </>
  );
}

function Verification() {
  const verdict = useLoad(() => api.GET('/audit/verify'), []);
  return (
    <section aria-labelledby="verify-heading" className="panel" data-testid="verification">
      <h2 id="verify-heading">Chain verification</h2>
      {verdict.error !== undefined && <Failure message={verdict.error} />}
      {verdict.data === undefined ? (
        verdict.error === undefined && <Loading what="the verification" />
      ) : verdict.data.intact ? (
        <Alert
          type="success"
          headingLevel="h3"
          heading="The audit chain is intact"
          slim={false}
          data-testid="chain-intact"
        >
          {formatCount(verdict.data.entries)} entries verified
          {verdict.data.head !== null && (
            <>
              ; the last is entry {verdict.data.head.seq}, hash{' '}
              <code className="hash">{verdict.data.head.hash.slice(0, 16)}…</code>
            </>
          )}
          .
        </Alert>
      ) : (
        <Alert type="error" headingLevel="h3" heading="The audit chain is broken" data-testid="chain-broken">
          {formatCount(verdict.data.entries)} entries verified before entry {verdict.data.broken?.seq}:{' '}
          {verdict.data.broken?.message}
        </Alert>
      )}
      <Button type="button" outline onClick={verdict.reload} disabled={verdict.loading}>
        Verify again
      </Button>
    </section>
  );
}

function ChainLog() {
  const cursor = useCursor<number>();
  const [draft, setDraft] = useState({ subject: '', actor: '', what: '' });
  const [filter, setFilter] = useState(draft);
  const [whatError, setWhatError] = useState<string | undefined>(undefined);
  const page = useLoad(
    () =>
      api.GET('/audit/entries', {
        params: {
          query: {
            limit: PAGE,
            ...(cursor.after === undefined ? {} : { after: cursor.after }),
            ...(filter.subject === '' ? {} : { subject: filter.subject }),
            ...(filter.actor === '' ? {} : { actor: filter.actor }),
            ...(filter.what === '' ? {} : { what: filter.what }),
          },
        },
      }),
    [cursor.after, filter.subject, filter.actor, filter.what],
  );
  const search = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const what = draft.what.trim();
    if (what !== '' && !/^[a-z_]+(\.[a-z_]+)*$/.test(what)) {
      setWhatError('Enter a kind such as manifest.approved, or its first part such as manifest.');
      return;
    }
    setWhatError(undefined);
    cursor.reset();
    setFilter({ subject: draft.subject.trim(), actor: draft.actor.trim(), what });
  };
  return (
    <section aria-labelledby="chain-heading">
      <h2 id="chain-heading">Audit chain</h2>
      <Form
        onSubmit={search}
        noValidate
        className="maxw-full inline-form"
        role="search"
        aria-label="Audit entries"
      >
        <FormGroup>
          <Label htmlFor="audit-subject">Subject id</Label>
          <TextInput
            id="audit-subject"
            name="subject"
            type="text"
            value={draft.subject}
            onChange={(e) => {
              setDraft((d) => ({ ...d, subject: e.target.value }));
            }}
          />
        </FormGroup>
        <FormGroup>
          <Label htmlFor="audit-actor">Actor (user id)</Label>
          <TextInput
            id="audit-actor"
            name="actor"
            type="text"
            value={draft.actor}
            onChange={(e) => {
              setDraft((d) => ({ ...d, actor: e.target.value }));
            }}
          />
        </FormGroup>
        <FormGroup error={whatError !== undefined}>
          <Label htmlFor="audit-what" error={whatError !== undefined}>
            What (for example manifest.approved)
          </Label>
          {whatError !== undefined && <ErrorMessage id="audit-what-error">{whatError}</ErrorMessage>}
          <TextInput
            id="audit-what"
            name="what"
            type="text"
            value={draft.what}
            validationStatus={whatError !== undefined ? 'error' : undefined}
            aria-describedby={whatError !== undefined ? 'audit-what-error' : undefined}
            onChange={(e) => {
              setDraft((d) => ({ ...d, what: e.target.value }));
            }}
          />
        </FormGroup>
        <Button type="submit">Search</Button>
      </Form>
      {page.error !== undefined && <Failure message={page.error} />}
      {page.data === undefined ? (
        page.error === undefined && <Loading what="audit entries" />
      ) : (
        <>
          <DataTable<Entry>
            caption={`Audit entries, page ${cursor.page}`}
            rows={page.data.entries}
            rowKey={(e) => String(e.seq)}
            testId="audit-entries"
            empty="No entries match."
            columns={[
              { header: 'Seq', numeric: true, cell: (e) => e.seq },
              { header: 'When', cell: (e) => formatInstant(e.at) },
              { header: 'What', cell: (e) => e.what },
              { header: 'Who', cell: (e) => e.actor },
              { header: 'Subject', cell: (e) => `${e.subjectType} ${e.subjectId}` },
              { header: 'Details', cell: (e) => <span className="details">{detailsText(e.details)}</span> },
              {
                header: 'Hash',
                cell: (e) => (
                  <code className="hash" title={e.hash}>
                    {e.hash.slice(0, 10)}…
                  </code>
                ),
              },
            ]}
          />
          <Pager cursor={cursor} next={page.data.next} label="Pages of audit entries" />
        </>
      )}
    </section>
  );
}

/** One page of the event log or of the access log: the two have the same columns. */
type LogPage = Schemas['EventPage'] | Schemas['AccessEventPage'];
type LogEvent = Event | Access;

interface LogProps {
  readonly id: string;
  readonly title: string;
  /** What a row is, for the caption and the pager: `fact events`, `access events`. */
  readonly rows: string;
  readonly load: (query: { limit: number; after?: number }) => Promise<{ data?: LogPage | undefined; error?: unknown }>;
}

function LogSection({ id, title, rows, load }: LogProps) {
  const cursor = useCursor<number>();
  const page = useLoad(
    () => load({ limit: PAGE, ...(cursor.after === undefined ? {} : { after: cursor.after }) }),
    [cursor.after],
  );
  if (page.error !== undefined) return <Failure message={page.error} />;
  if (page.data === undefined) return <Loading what={`the ${title.toLowerCase()}`} />;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <DataTable<LogEvent>
        caption={`${rows.charAt(0).toUpperCase()}${rows.slice(1)}, page ${cursor.page}`}
        rows={page.data.events}
        rowKey={(e) => String(e.seq)}
        columns={[
          { header: 'Seq', numeric: true, cell: (e) => e.seq },
          { header: 'When', cell: (e) => formatInstant(e.at) },
          { header: 'What', cell: (e) => e.kind },
          { header: 'Who', cell: (e) => `${e.actor} (${e.role})` },
          { header: 'Subject', cell: (e) => `${e.subjectType} ${e.subjectId}` },
          { header: 'Details', cell: (e) => <span className="details">{detailsText(e.details)}</span> },
        ]}
      />
      <Pager cursor={cursor} next={page.data.next} label={`Pages of ${rows}`} />
    </section>
  );
}

const EventLog = () => (
  <LogSection
    id="events-heading"
    title="Changes to facts"
    rows="fact events"
    load={(query) => api.GET('/audit/events', { params: { query } })}
  />
);

const AccessLog = () => (
  <LogSection
    id="access-heading"
    title="Access log"
    rows="access events"
    load={(query) => api.GET('/audit/access', { params: { query } })}
  />
);
