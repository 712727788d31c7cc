import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { DashboardRoute } from '../features/dashboard/lazy';
import { AuditPage } from '../features/audit/AuditPage';
import { ReviewsPage } from '../features/review/ReviewsPage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { IncidentView } from '../features/incidents/IncidentView';
import { EditIncidentRoute, EditSourceRoute, NewIncidentRoute, NewSourceRoute, SourceRoute } from '../features/editor/lazy';
import { SearchPage } from '../features/search/SearchPage';
import { StrikeQueuePage } from '../features/strikes/StrikeQueuePage';
import { StrikeReportsPage } from '../features/strikes/StrikeReportsPage';
import { LocateRoute, MapRoute } from '../features/map/lazy';
import { ImportPage } from '../features/import/ImportPage';
import { SavedReportPage } from '../features/import/SavedReportPage';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage';
import { MergePage } from '../features/duplicates/MergePage';
import { ReconcilePage } from '../features/reconcile/ReconcilePage';
import { ExportPage } from '../features/bundle/ExportPage';
import { MergePage as BundleMergePage } from '../features/merge/MergePage';
import { EmptyState } from '../ui/EmptyState';
import { DataHashRouter } from './DataHashRouter';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';

/**
 * Routes live in the URL's hash, so the same build works from the desktop app's custom
 * protocol and from `casefile serve`, and a reload keeps the page and its filters.
 *   #/incidents            the case's incidents (filters, sort and page in the search params)
 *   #/incidents/:id        one incident, read-only
 *   #/dashboard            totals by grade (same filter params as the list)
 *   #/map                  the incidents on the offline map (same filter params, plus bbox); #/map/locate
 *   #/incidents/new, #/incidents/:id/edit          the incident editor
 *   #/incidents/:id/sources/new, #/sources/:id[/edit] sources and their captures
 *   #/search?q=…&kind=…    search across incidents, sources and victims
 *   #/import, #/import/reports/:id   File → Import… (Airwars archive or any CSV), saved reports
 *   #/strikes, #/strikes/queue  belligerents' strike reports; incidents with candidates to review
 *   #/duplicates, #/duplicates/merge?survivor=…&absorbed=…   duplicate pairs; merging two incidents
 *   #/victims/reconcile    victim records that are probably one person, to confirm or keep apart
 */
export function App() {
  return (
    <ErrorBoundary>
      <DataHashRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Navigate to="/incidents" replace />} />
            <Route path="incidents" element={<IncidentsPage />} />
            <Route path="incidents/:id" element={<IncidentView />} />
            <Route path="incidents/new" element={<NewIncidentRoute />} />
            <Route path="incidents/:id/edit" element={<EditIncidentRoute />} />
            <Route path="incidents/:id/sources/new" element={<NewSourceRoute />} />
            <Route path="sources/:id" element={<SourceRoute />} />
            <Route path="sources/:id/edit" element={<EditSourceRoute />} />
            <Route path="search" element={<SearchPage />} />
            <Route path="dashboard" element={<DashboardRoute />} />
            <Route path="map" element={<MapRoute />} />
            <Route path="map/locate" element={<LocateRoute />} />
            <Route path="reviews" element={<ReviewsPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="import/reports/:id" element={<SavedReportPage />} />
            <Route path="strikes" element={<StrikeReportsPage />} />
            <Route path="strikes/queue" element={<StrikeQueuePage />} />
            <Route path="duplicates" element={<DuplicatesPage />} />
            <Route path="duplicates/merge" element={<MergePage />} />
            <Route path="victims/reconcile" element={<ReconcilePage />} />
            <Route path="export" element={<ExportPage />} />
            <Route path="merge" element={<BundleMergePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </DataHashRouter>
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
