import { useState, type ReactNode } from 'react';
import { RouterProvider, createHashRouter } from 'react-router-dom';

/**
 * A hash router with react-router's data APIs (useBlocker, which the editor needs to ask
 * before leaving unsaved changes), rendering the app's own <Routes> as descendant routes of
 * one splat route. URLs are the same as with <HashRouter>: #/incidents?...
 */
export function DataHashRouter({ children }: { children: ReactNode }) {
  const [router] = useState(() => createHashRouter([{ path: '*', element: children }]));
  return <RouterProvider router={router} />;
}
