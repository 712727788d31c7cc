/**
 * The incident editor and the source pages, loaded on first use (react-hook-form and the forms
 * stay out of the bundle that opens the incidents list).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../../ui/Loading';

const NewIncident = lazy(() => import('./IncidentEditorPage').then((m) => ({ default: m.NewIncidentPage })));
const EditIncident = lazy(() => import('./IncidentEditorPage').then((m) => ({ default: m.EditIncidentPage })));
const Source = lazy(() => import('../sources/SourcePages').then((m) => ({ default: m.SourcePage })));
const NewSource = lazy(() => import('../sources/SourcePages').then((m) => ({ default: m.NewSourcePage })));
const EditSource = lazy(() => import('../sources/SourcePages').then((m) => ({ default: m.EditSourcePage })));

const load = (page: ReactNode) => <Suspense fallback={<Loading what="Opening" />}>{page}</Suspense>;

export const NewIncidentRoute = () => load(<NewIncident />);
export const EditIncidentRoute = () => load(<EditIncident />);
export const SourceRoute = () => load(<Source />);
export const NewSourceRoute = () => load(<NewSource />);
export const EditSourceRoute = () => load(<EditSource />);
