/**
 * Serving a notice of intended removal: who was served, when, how and in which language.
 * The notice period starts only once the person and their counsel of record (if any) are
 * both served; the store then records the `notice` fact that the decision and the planner
 * read, which this form reports.
 */
import { Alert, Button, Checkbox, ErrorMessage, Fieldset, Form, FormGroup, Label, Select, TextInput } from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { api, fieldErrors, problemText, type Schemas } from '../api/client';
import { formatDate, today } from '../format';

type Method = Schemas['NoticeServing']['method'];

const METHODS: readonly { value: Method; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'via_facility', label: 'Through the detention facility' },
  { value: 'mail', label: 'By mail' },
  { value: 'electronic', label: 'Electronically' },
  { value: 'fax', label: 'By fax' },
];

interface NoticeFormProps {
  readonly personId: string;
  readonly onServed: () => void;
}

export function NoticeForm({ personId, onServed }: NoticeFormProps) {
  const [servedOn, setServedOn] = useState(today());
  const [person, setPerson] = useState(true);
  const [counsel, setCounsel] = useState(false);
  const [noCounsel, setNoCounsel] = useState(false);
  const [language, setLanguage] = useState('es');
  const [method, setMethod] = useState<Method>('in_person');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to = [...(person ? (['person'] as const) : []), ...(counsel ? (['counsel'] as const) : [])];
    if (to.length === 0) {
      setErrors({ to: 'Say who was served: the person, their counsel, or both.' });
      return;
    }
    setErrors({});
    setRefusal(undefined);
    setOutcome(undefined);
    setBusy(true);
    try {
      const { data, error } = await api.POST('/people/{personId}/notices', {
        params: { path: { personId } },
        body: { servedOn, to, noCounselOfRecord: noCounsel, language, method },
      });
      if (data === undefined) {
        setErrors(fieldErrors(error));
        setRefusal(problemText(error));
        return;
      }
      const notice = data.noticeFact;
      setOutcome(
        notice !== null && notice.type === 'notice'
          ? `Serving recorded. The notice period runs from ${formatDate(notice.servedOn)} (fact ${notice.id}).`
          : 'Serving recorded. The notice period has not started yet: the person and counsel of record must both be served.',
      );
      onServed();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notice-heading" className="panel" data-testid="notice-form">
      <h2 id="notice-heading">Serve a notice of intended removal</h2>
      {outcome !== undefined && (
        <Alert type="success" headingLevel="h3" slim>
          {outcome}
        </Alert>
      )}
      {refusal !== undefined && (
        <Alert type="error" headingLevel="h3" slim>
          {refusal}
        </Alert>
      )}
      <Form onSubmit={(e) => void submit(e)} noValidate className="maxw-full">
        <TextField
          id="notice-served-on"
          name="servedOn"
          label="Served on (YYYY-MM-DD)"
          value={servedOn}
          error={errors.servedOn}
          numeric
          onChange={setServedOn}
        />
        <Fieldset legend="Who was served">
          {errors.to !== undefined && <ErrorMessage id="notice-to-error">{errors.to}</ErrorMessage>}
          {[
            { id: 'notice-to-person', name: 'to', label: 'The person', checked: person, set: setPerson },
            { id: 'notice-to-counsel', name: 'to', label: 'Counsel of record', checked: counsel, set: setCounsel },
            { id: 'notice-no-counsel', name: 'noCounselOfRecord', label: 'The person has no counsel of record', checked: noCounsel, set: setNoCounsel },
          ].map((box) => (
            <Checkbox
              key={box.id}
              id={box.id}
              name={box.name}
              label={box.label}
              checked={box.checked}
              onChange={(e) => {
                box.set(e.target.checked);
              }}
            />
          ))}
        </Fieldset>
        <TextField
          id="notice-language"
          name="language"
          label="Language of the notice (ISO 639 code, for example es, ht, pt-BR)"
          value={language}
          error={errors.language}
          onChange={setLanguage}
        />
        <FormGroup>
          <Label htmlFor="notice-method">How it was delivered</Label>
          <Select
            id="notice-method"
            name="method"
            value={method}
            onChange={(e) => {
              const found = METHODS.find((m) => m.value === e.target.value);
              if (found !== undefined) setMethod(found.value);
            }}
          >
            {METHODS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </Select>
        </FormGroup>
        <Button type="submit" disabled={busy}>
          Record the serving
        </Button>
      </Form>
    </section>
  );
}

interface TextFieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly error: string | undefined;
  readonly numeric?: boolean;
  readonly onChange: (value: string) => void;
}

/** A required text input with its label and, when the server refused it, the reason. */
function TextField({ id, name, label, value, error, numeric = false, onChange }: TextFieldProps) {
  return (
    <FormGroup error={error !== undefined}>
      <Label htmlFor={id} error={error !== undefined} requiredMarker>
        {label}
      </Label>
      {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <TextInput
        id={id}
        name={name}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        className="usa-input--md"
        value={value}
        validationStatus={error !== undefined ? 'error' : undefined}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </FormGroup>
  );
}
