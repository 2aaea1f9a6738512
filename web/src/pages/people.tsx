/**
 * People in id order, a page at a time as the server pages them, and a way to go straight
 * to a person by id.
 */
import { Button, Form, FormGroup, Label, TextInput } from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Schemas } from '../api/client';
import { DataTable } from '../components/data-table';
import { usePageTitle } from '../components/page-title';
import { Pager, useCursor } from '../components/pager';
import { Failure, Loading } from '../components/status';
import { useLoad } from '../components/use-load';
import { formatDate } from '../format';

type Row = Schemas['PeoplePage']['people'][number];
const PAGE = 25;

export function PeoplePage() {
  usePageTitle('People');
  const navigate = useNavigate();
  const cursor = useCursor<string>();
  const [id, setId] = useState('');
  const page = useLoad(
    () =>
      api.GET('/people', {
        params: { query: { limit: PAGE, ...(cursor.after === undefined ? {} : { after: cursor.after }) } },
      }),
    [cursor.after],
  );
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
      {page.error !== undefined && <Failure message={page.error} />}
      {page.data === undefined ? (
        <Loading what="people" />
      ) : (
        <>
          <DataTable<Row>
            caption={`People, page ${cursor.page}`}
            rows={page.data.people}
            rowKey={(r) => r.id}
            testId="people-table"
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
