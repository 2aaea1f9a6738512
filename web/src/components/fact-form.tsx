/**
 * Recording a fact about a person: the types the role may record, the fields of the chosen
 * type, and a message beside each field at fault — checked here first, so that most
 * mistakes are explained before anything is sent, then as the server states them.
 */
import {
  Alert,
  Button,
  Checkbox,
  ErrorMessage,
  Fieldset,
  Form,
  FormGroup,
  Label,
  Select,
  TextInput,
} from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { api, fieldErrors, problemText, type Schemas } from '../api/client';
import {
  CLAIM_RESOLUTIONS,
  FINAL_ORDER_KINDS,
  HOLD_KINDS,
  mayRecord,
  PERSON_FACT_TYPES,
  PROTECTION_KINDS,
  type PersonFactType,
  type Role,
} from '../domain';
import { humanize } from '../format';

type NewFact = Schemas['NewPersonFact'];

interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: 'date' | 'country' | 'text' | 'select' | 'checkbox';
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly hint?: string;
  readonly pattern?: { readonly regex: RegExp; readonly message: string };
}

const from = (label = 'From'): FieldSpec => ({ name: 'from', label, kind: 'date', required: true });
const through = (required = false): FieldSpec => ({
  name: 'through',
  label: required ? 'Through' : 'Through (leave empty for no end)',
  kind: 'date',
  required,
});
const country = (label = 'Country'): FieldSpec => ({
  name: 'country',
  label,
  kind: 'country',
  required: true,
});
const select = (name: string, label: string, options: readonly string[], required = true): FieldSpec => ({
  name,
  label,
  kind: 'select',
  required,
  options,
});

/** The fields of each fact type, as the API's schema has them. */
const FIELDS: Readonly<Record<PersonFactType, readonly FieldSpec[]>> = {
  nationality: [country('Country of nationality')],
  final_order: [select('kind', 'Kind of order', FINAL_ORDER_KINDS), from('In effect from'), through()],
  appeal: [
    {
      name: 'stay',
      label: 'Removal is stayed while the appeal is decided',
      kind: 'checkbox',
      required: false,
    },
    from('Filed on'),
    through(),
  ],
  stay: [from('In effect from'), through()],
  tps: [
    {
      name: 'designation',
      label: 'Designation',
      kind: 'text',
      required: true,
      hint: 'Country, hyphen, year designated, for example VE-2023',
      pattern: { regex: /^[A-Z]{2}-\d{4}$/, message: 'Write the designation like VE-2023.' },
    },
    from('Granted from'),
    through(),
  ],
  protection: [
    select('kind', 'Kind of protection', PROTECTION_KINDS),
    country('Protected from removal to'),
    from(),
    through(),
  ],
  lawful_status: [
    {
      name: 'kind',
      label: 'Status',
      kind: 'text',
      required: true,
      hint: 'lpr, asylee, refugee or parole',
      pattern: { regex: /^[a-z_]{2,40}$/, message: 'Write the status in lower case, such as lpr or parole.' },
    },
    from(),
    through(),
  ],
  citizenship_claim: [
    country('Citizenship claimed'),
    from('Claimed on'),
    select('resolution', 'Resolution (leave empty while pending)', CLAIM_RESOLUTIONS, false),
    { name: 'resolvedOn', label: 'Resolved on', kind: 'date', required: false },
  ],
  travel_document: [country('Issued by'), from('Valid from'), through(true)],
  hold: [select('kind', 'Kind of hold', HOLD_KINDS), from(), through()],
  custody: [
    { name: 'facility', label: 'Facility', kind: 'text', required: true },
    from('In custody from'),
    through(),
  ],
  notice: [
    { name: 'servedOn', label: 'Served on', kind: 'date', required: true },
    { name: 'counsel', label: 'Counsel was notified', kind: 'checkbox', required: false },
  ],
  family: [{ name: 'group', label: 'Family group', kind: 'text', required: true }],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (text: string): boolean => {
  if (!DATE.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  // 2025-02-30 parses in some engines as 2 Mar: a real date reads back as itself.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
};

/**
 * Court orders (stays, appeals, protections) go through their own route, which decides the
 * person again on every manifest not yet departed, in the same transaction, and strikes them
 * wherever they may no longer fly.
 */
const COURT_ORDER_TYPES: ReadonlySet<PersonFactType> = new Set<PersonFactType>([
  'stay',
  'appeal',
  'protection',
]);

type Values = Record<string, string | boolean>;

/** Field-level messages for what is missing or malformed; empty when the form may be sent. */
function check(fields: readonly FieldSpec[], values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') continue;
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required) out[field.name] = `Enter ${field.label.toLowerCase().replace(/ \(.*\)$/, '')}.`;
      continue;
    }
    if (field.kind === 'date' && !isRealDate(text))
      out[field.name] = 'Enter a real date as YYYY-MM-DD, for example 2025-04-07.';
    if (field.kind === 'country' && !/^[A-Z]{2}$/.test(text))
      out[field.name] = 'Enter the two-letter country code in capitals, for example VE.';
    if (field.pattern !== undefined && !field.pattern.regex.test(text))
      out[field.name] = field.pattern.message;
  }
  const start = values.from;
  const end = values.through;
  if (
    typeof start === 'string' &&
    typeof end === 'string' &&
    isRealDate(start) &&
    isRealDate(end) &&
    end < start &&
    out.through === undefined
  )
    out.through = 'The end date must be on or after the start date.';
  return out;
}

