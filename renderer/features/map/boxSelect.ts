/**
 * Drawing an area on the map: shift-drag, or drag while the "Draw area" mode is on. The box is a
 * plain element over the map while dragging; on release its corners become [west, south, east,
 * north]. Escape cancels.
 */
import type { MapLibreMap } from './maplibre';

export type Bbox = [number, number, number, number];

const round = (v: number) => Math.round(v * 1e4) / 1e4;

export function attachBoxSelect(map: MapLibreMap, opts: { isActive: () => boolean; onBox: (bbox: Bbox) => void }): () => void {
  const container = map.getCanvasContainer();
  let start: { x: number; y: number } | null = null;
  let box: HTMLDivElement | null = null;

  const pos = (e: MouseEvent) => {
    const r = container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const finish = () => {
    document.removeEventListener('mousemove', onMove);
    document.removeEventListener('mouseup', onUp);
    document.removeEventListener('keydown', onKey);
    box?.remove();
    box = null;
    start = null;
    map.dragPan.enable();
  };
  const onMove = (e: MouseEvent) => {
    if (!start || !box) return;
    const p = pos(e);
    Object.assign(box.style, {
      left: `${Math.min(start.x, p.x)}px`,
      top: `${Math.min(start.y, p.y)}px`,
      width: `${Math.abs(p.x - start.x)}px`,
      height: `${Math.abs(p.y - start.y)}px`,
    });
  };
  const onUp = (e: MouseEvent) => {
    if (!start) return finish();
    const p = pos(e);
    const from = start;
    finish();
    if (Math.abs(p.x - from.x) < 4 || Math.abs(p.y - from.y) < 4) return;
    const a = map.unproject([from.x, from.y]);
    const b = map.unproject([p.x, p.y]);
    opts.onBox([round(Math.min(a.lng, b.lng)), round(Math.min(a.lat, b.lat)), round(Math.max(a.lng, b.lng)), round(Math.max(a.lat, b.lat))]);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') finish();
  };
  const onDown = (e: MouseEvent) => {
    if (e.button !== 0 || !(e.shiftKey || opts.isActive())) return;
    e.preventDefault();
    e.stopPropagation();
    map.dragPan.disable();
    start = pos(e);
    box = document.createElement('div');
    box.className = 'map-draw-box';
    container.appendChild(box);
    document.addEventListener('mousemove', onMove);
    document.addEventListener('mouseup', onUp);
    document.addEventListener('keydown', onKey);
  };
  container.addEventListener('mousedown', onDown, true);
  return () => {
    container.removeEventListener('mousedown', onDown, true);
    finish();
  };
}
