/**
 * The pages and who sees them. Page paths are chosen apart from the API's own paths
 * (`/person/…` here, `/people/…` there) because the server answers API paths itself and
 * sends this app only for paths it does not know.
 */
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/layout';
import { Loading } from './components/status';
import { AuditPage } from './pages/audit';
import { DashboardPage } from './pages/dashboard';
import { FlightsPage } from './pages/flights';
import { ManifestPage } from './pages/manifest';
import { NotFoundPage } from './pages/not-found';
import { PeoplePage } from './pages/people';
import { PersonPage } from './pages/person';
import { ProgrammePage } from './pages/programme';
import { SignInPage } from './pages/sign-in';
import { useSession } from './session';

/**
 * Signed in on the sign-in page: on to the page that sent the user there (a link to a person
 * opened while signed out), or to the dashboard. Decided here, where the signed-in routes
 * first render, so that no redirect to the dashboard can run before it.
 */
function AfterSignIn() {
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const back = typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in');
  return <Navigate to={back ? from : '/'} replace />;
}

export function App() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading what="your session" />;
  if (user === null) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          path="*"
          element={<Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />}
        />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<DashboardPage />} />
        <Route path="sign-in" element={<AfterSignIn />} />
        <Route path="person" element={<PeoplePage />} />
        <Route path="person/:personId" element={<PersonPage />} />
        <Route path="programme" element={<ProgrammePage />} />
        <Route path="flight-planning" element={<FlightsPage />} />
        <Route path="manifest/:manifestId" element={<ManifestPage />} />
        <Route path="audit-log" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
