/**
 * Arabic place names on the map. The bundled glyphs have no Arabic (and MapLibre would need its
 * RTL plugin to shape it), so the Arabic name of every place, governorate and country whose
 * Latin label is on screen is laid over the map as an HTML label (lang="ar", dir="rtl"), which
 * the system's fonts shape properly. Refreshed each time the map comes to rest.
 */
import { Marker, type MapLibreMap } from './maplibre';
import { PLACE_LABEL_LAYERS } from './basemap';

const MAX_LABELS = 150;

interface Shown {
  marker: Marker;
  used: boolean;
}

export class ArabicLabels {
  private readonly shown = new Map<string, Shown>();
  private visible = true;
  private readonly onIdle = () => this.update();

  constructor(private readonly map: MapLibreMap) {
    map.on('idle', this.onIdle);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.update();
  }

  /** How many Arabic labels are on the map now. */
  get count(): number {
    return this.shown.size;
  }

  update(): void {
    for (const s of this.shown.values()) s.used = false;
    if (this.visible) {
      const layers = [...PLACE_LABEL_LAYERS, 'gov-labels', 'country-labels'].filter((id) => this.map.getLayer(id));
      const features = this.map.queryRenderedFeatures({ layers });
      let n = 0;
      for (const f of features) {
        const ar = f.properties?.ar as string | undefined;
        if (!ar || f.geometry.type !== 'Point' || n >= MAX_LABELS) continue;
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const isPlace = f.layer.id.startsWith('place-label');
        const key = `${f.layer.id}:${ar}:${lon.toFixed(4)},${lat.toFixed(4)}`;
        const had = this.shown.get(key);
        if (had) {
          had.used = true;
          n++;
          continue;
        }
        const el = document.createElement('span');
        el.className = isPlace ? 'map-label-ar' : 'map-label-ar map-label-ar-region';
        el.lang = 'ar';
        el.dir = 'rtl';
        el.textContent = ar;
        const marker = new Marker({ element: el, anchor: isPlace ? 'bottom' : 'top', offset: isPlace ? [0, -4] : [0, 9] })
          .setLngLat([lon, lat])
          .addTo(this.map);
        // A duplicate of a label drawn on the map: no tab stop, not announced twice.
        el.tabIndex = -1;
        el.setAttribute('aria-hidden', 'true');
        this.shown.set(key, { marker, used: true });
        n++;
      }
    }
    for (const [key, s] of this.shown) {
      if (!s.used) {
        s.marker.remove();
        this.shown.delete(key);
      }
    }
  }

  destroy(): void {
    this.map.off('idle', this.onIdle);
    for (const s of this.shown.values()) s.marker.remove();
    this.shown.clear();
  }
}
