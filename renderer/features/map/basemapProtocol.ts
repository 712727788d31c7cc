/**
 * The `casefile-basemap://` URLs of the basemap style, answered from basemap.pack in memory:
 * `casefile-basemap://tiles/<source>/<z>/<x>/<y>` and `casefile-basemap://fonts/<fontstack>/<range>.pbf`.
 * A custom protocol works the same whether the app is served over http (`casefile serve`) or
 * from Electron's own protocol, and MapLibre's worker asks the page for these URLs.
 */
import { BASEMAP_PROTOCOL, loadBasemapPack } from './basemapPack';
import { addProtocol } from './maplibre';

const EMPTY = new ArrayBuffer(0);

/** What a `casefile-basemap://` URL names: a tile key, a glyph key, or null. */
export function parseBasemapUrl(url: string): { tile: string } | { glyphs: string } | null {
  const m = /^casefile-basemap:\/\/(tiles|fonts)\/(.+?)(?:\.pbf)?$/.exec(url);
  if (!m) return null;
  const key = decodeURIComponent(m[2]!);
  return m[1] === 'tiles' ? { tile: key } : { glyphs: key };
}

let registered = false;

/** Answer `casefile-basemap://` URLs (once per page). */
export function registerBasemapProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol(BASEMAP_PROTOCOL, async (params) => {
    const what = parseBasemapUrl(params.url);
    if (!what) throw new Error(`The map asked for ${params.url}, which the basemap does not have.`);
    const pack = await loadBasemapPack();
    if ('tile' in what) {
      // A tile the build left out is empty (open sea, or outside the detailed area).
      const bytes = pack.tile(what.tile);
      return { data: bytes ? bytes.slice().buffer : EMPTY.slice(0) };
    }
    const bytes = pack.glyphs(what.glyphs);
    if (!bytes) throw new Error(`The basemap has no glyphs ${what.glyphs}.`);
    return { data: bytes.slice().buffer };
  });
}
