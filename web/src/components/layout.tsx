/**
 * The frame of every signed-in page: a skip link, the header with the navigation (a menu
 * button on narrow screens), who is signed in and in which role, and sign-out.
 */
import { Button, Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import type { Action } from '../domain';
import { useUser, useSession } from '../session';

interface NavEntry {
  readonly to: string;
  readonly label: string;
  readonly needs: Action;
}

const NAV: readonly NavEntry[] = [
  { to: '/', label: 'Dashboard', needs: 'sweep.read' },
  { to: '/person', label: 'People', needs: 'person.read' },
  { to: '/programme', label: 'Programme', needs: 'person.read' },
  { to: '/flight-planning', label: 'Flights', needs: 'manifest.read' },
  { to: '/audit-log', label: 'Audit', needs: 'audit.read' },
];

export const ROLE_NAMES = {
  officer: 'Case officer',
  planner: 'Planner',
  legal: 'Legal',
  supervisor: 'Supervisor',
  auditor: 'Auditor',
  admin: 'Administrator',
} as const;

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState(false);

  const items = NAV.filter((entry) => user.can(entry.needs)).map((entry) => (
    <NavLink
      key={entry.to}
      to={entry.to}
      end={entry.to === '/'}
      className={({ isActive }) => `usa-nav__link${isActive ? ' usa-current' : ''}`}
      onClick={() => {
        setExpanded(false);
      }}
    >
      <span>{entry.label}</span>
    </NavLink>
  ));

  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <div className={`usa-overlay${expanded ? ' is-visible' : ''}`} />
      <Header basic showMobileOverlay={expanded}>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <NavLink to="/" className="site-title">
                Repatria
              </NavLink>
            </Title>
            <NavMenuButton
              label="Menu"
              onClick={() => {
                setExpanded((e) => !e);
              }}
            />
          </div>
          <PrimaryNav
            aria-label="Primary"
            items={items}
            mobileExpanded={expanded}
            onToggleMobileNav={() => {
              setExpanded((e) => !e);
            }}
          >
            <div className="signed-in" data-testid="signed-in">
              <span>
                <strong>{user.displayName}</strong>{' '}
                <span className="usa-tag" data-testid="role">
                  {ROLE_NAMES[user.role]}
                </span>
              </span>
              <Button
                type="button"
                unstyled
                className="sign-out"
                onClick={() => {
                  void signOut().then(() => navigate('/sign-in'));
                }}
              >
                Sign out
              </Button>
            </div>
          </PrimaryNav>
        </div>
      </Header>
      <main id="main-content" className="grid-container main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
