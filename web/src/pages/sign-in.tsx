/**
 * Sign-in with a username and password; the server sets an HttpOnly session cookie. A wrong
 * username and a wrong password get the same answer, as the server gives them.
 */
import {
  Alert,
  Button,
  ErrorMessage,
  Fieldset,
  Form,
  FormGroup,
  GridContainer,
  Label,
  TextInput,
} from '@trussworks/react-uswds';
import { useState, type SyntheticEvent } from 'react';
import { api, problemText } from '../api/client';
import { usePageTitle } from '../components/page-title';
import { useSession } from '../session';

export function SignInPage() {
  usePageTitle('Sign in');
  const { signedIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = {
      ...(username.trim() === '' ? { username: 'Enter your username.' } : {}),
      ...(password === '' ? { password: 'Enter your password.' } : {}),
    };
    setMissing(errors);
    setRefusal(undefined);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      const { data, error } = await api.POST('/sessions', { body: { username: username.trim(), password } });
      if (data === undefined) {
        setRefusal(problemText(error));
        return;
      }
      // The signed-in routes take it from here, back to the page that asked (app.tsx).
      signedIn(data.user);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main-content" className="sign-in">
      <GridContainer>
        <div className="sign-in__card">
          <h1>Sign in to Repatria</h1>
          <p className="usa-intro">
            Returns under return agreements, with a written reason for every decision.
          </p>
          {refusal !== undefined && (
            <Alert type="error" headingLevel="h2" heading="Not signed in" slim data-testid="sign-in-refused">
              {refusal}
            </Alert>
          )}
          <Form onSubmit={(e) => void submit(e)} large noValidate>
            <Fieldset legend="Your account" legendStyle="srOnly">
              <FormGroup error={missing.username !== undefined}>
                <Label htmlFor="username" error={missing.username !== undefined}>
                  Username
                </Label>
                {missing.username !== undefined && (
                  <ErrorMessage id="username-error">{missing.username}</ErrorMessage>
                )}
                <TextInput
                  id="username"
                  name="username"
                  type="text"
                  autoComplete="username"
                  autoCapitalize="off"
                  spellCheck={false}
                  value={username}
                  validationStatus={missing.username !== undefined ? 'error' : undefined}
                  aria-describedby={missing.username !== undefined ? 'username-error' : undefined}
                  onChange={(e) => {
                    setUsername(e.target.value);
                  }}
                />
              </FormGroup>
              <FormGroup error={missing.password !== undefined}>
                <Label htmlFor="password" error={missing.password !== undefined}>
                  Password
                </Label>
                {missing.password !== undefined && (
                  <ErrorMessage id="password-error">{missing.password}</ErrorMessage>
                )}
                <TextInput
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  validationStatus={missing.password !== undefined ? 'error' : undefined}
                  aria-describedby={missing.password !== undefined ? 'password-error' : undefined}
                  onChange={(e) => {
                    setPassword(e.target.value);
                  }}
                />
              </FormGroup>
              <Button type="submit" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </Button>
            </Fieldset>
          </Form>
        </div>
      </GridContainer>
    </main>
  );
}
