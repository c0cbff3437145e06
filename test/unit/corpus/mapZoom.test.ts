// Map zoom arithmetic: the point under the pointer stays put, and zoom stays within bounds.
import * as assert from 'node:assert/strict';
import { zoomAround } from '../../../src/webview/mapZoom';

describe('corpus views: map zoom', () => {
  const cases: { name: string; factor: number; at: [number, number]; expect: { k: number; x: number; y: number } }[] = [
    { name: 'zooming in around the centre of the projection keeps it', factor: 2, at: [100, 50], expect: { k: 2, x: 100, y: 50 } },
    { name: 'zooming in around another point moves the translate away from it', factor: 2, at: [0, 0], expect: { k: 2, x: 200, y: 100 } },
    { name: 'never below the fitted view', factor: 0.1, at: [0, 0], expect: { k: 1, x: 100, y: 50 } },
    { name: 'never beyond 40 times', factor: 1000, at: [100, 50], expect: { k: 40, x: 100, y: 50 } },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(zoomAround({ k: 1, x: 100, y: 50 }, c.factor, ...c.at), c.expect));
  }

  it('a point under the pointer stays under it', () => {
    const v = { k: 1.5, x: 320, y: 180 };
    const [px, py] = [77, 203];
    // A map point p projects to translate + k * p: solve p before, project it after.
    const p = [(px - v.x) / v.k, (py - v.y) / v.k];
    const z = zoomAround(v, 1.7, px, py);
    assert.ok(Math.abs(z.x + z.k * p[0] - px) < 1e-9 && Math.abs(z.y + z.k * p[1] - py) < 1e-9);
  });
});
