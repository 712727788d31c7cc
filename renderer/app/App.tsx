import { HashRouter, Link, Navigate, Route, Routes } from 'react-router-dom';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { IncidentView } from '../features/incidents/IncidentView';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';

/**
 * Routes live in the URL's hash, so the same build works from the desktop app's custom
 * protocol and from `casefile serve`, and a reload keeps the page and its filters.
 *   #/incidents            the case's incidents (filters, sort and page in the search params)
 *   #/incidents/:id        one incident, read-only
 *   #/dashboard            totals by grade (same filter params as the list)
 */
export function App() {
  return (
    <ErrorBoundary>
      <HashRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Navigate to="/incidents" replace />} />
            <Route path="incidents" element={<IncidentsPage />} />
            <Route path="incidents/:id" element={<IncidentView />} />
            <Route path="dashboard" element={<DashboardPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </HashRouter>
    </ErrorBoundary>
  );
}

function NotFoundPage() {
  return (
    <EmptyState title="There is no page at this address.">
      <p>
        <Link to="/incidents">Go to the incidents</Link>
      </p>
    </EmptyState>
  );
}
