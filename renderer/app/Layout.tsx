import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { ProfileProvider } from '../features/profile/ProfileContext';
import { ProfileGate } from '../features/profile/ProfileGate';
import { ProfileMenu } from '../features/profile/ProfileMenu';
import { ImportRunningBanner } from '../features/import/ImportRunningBanner';
import { SearchBox } from '../features/search/SearchBox';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ErrorBoundary } from './ErrorBoundary';
import { filterSearch } from './filters';
import { useChannel } from './useChannel';

/** The app frame: the case's name, the pages, and the page itself below. */
export function Layout() {
  const info = useChannel('case:info', {});
  const location = useLocation();
  const [params] = useSearchParams();
  // The nav carries the current filter from one page to the other.
  const search = filterSearch(params);
  // Without access no page can load: say so once, in place of the page.
  const refused = info.error?.code === 'refused';
  const caseName = info.data?.name;
  useEffect(() => {
    document.title = caseName ? `${caseName} — Casefile` : 'Casefile';
  }, [caseName]);

  return (
    <ProfileProvider>
      <div className="app">
        <header className="top-bar">
          <div className="case-name" title={info.data?.path}>
            <span className="app-name">Casefile</span>
            {info.data && <span data-testid="case-name">{info.data.name}</span>}
          </div>
          <nav aria-label="Pages">
            <NavLink to={{ pathname: '/incidents', search }}>Incidents</NavLink>
            <NavLink to={{ pathname: '/dashboard', search }}>Dashboard</NavLink>
            <NavLink to={{ pathname: '/map', search }}>Map</NavLink>
            <NavLink to="/reviews">My reviews</NavLink>
            <span className="nav-group" role="group" aria-label="Cross-checking">
              <NavLink to="/strikes">Strike reports</NavLink>
              <NavLink to="/duplicates">Duplicates</NavLink>
              <NavLink to="/victims/reconcile">Same person?</NavLink>
            </span>
            <span className="nav-group" role="group" aria-label="The case file">
              <NavLink to="/import">Import</NavLink>
              <NavLink to={{ pathname: '/export', search }}>Export</NavLink>
              <NavLink to="/merge">Merge</NavLink>
              <NavLink to="/audit">Audit trail</NavLink>
            </span>
          </nav>
          <SearchBox />
          {!refused && <ProfileMenu />}
        </header>
        {!refused && <ImportRunningBanner />}
        {info.error && (
          <div className="banner">
            <ErrorMessage error={info.error} onRetry={info.reload} />
          </div>
        )}
        <main className="main">
          {!refused && (
            <ErrorBoundary key={location.pathname}>
              {/* Nobody works anonymously: without a profile, the page asks who you are first. */}
              <ProfileGate>
                <Outlet />
              </ProfileGate>
            </ErrorBoundary>
          )}
        </main>
      </div>
    </ProfileProvider>
  );
}
