/**
 * The app itself (React, the router, zod, the pages), loaded by main.tsx once boot.ts has
 * started what every page waits for. bootMap.ts comes first: on #/map, the incidents of the
 * URL's filter are asked for before React renders.
 */
import './bootMap';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

export function start(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
