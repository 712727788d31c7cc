/**
 * Plain geometry for the basemap build (lon/lat degrees, GeoJSON coordinate order): rounding,
 * clipping to a rectangle, point in polygon, and a label point inside a polygon.
 */

/** Round every coordinate of a GeoJSON geometry to `decimals` places, dropping repeated points. */
export function roundGeometry(geometry, decimals) {
  const f = 10 ** decimals;
  const r = (v) => Math.round(v * f) / f;
  const line = (pts) => {
    const out = [];
    for (const [x, y] of pts) {
      const p = [r(x), r(y)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: [r(geometry.coordinates[0]), r(geometry.coordinates[1])] };
    case 'LineString':
      return { type: 'LineString', coordinates: line(geometry.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map(line).filter((l) => l.length >= 2) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map(line).filter((l) => l.length >= 4) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((p) => p.map(line).filter((l) => l.length >= 4)).filter((p) => p.length > 0),
      };
    default:
      throw new Error(`roundGeometry: unsupported geometry ${geometry.type}`);
  }
}

/** Polygons of a Polygon or MultiPolygon geometry, as arrays of rings. */
export function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Lines of a LineString or MultiLineString geometry. */
export function linesOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/**
 * Sutherland–Hodgman: the part of a closed ring inside the rectangle [west, south, east, north].
 * A concave ring may come back with edges running along the rectangle's side; filled without
 * an outline (as the land is), they do not show.
 */
export function clipRing(ring, [w, s, e, n]) {
  const edges = [
    (p) => p[0] >= w,
    (p) => p[0] <= e,
    (p) => p[1] >= s,
    (p) => p[1] <= n,
  ];
  const cut = [
    (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])],
    (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])],
    (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s],
    (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n],
  ];
  let pts = ring.slice(0, -1);
  for (let k = 0; k < 4 && pts.length > 0; k++) {
    const inside = edges[k];
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut[k](prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cut[k](prev, cur));
      }
    }
    pts = out;
  }
  if (pts.length < 3) return null;
  return [...pts, pts[0]];
}

/** The parts of a polygon geometry inside the rectangle, as a MultiPolygon (or null). */
export function clipPolygons(geometry, rect) {
  const out = [];
  for (const polygon of polygonsOf(geometry)) {
    if (!bboxIntersects(ringBbox(polygon[0]), rect)) continue;
    const outer = clipRing(polygon[0], rect);
    if (!outer) continue;
    const holes = polygon.slice(1).map((h) => clipRing(h, rect)).filter(Boolean);
    out.push([outer, ...holes]);
  }
  return out.length ? { type: 'MultiPolygon', coordinates: out } : null;
}

function inRect([x, y], [w, s, e, n]) {
  return x >= w && x <= e && y >= s && y <= n;
}

/** Liang–Barsky: the part of segment a→b inside the rectangle, or null. */
function clipSegment(a, b, [w, s, e, n]) {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const checks = [
    [-dx, a[0] - w],
    [dx, e - a[0]],
    [-dy, a[1] - s],
    [dy, n - a[1]],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/** The pieces of a line inside the rectangle. */
export function clipLine(line, rect) {
  const pieces = [];
  let current = null;
  for (let i = 1; i < line.length; i++) {
    const seg = clipSegment(line[i - 1], line[i], rect);
    if (!seg) {
      current = null;
      continue;
    }
    const last = current?.[current.length - 1];
    if (current && last[0] === seg[0][0] && last[1] === seg[0][1]) current.push(seg[1]);
    else {
      current = [seg[0], seg[1]];
      pieces.push(current);
    }
    if (!inRect(line[i], rect)) current = null;
  }
  return pieces.filter((p) => p.length >= 2);
}

export function ringBbox(ring) {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

export function bboxIntersects(a, b) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point [lon, lat] lies inside a Polygon or MultiPolygon geometry. */
export function pointInGeometry(point, geometry) {
  return polygonsOf(geometry).some((polygon) => inRing(point, polygon[0]) && !polygon.slice(1).some((h) => inRing(point, h)));
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * A point well inside the largest polygon of a geometry, for its label: the grid point farthest
 * from any edge (a coarse pole of inaccessibility), so a ring-shaped region such as Rif Dimashq
 * is not labelled inside the city it surrounds.
 */
export function labelPoint(geometry, steps = 40) {
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) throw new Error('labelPoint: no polygon');
  const biggest = polygons.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
  const [w, s, e, n] = ringBbox(biggest[0]);
  const single = { type: 'Polygon', coordinates: biggest };
  let best = null;
  let bestDistance = -1;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const p = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
      if (!pointInGeometry(p, single)) continue;
      let d = Infinity;
      for (const ring of biggest) for (let k = 1; k < ring.length; k++) d = Math.min(d, distanceToSegment(p, ring[k - 1], ring[k]));
      if (d > bestDistance) {
        bestDistance = d;
        best = p;
      }
    }
  }
  return best ?? biggest[0][0];
}

/** Roughly how far (km) the point [lon, lat] lies from the outline of a polygon geometry. */
export function distanceToOutlineKm([lon, lat], geometry) {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  const p = [lon * kx, lat * ky];
  let best = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let k = 1; k < ring.length; k++) {
        const a = [ring[k - 1][0] * kx, ring[k - 1][1] * ky];
        const b = [ring[k][0] * kx, ring[k][1] * ky];
        best = Math.min(best, distanceToSegment(p, a, b));
      }
    }
  }
  return best;
}