/** The fact to send: the type, a new id and the fields filled in. */
function factOf(
  type: PersonFactType,
  personId: string,
  fields: readonly FieldSpec[],
  values: Values,
): NewFact {
  const body: Record<string, unknown> = {
    // Ids must be unique across all facts: the person, the type and the instant make one.
    id: `${personId}-${type}-${Date.now().toString(36)}`,
    type,
  };
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.name] = value === true;
    else if (typeof value === 'string' && value.trim() !== '') body[field.name] = value.trim();
  }
  // The fields are those of the type's schema, checked above; the server checks them again.
  return body as NewFact;
}

interface FactFormProps {
  readonly personId: string;
  readonly role: Role;
  readonly onRecorded: () => void;
}

export function FactForm({ personId, role, onRecorded }: FactFormProps) {
  const types = PERSON_FACT_TYPES.filter((t) => mayRecord(role, t));
  const [type, setType] = useState<PersonFactType | ''>('');
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (types.length === 0) return null;
  const fields = type === '' ? [] : FIELDS[type];

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(undefined);
    if (type === '') {
      setErrors({ type: 'Choose the kind of fact to record.' });
      return;
    }
    const found = check(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const fact = factOf(type, personId, fields, values);
      let struck = '';
      if (COURT_ORDER_TYPES.has(type)) {
        // The court-order body is the fact itself; its schema has the same fields.
        const { data, error } = await api.POST('/people/{personId}/court-orders', {
          params: { path: { personId } },
          body: fact as Schemas['CourtOrder'],
        });
        if (data === undefined) {
          setErrors(fieldErrors(error));
          setOutcome({ ok: false, text: problemText(error) });
          return;
        }
        struck =
          data.manifests.length === 0
            ? ''
            : ` Struck from ${data.manifests.length === 1 ? 'manifest' : 'manifests'} ${data.manifests.join(', ')}.`;
      } else {
        const { data, error } = await api.POST('/people/{personId}/facts', {
          params: { path: { personId } },
          body: { facts: [fact] },
        });
        if (data === undefined) {
          setErrors(fieldErrors(error, 'facts.0.'));
          setOutcome({ ok: false, text: problemText(error) });
          return;
        }
      }
      setOutcome({ ok: true, text: `${humanize(type)} recorded.${struck}` });
      setValues({});
      onRecorded();
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (name: string): string | undefined => errors[name];
  return (
    <section aria-labelledby="record-heading" className="panel" data-testid="fact-form">
      <h2 id="record-heading">Record a fact</h2>
      {outcome !== undefined && (
        <Alert type={outcome.ok ? 'success' : 'error'} headingLevel="h3" slim role="status">
          {outcome.text}
        </Alert>
      )}
      <Form onSubmit={(e) => void submit(e)} noValidate className="maxw-full">
        <FormGroup error={errorOf('type') !== undefined}>
          <Label htmlFor="fact-type">Kind of fact</Label>
          {errorOf('type') !== undefined && (
            <ErrorMessage id="fact-type-error">{errorOf('type')}</ErrorMessage>
          )}
          <Select
            id="fact-type"
            name="type"
            value={type}
            validationStatus={errorOf('type') !== undefined ? 'error' : undefined}
            aria-describedby={errorOf('type') !== undefined ? 'fact-type-error' : undefined}
            onChange={(e) => {
              setType(e.target.value as PersonFactType | '');
              setErrors({});
              setValues({});
            }}
          >
            <option value="">- Select -</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </Select>
        </FormGroup>
        {fields.length > 0 && (
          <Fieldset legend={`${humanize(type)} details`}>
            {fields.map((field) => (
              <Field
                key={`${type}-${field.name}`}
                field={field}
                value={values[field.name]}
                error={errorOf(field.name)}
                onChange={(value) => {
                  setValues((v) => ({ ...v, [field.name]: value }));
                }}
              />
            ))}
          </Fieldset>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record fact'}
        </Button>
      </Form>
    </section>
  );
}

interface FieldProps {
  readonly field: FieldSpec;
  readonly value: string | boolean | undefined;
  readonly error: string | undefined;
  readonly onChange: (value: string | boolean) => void;
}

function Field({ field, value, error, onChange }: FieldProps) {
  const id = `fact-${field.name}`;
  const hint =
    field.hint ??
    (field.kind === 'date'
      ? 'YYYY-MM-DD, for example 2025-04-07'
      : field.kind === 'country'
        ? 'Two letters, for example VE'
        : undefined);
  const describedBy = [
    hint === undefined ? undefined : `${id}-hint`,
    error === undefined ? undefined : `${id}-error`,
  ]
    .filter((x) => x !== undefined)
    .join(' ');
  if (field.kind === 'checkbox') {
    return (
      <Checkbox
        id={id}
        name={field.name}
        label={field.label}
        checked={value === true}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <FormGroup error={error !== undefined}>
      <Label htmlFor={id} error={error !== undefined} requiredMarker={field.required}>
        {field.label}
      </Label>
      {hint !== undefined && (
        <span className="usa-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {field.kind === 'select' ? (
        <Select
          id={id}
          name={field.name}
          value={text}
          validationStatus={error !== undefined ? 'error' : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        >
          <option value="">- Select -</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {humanize(o)}
            </option>
          ))}
        </Select>
      ) : (
        <TextInput
          id={id}
          name={field.name}
          type="text"
          inputMode={field.kind === 'date' ? 'numeric' : undefined}
          value={text}
          validationStatus={error !== undefined ? 'error' : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          className={field.kind === 'date' || field.kind === 'country' ? 'usa-input--md' : undefined}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
    </FormGroup>
  );
}
