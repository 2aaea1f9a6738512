/** Withdrawing a fact as wrong, from now on: answers as known before stay as they were. */
import { Alert, Button, ErrorMessage, Form, FormGroup, Label, Textarea } from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { api, fieldErrors, problemText } from '../api/client';

interface RetractFormProps {
  readonly personId: string;
  readonly factId: string;
  readonly onDone: (retracted: boolean) => void;
}

export function RetractForm({ personId, factId, onDone }: RetractFormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `retract-${factId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Say why the fact is wrong: the reason is kept in the audit log.');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const { data, error: problem } = await api.POST('/people/{personId}/facts/{factId}/retraction', {
        params: { path: { personId, factId } },
        body: { reason: reason.trim() },
      });
      if (data === undefined) {
        setError(fieldErrors(problem).reason);
        setRefusal(problemText(problem));
        return;
      }
      onDone(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(e) => void submit(e)} noValidate className="retract-form maxw-full">
      {refusal !== undefined && (
        <Alert type="error" headingLevel="h4" slim>
          {refusal}
        </Alert>
      )}
      <FormGroup error={error !== undefined}>
        <Label htmlFor={id} error={error !== undefined}>
          Why is fact {factId} wrong?
        </Label>
        {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        <Textarea
          id={id}
          name="reason"
          value={reason}
          error={error !== undefined}
          aria-describedby={error !== undefined ? `${id}-error` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </FormGroup>
      <Button type="submit" secondary disabled={busy}>
        Retract fact
      </Button>
      <Button
        type="button"
        unstyled
        onClick={() => {
          onDone(false);
        }}
      >
        Cancel
      </Button>
    </Form>
  );
}
