/** Types for places.mjs (the gazetteer build), for the tests. */
export declare const PLACE_COLUMNS: string[];
export declare function buildPlaces(
  cities: { id: number; name: string; cc: string; featureCode: string; population: number; lon: number; lat: number }[],
  governorates: { id: string; geometry: unknown }[],
  aliases: unknown[],
): { rows: unknown[][]; stats: Record<string, number> };
