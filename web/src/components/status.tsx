/** What every page shows while it loads or when the server refuses. */
import { Alert } from '@trussworks/react-uswds';

export function Loading({ what }: { readonly what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Failure({ message }: { readonly message: string }) {
  return (
    <Alert type="error" headingLevel="h2" heading="Something went wrong" slim>
      {message}
    </Alert>
  );
}
