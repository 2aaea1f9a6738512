/**
 * People in id order, a page at a time as the server pages them; a way to go straight to a
 * person by id; and, for the roles that see personal data, a way to find people by A-number
 * or name (the server writes each search to the access log).
 */
import { Button, Form, FormGroup, Label, TextInput } from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Schemas } from '../api/client';
import { DataTable } from '../components/data-table';
import { personalDataView } from '../domain';
import { useUser } from '../session';
import { usePageTitle } from '../components/page-title';
import { Pager, useCursor } from '../components/pager';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import { formatDate } from '../format';

type Row = Schemas['PeoplePage']['people'][number];
const PAGE = 25;

/** A search as submitted: what the table shows until the next one. */
interface Search {
  readonly aNumber: string;
  readonly name: string;
  readonly reason: string;
}
const NO_SEARCH: Search = { aNumber: '', name: '', reason: '' };
const searching = (s: Search): boolean => s.aNumber.trim() !== '' || s.name.trim() !== '';

/** The query of a search: its fields that are filled, and for an auditor the unmasking it needs. */
function searchQuery(s: Search, needsReason: boolean) {
  if (!searching(s)) return {};
  return {
    ...(s.aNumber.trim() === '' ? {} : { aNumber: s.aNumber.trim() }),
    ...(s.name.trim() === '' ? {} : { name: s.name.trim() }),
    ...(needsReason ? { unmask: 'true' as const, reason: s.reason.trim() } : {}),
  };
}

export function PeoplePage() {
  usePageTitle('People');
  const navigate = useNavigate();
  const cursor = useCursor<string>();
  const [id, setId] = useState('');
  const view = personalDataView(useUser().role);
  const needsReason = view === 'masked-unless-reason';
  const [draft, setDraft] = useState<Search>(NO_SEARCH);
  const [search, setSearch] = useState<Search>(NO_SEARCH);
  const page = useLoad(
    () =>
      api.GET('/people', {
        params: {
          query: {
            limit: PAGE,
            ...(cursor.after === undefined ? {} : { after: cursor.after }),
            ...searchQuery(search, needsReason),
          },
        },
      }),
    [cursor.after, search],
  );
  const find = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    cursor.reset();
    setSearch(draft);
  };
  const showEveryone = () => {
    cursor.reset();
    setDraft(NO_SEARCH);
    setSearch(NO_SEARCH);
  };
  const field = (key: keyof Search) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => {
      setDraft((d) => ({ ...d, [key]: e.target.value }));
    },
  });
  const go = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (id.trim() !== '') void navigate(`/person/${encodeURIComponent(id.trim())}`);
  };

  return (
    <>
      <h1>People</h1>
      <Form onSubmit={go} className="maxw-full inline-form">
        <FormGroup>
          <Label htmlFor="person-id">Open a person by id</Label>
          <TextInput
            id="person-id"
            name="personId"
            type="text"
            className="usa-input--lg"
            value={id}
            onChange={(e) => {
              setId(e.target.value);
            }}
          />
        </FormGroup>
        <Button type="submit">Open</Button>
      </Form>
      {view !== 'masked' && (
        <Form onSubmit={find} className="maxw-full inline-form" data-testid="people-search">
          <FormGroup>
            <Label htmlFor="search-a-number" hint=" (A012345678, with or without spaces)">
              A-number
            </Label>
            <TextInput id="search-a-number" name="aNumber" type="text" {...field('aNumber')} />
          </FormGroup>
          <FormGroup>
            <Label htmlFor="search-name" hint=" (words in any order, accents optional)">
              Name
            </Label>
            <TextInput id="search-name" name="name" type="text" {...field('name')} />
          </FormGroup>
          {needsReason && (
            <FormGroup>
              <Label htmlFor="search-reason" hint=" (written to the access log)">
                Why you need to search
              </Label>
              <TextInput id="search-reason" name="reason" type="text" {...field('reason')} />
            </FormGroup>
          )}
          <Button type="submit">Find</Button>
          {searching(search) && (
            <Button type="button" outline onClick={showEveryone}>
              Show everyone
            </Button>
          )}
        </Form>
      )}
      {page.error !== undefined && <Failure message={page.error} />}
      {page.data === undefined ? (
        <Loading what="people" />
      ) : (
        <>
          <DataTable<Row>
            caption={searching(search) ? `People found, page ${cursor.page}` : `People, page ${cursor.page}`}
            rows={page.data.people}
            rowKey={(r) => r.id}
            testId="people-table"
            empty={searching(search) ? 'Nobody’s current profile answers this search.' : undefined}
            columns={[
              { header: 'Id', cell: (r) => <Link to={`/person/${encodeURIComponent(r.id)}`}>{r.id}</Link> },
              { header: 'Name', cell: (r) => r.profile?.name ?? '' },
              { header: 'A-number', cell: (r) => r.profile?.aNumber ?? '' },
              {
                header: 'Born',
                cell: (r) => {
                  const born = r.profile?.dateOfBirth ?? '';
                  return born.length === 10 ? formatDate(born) : born;
                },
              },
            ]}
          />
          <Pager cursor={cursor} next={page.data.next} label="Pages of people" />
        </>
      )}
    </>
  );
}
