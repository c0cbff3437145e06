// Maps a rendered background colour back to an entity type, using the light-theme defaults the
// manifest contributes (the test profile uses "Default Light Modern"), so flows can say
// "highlighted as a Person" about what is on screen, not about an internal class name.
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/test-cs/install.mjs';

const SLUG_TYPE = { person: 'PERSON', org: 'ORG', place: 'PLACE', date: 'DATE', quote: 'QUOTE' };

function parseHex(hex) {
  const h = hex.replace('#', '');
  const n = (i) => parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
}

function parseCss(css) {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m) return null;
  const [r, g, b, a = 1] = m[1].split(',').map(Number);
  return [r, g, b, a];
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const backgrounds = (manifest.contributes?.colors ?? [])
  .map((c) => ({ m: /^dossier\.(\w+)\.background$/.exec(c.id), light: c.defaults?.light }))
  .filter((c) => c.m && SLUG_TYPE[c.m[1]] && typeof c.light === 'string' && c.light.startsWith('#'))
  .map((c) => ({ type: SLUG_TYPE[c.m[1]], rgba: parseHex(c.light) }));

/** 'PERSON' | 'ORG' | 'PLACE' | 'DATE' | 'QUOTE' (the quote background) | undefined for a computed backgroundColor. */
export function typeOfBackground(css) {
  const got = parseCss(css);
  if (!got) return undefined;
  const hit = backgrounds.find(({ rgba }) => rgba.slice(0, 3).every((v, i) => v === got[i]) && Math.abs(rgba[3] - got[3]) < 0.01);
  return hit?.type;
}
