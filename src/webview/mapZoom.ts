/// <reference lib="dom" />
// Zoom and pan for the map: the wheel zooms around the pointer, a drag pans, and the keyboard
// does both (+/- zoom, arrows pan, 0 resets) so the map works without a mouse. The view is a
// scale factor and a projection translate; the caller re-projects on every change.

export interface MapView {
  /** Zoom factor over the fitted projection, 1..MAX_ZOOM. */
  k: number;
  /** The projection's translate, in pixels. */
  x: number;
  y: number;
}

const MAX_ZOOM = 40;

/** A view zoomed by `factor` around the point (px, py), the point staying under the pointer. */
export function zoomAround(v: MapView, factor: number, px: number, py: number): MapView {
  const k = Math.max(1, Math.min(MAX_ZOOM, v.k * factor));
  const ratio = k / v.k;
  return { k, x: px - (px - v.x) * ratio, y: py - (py - v.y) * ratio };
}

export function zoomable(root: SVGSVGElement, width: number, height: number, view: () => MapView, change: (v: MapView | undefined) => void): void {
  root.setAttribute('tabindex', '0');
  root.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const box = root.getBoundingClientRect();
      change(zoomAround(view(), Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top));
    },
    { passive: false },
  );
  root.addEventListener('pointerdown', (down) => {
    // A press on a place is a click on that place, not the start of a pan.
    if ((down.target as Element).closest('.place')) return;
    const start = view();
    root.setPointerCapture(down.pointerId);
    root.classList.add('panning');
    const move = (e: PointerEvent): void => change({ ...start, x: start.x + e.clientX - down.clientX, y: start.y + e.clientY - down.clientY });
    const up = (): void => {
      root.classList.remove('panning');
      root.removeEventListener('pointermove', move);
      root.removeEventListener('pointerup', up);
    };
    root.addEventListener('pointermove', move);
    root.addEventListener('pointerup', up);
  });
  root.addEventListener('keydown', (e) => {
    const v = view();
    const step = 40;
    const keys: Record<string, () => MapView | undefined> = {
      '+': () => zoomAround(v, 1.5, width / 2, height / 2),
      '=': () => zoomAround(v, 1.5, width / 2, height / 2),
      '-': () => zoomAround(v, 1 / 1.5, width / 2, height / 2),
      ArrowLeft: () => ({ ...v, x: v.x + step }),
      ArrowRight: () => ({ ...v, x: v.x - step }),
      ArrowUp: () => ({ ...v, y: v.y + step }),
      ArrowDown: () => ({ ...v, y: v.y - step }),
      '0': () => undefined,
    };
    const next = keys[e.key];
    if (!next || e.target !== root) return;
    e.preventDefault();
    change(next());
  });
}
