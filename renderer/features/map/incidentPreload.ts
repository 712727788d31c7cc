/**
 * The incidents the map opens with, handed to the waiting incident worker as soon as they come
 * (prefetch.ts), so that it clusters them while the app's code runs and React renders, instead
 * of after the map is created, when MapLibre's worker is busy cutting the basemap on the same
 * cores. The map's first load of the same answer takes this one (incidentTiles.ts). Here, not
 * in incidentWorkerStart.ts, because the columns need incidentData.ts, which brings zod: this
 * is in the app's chunk, not the entry.
 */
import type { MapPoints } from '../../../shared/contracts/map';
import { pointsToColumns } from './incidentData';
import { preloadIncidents } from './incidentWorkerStart';

export function preloadPoints(points: MapPoints): void {
  preloadIncidents(points, pointsToColumns(points));
}
