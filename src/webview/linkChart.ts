/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The link-chart webview: a force-directed graph (d3-force) of who appears with whom, with
// filters sent to the host, draggable nodes whose places are remembered, and a keyboard list of
// the strongest links. Clicking a node opens its first mention; a link, the passage naming both.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { LinkChartModel, LinkChartOptions, LinkEdge, LinkNode } from '../core/corpus/linkChart';
import type { EntityType } from '../core/model';
import { TYPE_NAMES, activatable, focusBanner, arrowNavigation, h, loadState, onModel, openAt, page, plural, post, reportRendered, saveState, svg, typeColour } from './common';

interface State {
  options: LinkChartOptions;
  /** Node positions, so a refresh or a reopened panel keeps the user's layout. */
  positions: Record<string, [number, number]>;
}
const state = loadState<State>({ options: {}, positions: {} });
type SimNode = LinkNode & SimulationNodeDatum;
type SimLink = SimulationLinkDatum<SimNode> & { edge: LinkEdge };

onModel(
  'linkChart',
  ({ model, note }) => {
    if (!model) return page('Link chart', 'No link chart yet.', note);
    draw(model, note);
  },
  state.options,
);

function draw(model: LinkChartModel, note: string | undefined): void {
  const { nodes, edges, total } = model;
  const summary = `${plural(nodes.length, 'entity', 'entities')} and ${plural(edges.length, 'link')} shown, of ${total.nodes} and ${total.edges}; a link is ${model.options.scope === 'sentence' ? 'a sentence' : 'a paragraph'} naming both`;
  if (!nodes.length) {
    page('Link chart', summary, note ?? 'No two entities of the chosen types are named together. Lower the minimum or add types.', banner(model), controls(model));
    reportRendered({ marks: 0, items: 0 });
    return;
  }
  const list = h('ol', { class: 'links', 'aria-label': 'Strongest links' }, ...edges.slice(0, 50).map((e) => linkRow(e, model)));
  arrowNavigation(list, 'li');
  page('Link chart', summary, note, banner(model), controls(model), h('div', { class: 'split' }, chart(model), h('section', {}, h('h2', {}, 'Strongest links'), list)));
  reportRendered({ marks: nodes.length, items: nodes.length + Math.min(50, edges.length) });
}

function banner(model: LinkChartModel): HTMLElement | null {
  const focus = model.options.focus;
  if (!focus) return null;
  const label = model.nodes.find((n) => n.id === focus)?.label ?? focus;
  return focusBanner(`Links of ${label} and among the entities named with it`, 'Show all links', () => post({ type: 'options', options: { ...model.options, focus: '' } }));
}

function controls(model: LinkChartModel): HTMLElement {
  const opts = model.options;
  const send = (change: Partial<LinkChartOptions>): void => {
    state.options = { ...opts, ...change };
    saveState(state);
    // The host rebuilds the model with the new options and posts it back.
    post({ type: 'options', options: state.options });
  };
  const types = (['PERSON', 'ORG', 'PLACE'] as EntityType[]).map((t) => {
    const box = h('input', { type: 'checkbox', checked: opts.types.includes(t) });
    box.addEventListener('change', () => send({ types: box.checked ? [...opts.types, t] : opts.types.filter((x) => x !== t) }));
    return h('label', { 'data-type': t }, box, ` ${{ PERSON: 'people', ORG: 'organisations', PLACE: 'places', DATE: 'dates' }[t]}`);
  });
  const scope = h('select', { 'aria-label': 'Named together in the same' }, h('option', { value: 'sentence', selected: opts.scope === 'sentence' }, 'sentence'), h('option', { value: 'paragraph', selected: opts.scope === 'paragraph' }, 'paragraph'));
  scope.addEventListener('change', () => send({ scope: scope.value === 'paragraph' ? 'paragraph' : 'sentence' }));
  const number = (label: string, value: number, min: number, max: number, apply: (n: number) => void): HTMLElement => {
    const input = h('input', { type: 'number', value, min, max, 'aria-label': label });
    input.addEventListener('change', () => Number.isFinite(input.valueAsNumber) && apply(input.valueAsNumber));
    return h('label', {}, `${label} `, input);
  };
  return h(
    'fieldset',
    { class: 'controls' },
    h('legend', {}, 'Show'),
    ...types,
    h('label', {}, ' named together in the same ', scope),
    number('at least (times)', opts.minWeight, 1, 1000, (n) => send({ minWeight: n })),
    number('top entities', opts.maxNodes, 2, 500, (n) => send({ maxNodes: n })),
  );
}

