/**
 * basemap.pack (built by build/scripts/basemap/tiles.mjs): the basemap's vector tiles and glyphs
 * in one file, fetched once from the app's own origin and read from memory after that. The map
 * asks for its tiles and glyphs with `casefile-basemap://` URLs, which basemapProtocol.ts answers
 * from here. Nothing here imports MapLibre: the app's first bundle prefetches the pack.
 */
import { basemapUrl } from './basemap';

export const PACK_FILE = 'basemap.pack';
export const PACK_VERSION = 1;
/** The URL scheme the style names tiles and glyphs with (answered by basemapProtocol.ts). */
export const BASEMAP_PROTOCOL = 'casefile-basemap';

export interface BasemapPack {
  /** Each tile source's zoom range and [west, south, east, north]. */
  sources: Record<string, { minzoom: number; maxzoom: number; bounds: [number, number, number, number] }>;
  /** Tile bytes of "source/z/x/y"; undefined where the tile is empty. */
  tile(key: string): Uint8Array | undefined;
  /** Glyph bytes of "fontstack/range" (e.g. "noto-sans/0-255"). */
  glyphs(key: string): Uint8Array | undefined;
}

interface Header {
  version: number;
  sources: BasemapPack['sources'];
  tiles: Record<string, [number, number]>;
  glyphs: Record<string, [number, number]>;
}

/** Read a pack's bytes; throws a message saying what is wrong with it. */
export function readPack(buffer: ArrayBuffer): BasemapPack {
  if (buffer.byteLength < 4) throw new Error(`The basemap file ${PACK_FILE} is empty or cut short. Rebuild the app: it ships the basemap.`);
  const headerLength = new DataView(buffer).getUint32(0, true);
  if (4 + headerLength > buffer.byteLength) throw new Error(`The basemap file ${PACK_FILE} is cut short. Rebuild the app: it ships the basemap.`);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength))) as Header;
  if (header.version !== PACK_VERSION) throw new Error(`The basemap file ${PACK_FILE} is version ${header.version}; this app reads version ${PACK_VERSION}. Rebuild the app.`);
  const base = 4 + headerLength;
  const slice = (at: [number, number] | undefined) => (at ? new Uint8Array(buffer, base + at[0], at[1]) : undefined);
  return {
    sources: header.sources,
    tile: (key) => slice(header.tiles[key]),
    glyphs: (key) => slice(header.glyphs[key]),
  };
}

let packPromise: Promise<BasemapPack> | null = null;

/** The pack (fetched once for the page's life; a failed fetch is tried again next time). */
export function loadBasemapPack(): Promise<BasemapPack> {
  packPromise ??= fetch(basemapUrl(PACK_FILE)).then(async (res) => {
    if (!res.ok) throw new Error(`The basemap file ${PACK_FILE} could not be loaded (${res.status}). Rebuild the app: it ships the basemap.`);
    const pack = readPack(await res.arrayBuffer());
    performance.mark('casefile:basemap-pack'); // in the map benchmark's timeline
    return pack;
  });
  packPromise.catch(() => (packPromise = null));
  return packPromise;
}
