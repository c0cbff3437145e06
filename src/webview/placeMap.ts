/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The map webview: the world (Natural Earth outlines from world-atlas, projected with d3-geo)
// with a circle per place sized by mentions, countries holding a mentioned place tinted, and
// a keyboard list of places with the documents naming them. Places without coordinates are
// listed under the map rather than dropped.
import { geoContains, geoEqualEarth, geoGraticule10, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import type { MapPlace, PlaceMapModel } from '../core/corpus/placeMap';
import { zoomable, type MapView } from './mapZoom';
import { activatable, arrowNavigation, h, loadState, onModel, openAt, page, plural, reportRendered, saveState, svg, typeColour } from './common';

interface State {
  /** Whole world, or fitted to the places named. */
  world: boolean;
  /** Zoom and pan over that fit; undefined is the fit itself. */
  view?: MapView;
}
const state = loadState<State>({ world: false });
const world = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

onModel('placeMap', ({ model, note }) => {
  if (!model) return page('Map of places', 'No map yet.', note);
  draw(model, note);
});

function draw(model: PlaceMapModel, note: string | undefined): void {
  const mentions = model.places.reduce((n, p) => n + p.mentions, 0);
  const summary = `${plural(model.places.length, 'place')} on the map (${plural(mentions, 'mention')} in ${plural(model.documents, 'document')})${model.unlocated.length ? ` · ${model.unlocated.length} without coordinates` : ''}`;
  const toggle = h('button', { type: 'button', class: 'toggle' }, state.world ? 'Fit to the places' : 'Show the whole world');
  toggle.addEventListener('click', () => {
    state.world = !state.world;
    state.view = undefined;
    saveState(state);
    draw(model, note);
    document.querySelector<HTMLElement>('button.toggle')?.focus();
  });
  const list = h('ol', { class: 'places', 'aria-label': 'Places, most mentioned first' }, ...model.places.map(placeRow));
  arrowNavigation(list, 'li > .name');
  const unlocated = model.unlocated.length
    ? h(
        'section',
        {},
        h('h2', {}, 'Not on the map (the gazetteer has no coordinates)'),
        h('p', { class: 'chips' }, ...model.unlocated.map((p) => activatable(h('span', { class: 'chip', 'data-type': 'PLACE' }, `${p.label} (${p.mentions})`), `${p.label}, ${plural(p.mentions, 'mention')}: open the first`, () => openAt(p.at)))),
      )
    : null;
  page('Map of places', summary, note ?? (model.places.length ? undefined : 'No place in the indexed documents has coordinates yet.'), h('div', { class: 'controls' }, toggle), h('div', { class: 'split' }, map(model.places), h('section', {}, h('h2', {}, 'Places'), list)), unlocated);
  reportRendered({ marks: model.places.length, items: model.places.length + model.unlocated.length });
}

function map(places: MapPlace[]): SVGSVGElement {
  const room = document.body.clientWidth - 32;
  const width = Math.max(320, room < 800 ? room : Math.min(room, 1400) * 0.68);
  const height = Math.round(width * 0.55);
  const fitted = geoEqualEarth();
  const margin = 16;
  if (state.world || !places.length) {
    fitted.fitExtent([[margin, margin], [width - margin, height - margin]], { type: 'Sphere' });
  } else {
    // A few degrees around each place, so one city shows its region rather than a dot filling the view.
    const around = places.flatMap((p) => [[p.lon - 6, p.lat - 4], [p.lon + 6, p.lat + 4]]);
    fitted.fitExtent([[margin, margin], [width - margin, height - margin]], { type: 'MultiPoint', coordinates: around });
  }
  const [fx, fy] = fitted.translate();
  const view = (): MapView => state.view ?? { k: 1, x: fx, y: fy };
  const root = svg('svg', { width, height, class: 'map', role: 'group', 'aria-label': 'Map of the places named in the corpus. Plus and minus zoom, arrows pan, 0 resets.' });
  root.append(svg('defs', {}, svg('clipPath', { id: 'frame' }, svg('rect', { width, height }))));
  const layer = svg('g', { 'clip-path': 'url(#frame)' });
  root.append(layer);
  const named = new Set<Feature>(countries.features.filter((c) => places.some((p) => geoContains(c as GeoPermissibleObjects, [p.lon, p.lat]))));
  const max = Math.max(1, ...places.map((p) => p.mentions));
  const labelled = new Set(places.slice(0, 15).map((p) => p.id));
  const render = (): void => {
    const v = view();
    const projection = geoEqualEarth().scale(fitted.scale() * v.k).translate([v.x, v.y]);
    const path = geoPath(projection);
    layer.replaceChildren(svg('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }), svg('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
    for (const c of countries.features) {
      const shape = svg('path', { d: path(c) ?? '', class: named.has(c) ? 'country named' : 'country' });
      shape.append(svg('title', {}, c.properties?.name ?? ''));
      layer.append(shape);
    }
    layer.append(svg('path', { d: path(borders) ?? '', class: 'borders' }));
    // Largest first, so small circles stay on top and clickable.
    for (const p of [...places].sort((a, b) => b.mentions - a.mentions)) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const r = 3 + 8 * Math.sqrt(p.mentions / max);
      const g = svg('g', { class: 'place', transform: `translate(${xy[0]},${xy[1]})`, 'data-id': p.id });
      g.append(svg('circle', { r, fill: typeColour('PLACE') }), svg('title', {}, `${p.label}${p.country && p.country !== p.label ? `, ${p.country}` : ''}: ${plural(p.mentions, 'mention')} in ${plural(p.documents.length, 'document')}`));
      if (labelled.has(p.id) || v.k >= 3) g.append(svg('text', { x: r + 3, y: 4, class: 'place-label' }, p.label));
      layer.append(activatable(g, `${p.label}: open the first mention`, () => openAt(p.documents[0].at), false));
    }
  };
  render();
  zoomable(root, width, height, view, (v) => {
    state.view = v;
    saveState(state);
    render();
  });
  return root;
}

function placeRow(p: MapPlace): HTMLLIElement {
  const name = activatable(h('span', { class: 'name' }, p.label), `${p.label}, ${plural(p.mentions, 'mention')}: open the first`, () => openAt(p.documents[0].at));
  const where = [p.kind, p.country && p.country !== p.label ? p.country : undefined].filter(Boolean).join(', ');
  return h(
    'li',
    { class: 'place-row' },
    name,
    h('span', { class: 'where' }, `${where}${where ? ' · ' : ''}${p.lat.toFixed(2)}, ${p.lon.toFixed(2)} · ${plural(p.mentions, 'mention')}`),
    h('div', { class: 'docs' }, ...p.documents.map((d) => activatable(h('span', { class: 'doc' }, `${d.path} (${d.mentions})`), `${p.label} in ${d.path}`, () => openAt(d.at)))),
  );
}