function radius(n: LinkNode): number {
  return 5 + 3 * Math.sqrt(n.mentions);
}

function chart(model: LinkChartModel): SVGSVGElement {
  const room = document.body.clientWidth - 32;
  // Beside the list when there is room, else full width with the list below.
  const width = Math.max(320, room < 800 ? room : Math.min(room, 1400) * 0.68);
  const height = Math.max(320, Math.min(window.innerHeight - 180, 800));
  const nodes: SimNode[] = model.nodes.map((n) => {
    const p = state.positions[n.id];
    return p ? { ...n, x: p[0], y: p[1] } : { ...n };
  });
  const links: SimLink[] = model.edges.map((e) => ({ source: e.source, target: e.target, edge: e }));
  const maxWeight = Math.max(1, ...model.edges.map((e) => e.weight));
  const known = nodes.filter((n) => state.positions[n.id]).length;
  const simulation = forceSimulation(nodes)
    .force('link', forceLink<SimNode, SimLink>(links).id((n) => n.id).distance(90).strength((l) => 0.2 + 0.6 * (l.edge.weight / maxWeight)))
    .force('charge', forceManyBody().strength(-160).distanceMax(Math.max(width, height) / 2))
    .force('center', forceCenter(width / 2, height / 2))
    // Weak gravity keeps separate clusters on screen instead of drifting to the edges.
    .force('x', forceX<SimNode>(width / 2).strength(0.07))
    .force('y', forceY<SimNode>(height / 2).strength(0.07 * (width / height)))
    .force('collide', forceCollide<SimNode>((n) => radius(n) + 6))
    .stop();
  // A layout the user already has only settles; a new one runs to rest. Synchronous and bounded.
  if (known === nodes.length) simulation.alpha(0.05);
  for (let i = 0; i < 300 && simulation.alpha() > simulation.alphaMin(); i++) simulation.tick();
  // Only the nodes on screen are remembered, so the saved state never grows without bound.
  state.positions = {};
  for (const n of nodes) {
    n.x = Math.max(radius(n), Math.min(width - radius(n), n.x ?? width / 2));
    n.y = Math.max(radius(n), Math.min(height - radius(n), n.y ?? height / 2));
    state.positions[n.id] = [n.x, n.y];
  }
  saveState(state);

  const root = svg('svg', { width, height, class: 'graph', role: 'group', 'aria-label': 'Link chart: entities and the links between them' });
  const lines = links.map((l) => {
    const s = l.source as SimNode;
    const t = l.target as SimNode;
    const line = svg('line', { x1: s.x, y1: s.y, x2: t.x, y2: t.y, class: 'edge', 'stroke-width': 1 + 4 * Math.sqrt(l.edge.weight / maxWeight), 'data-a': s.id, 'data-b': t.id });
    line.append(svg('title', {}, `${s.label} — ${t.label}: ${plural(l.edge.weight, 'time')} in ${l.edge.documents.join(', ')}`));
    root.append(activatable(line, `${s.label} and ${t.label}`, () => openAt(l.edge.evidence[0]), false));
    return { line, l };
  });
  const labelled = new Set([...nodes].sort((a, b) => b.degree - a.degree).slice(0, 30).map((n) => n.id));
  for (const n of nodes) {
    const g = svg('g', { class: 'node', transform: `translate(${n.x},${n.y})`, 'data-id': n.id });
    g.append(svg('circle', { r: radius(n), fill: typeColour(n.type) }), svg('title', {}, `${n.label} (${TYPE_NAMES[n.type]}): ${plural(n.mentions, 'mention')} in ${plural(n.documents, 'document')}`));
    // Labels point inwards, so those near the right edge are not cut off.
    const right = (n.x ?? 0) > width * 0.7;
    if (labelled.has(n.id)) g.append(svg('text', { x: right ? -radius(n) - 3 : radius(n) + 3, y: 4, 'text-anchor': right ? 'end' : 'start', class: 'node-label' }, short(n.label)));
    activatable(g, `${n.label}, ${TYPE_NAMES[n.type]}, ${plural(n.mentions, 'mention')}, ${plural(n.degree, 'link')}. F shows only its links.`, () => openAt(n.at));
    // Alt+click or F: the chart of this entity's links (Enter and click open the article).
    const focusOn = (): void => post({ type: 'options', options: { ...model.options, focus: n.id } });
    g.addEventListener('click', (e) => e.altKey && (e.stopImmediatePropagation(), focusOn()), { capture: true });
    g.addEventListener('keydown', (e) => (e.key === 'f' || e.key === 'F') && (e.preventDefault(), focusOn()));
    const highlight = (on: boolean): void => {
      root.classList.toggle('focusing', on);
      for (const { line } of lines) line.classList.toggle('near', on && (line.dataset.a === n.id || line.dataset.b === n.id));
    };
    g.addEventListener('focus', () => highlight(true));
    g.addEventListener('blur', () => highlight(false));
    g.addEventListener('pointerenter', () => highlight(true));
    g.addEventListener('pointerleave', () => highlight(false));
    draggable(g, n, root, () => {
      for (const { line, l } of lines) {
        const s = l.source as SimNode;
        const t = l.target as SimNode;
        if (s !== n && t !== n) continue;
        line.setAttribute('x1', String(s.x));
        line.setAttribute('y1', String(s.y));
        line.setAttribute('x2', String(t.x));
        line.setAttribute('y2', String(t.y));
      }
    });
    root.append(g);
  }
  return root;
}

