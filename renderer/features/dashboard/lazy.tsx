/**
 * The dashboard, loaded on first use: its charts (recharts and its dependencies, about a third
 * of the app's code) stay out of the bundle that opens the incidents list.
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading';

const DashboardPageLazy = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

export function DashboardRoute() {
  return (
    <Suspense fallback={<Loading what="Opening the dashboard" />}>
      <DashboardPageLazy />
    </Suspense>
  );
}