/** Dragging moves a node (and remembers where); a press without a move is a click. */
function draggable(g: SVGGElement, n: SimNode, root: SVGSVGElement, moved: () => void): void {
  g.addEventListener('pointerdown', (down) => {
    const origin = root.getBoundingClientRect();
    let dragging = false;
    const move = (e: PointerEvent): void => {
      if (!dragging && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < 4) return;
      dragging = true;
      n.x = e.clientX - origin.left;
      n.y = e.clientY - origin.top;
      g.setAttribute('transform', `translate(${n.x},${n.y})`);
      moved();
    };
    const up = (): void => {
      g.removeEventListener('pointermove', move);
      g.removeEventListener('pointerup', up);
      if (!dragging) return;
      state.positions[n.id] = [n.x ?? 0, n.y ?? 0];
      saveState(state);
      // Swallow the click that ends a drag.
      g.addEventListener('click', (e) => e.stopImmediatePropagation(), { capture: true, once: true });
    };
    g.setPointerCapture(down.pointerId);
    g.addEventListener('pointermove', move);
    g.addEventListener('pointerup', up);
  });
}

function linkRow(e: LinkEdge, model: LinkChartModel): HTMLLIElement {
  const name = (id: string): string => model.nodes.find((n) => n.id === id)?.label ?? id;
  const li = h(
    'li',
    { class: 'link' },
    h('span', { class: 'pair' }, `${name(e.source)} — ${name(e.target)}`),
    h('span', { class: 'weight' }, plural(e.weight, 'time')),
    h('span', { class: 'where' }, e.documents.join(', ')),
    // Each passage naming both, to read them one by one.
    h('div', { class: 'docs' }, ...e.evidence.map((at) => activatable(h('span', { class: 'doc' }, `${at.path}:${at.line + 1}`), `passage in ${at.path} line ${at.line + 1}`, () => openAt(at)))),
  );
  return activatable(li, `${name(e.source)} and ${name(e.target)}, named together ${plural(e.weight, 'time')}; open the first passage`, () => openAt(e.evidence[0]));
}

/** Long names are cut on the chart (the tooltip and the list keep them whole). */
function short(label: string): string {
  return label.length > 28 ? `${label.slice(0, 27)}…` : label;
}
