/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The timeline webview: one lane per date precision on a shared time axis (a day is a dot, a
// month a bar), and below it every dated event in order with its sentence and the entities
// named with it. Clicking a mark or a row opens the article at the date.
import { DATE_PRECISIONS, type DatePrecision, type TimelineEvent, type TimelineModel } from '../core/corpus/timeline';
import { activatable, arrowNavigation, focusBanner, post, h, loadState, onModel, openAt, page, plural, reportRendered, saveState, svg, typeColour, withEmphasis } from './common';

interface State {
  hidden: DatePrecision[];
  /** The range shown, as YYYY-MM-DD [from, to] (inclusive); undefined shows everything. */
  zoom?: [string, string];
}
const state = loadState<State>({ hidden: [] });
const LANE_ROWS = 4;
const ROW = 12;
const DAY_MS = 86_400_000;
const LIST_LIMIT = 1500;
let current: { model: TimelineModel; note: string | undefined } | undefined;

onModel('timeline', ({ model, note }) => {
  if (!model) return page('Timeline', 'No timeline yet.', note);
  // A new focus brings its own dates: a zoom chosen for the previous one would hide them.
  if (current && current.model.focus?.id !== model.focus?.id) state.zoom = undefined;
  current = { model, note };
  draw();
});

function redraw(focusId?: string): void {
  draw();
  if (focusId) document.getElementById(focusId)?.focus();
}

function draw(): void {
  if (!current) return;
  const { model, note } = current;
  const zoom: [number, number] | undefined = state.zoom && [day(state.zoom[0]), day(state.zoom[1]) + 1];
  const shown = model.events.filter((e) => !state.hidden.includes(e.precision) && (!zoom || (day(e.end) > zoom[0] && day(e.start) < zoom[1])));
  const left = [
    model.skipped.durations ? plural(model.skipped.durations, 'duration') : '',
    model.skipped.unresolved ? plural(model.skipped.unresolved, 'date without a known year', 'dates without a known year') : '',
  ].filter(Boolean);
  const summary = `${plural(model.events.length, 'dated event')} in ${plural(model.documents, 'document')}${zoom ? `, ${shown.length} shown` : ''}${left.length ? ` · not on the calendar: ${left.join(', ')}` : ''}`;
  if (!model.events.length) {
    const why = model.focus ? `No date is named with ${model.focus.label}.` : 'No dates with a calendar value in the indexed documents.';
    return page('Timeline', summary, note ?? why, model.focus && focusBanner(`Dates named with ${model.focus.label}`, 'Show all dates', () => post({ type: 'options', options: {} })));
  }
  // Thousands of rows would make the panel sluggish; the axis still shows every event.
  const listed = shown.slice(0, LIST_LIMIT);
  const list = h('ol', { class: 'events', 'aria-label': 'Dated events in order' }, ...listed.map(row));
  arrowNavigation(list, 'li');
  const domain: [number, number] = zoom ?? [Math.min(...shown.map((e) => day(e.start))), Math.max(...shown.map((e) => day(e.end)))];
  const banner = model.focus && focusBanner(`Dates named with ${model.focus.label}`, 'Show all dates', () => post({ type: 'options', options: {} }));
  const more = shown.length > LIST_LIMIT ? h('p', { class: 'note' }, `The list stops at ${LIST_LIMIT} of ${shown.length} events: zoom in (drag across the axis) to list the rest.`) : null;
  page('Timeline', summary, note, banner, filters(model), shown.length ? axis(shown, domain) : h('p', { class: 'note' }, 'No event to show: widen the range or tick a precision.'), list, more);
  reportRendered({ marks: shown.length, items: listed.length });
}

function filters(model: TimelineModel): HTMLElement {
  const boxes = DATE_PRECISIONS.filter((p) => model.byPrecision[p] > 0).map((p) => {
    const box = h('input', { type: 'checkbox', checked: !state.hidden.includes(p), id: `p-${p}` });
    box.addEventListener('change', () => {
      state.hidden = box.checked ? state.hidden.filter((x) => x !== p) : [...state.hidden, p];
      saveState(state);
      redraw(`p-${p}`);
    });
    return h('label', {}, box, ` ${p} (${model.byPrecision[p]})`);
  });
  // The range can be typed as well as dragged on the axis: the keyboard way to zoom.
  const range = model.range!;
  const from = h('input', { type: 'date', id: 'zoom-from', value: state.zoom?.[0] ?? range.start, 'aria-label': 'From' });
  const to = h('input', { type: 'date', id: 'zoom-to', value: state.zoom?.[1] ?? iso(day(range.end) - 1), 'aria-label': 'To' });
  const apply = (id: string): void => {
    if (!from.value || !to.value) return;
    state.zoom = from.value <= to.value ? [from.value, to.value] : [to.value, from.value];
    saveState(state);
    redraw(id);
  };
  from.addEventListener('change', () => apply('zoom-from'));
  to.addEventListener('change', () => apply('zoom-to'));
  const reset = h('button', { type: 'button', id: 'zoom-reset', disabled: !state.zoom }, 'Show all dates');
  reset.addEventListener('click', () => {
    state.zoom = undefined;
    saveState(state);
    redraw('zoom-reset');
  });
  return h('fieldset', { class: 'controls' }, h('legend', {}, 'Show dates precise to the'), ...boxes, h('label', {}, ' from ', from), h('label', {}, ' to ', to), reset);
}

/** Days since the epoch of YYYY-MM-DD. */
function day(isoDay: string): number {
  return Date.UTC(+isoDay.slice(0, 4), +isoDay.slice(5, 7) - 1, +isoDay.slice(8, 10)) / DAY_MS;
}

function axis(events: TimelineEvent[], [from, to]: [number, number]): SVGSVGElement {
  const width = Math.max(320, document.body.clientWidth - 32);
  const lanes = DATE_PRECISIONS.filter((p) => events.some((e) => e.precision === p));
  const laneHeight = LANE_ROWS * ROW + 10;
  const height = lanes.length * laneHeight + 30;
  const pad = Math.max(1, (to - from) * 0.02);
  const x0 = 70;
  const span = width - x0 - 10;
  const x = (d: number): number => x0 + ((Math.max(from - pad, Math.min(to + pad, d)) - from + pad) / (to - from + 2 * pad)) * span;
  const invert = (px: number): number => from - pad + ((px - x0) / span) * (to - from + 2 * pad);
  const root = svg('svg', { width, height, class: 'timeline', role: 'img', 'aria-label': `Time axis from ${iso(from)} to ${iso(to - 1)}; drag across it to zoom` });
  for (const t of ticks(from, to)) {
    root.append(svg('line', { x1: x(t.day), x2: x(t.day), y1: 0, y2: height - 20, class: 'tick' }), svg('text', { x: x(t.day) + 2, y: height - 6, class: 'tick-label' }, t.label));
  }
  lanes.forEach((precision, i) => {
    const top = i * laneHeight + 4;
    root.append(svg('text', { x: 4, y: top + 12, class: 'lane-label' }, precision));
    const rowEnds: number[] = new Array(LANE_ROWS).fill(-Infinity);
    for (const e of events.filter((ev) => ev.precision === precision)) {
      const x1 = x(day(e.start));
      const x2 = Math.max(x1 + 6, x(day(e.end)));
      // Greedy row packing keeps overlapping intervals visible; a crowded lane reuses its last row.
      let r = rowEnds.findIndex((end) => end + 2 <= x1);
      if (r < 0) r = LANE_ROWS - 1;
      rowEnds[r] = Math.max(rowEnds[r], x2);
      const y = top + r * ROW;
      const mark =
        precision === 'day'
          ? svg('circle', { cx: x1 + 3, cy: y + 5, r: 4, class: 'mark', fill: typeColour('DATE') })
          : svg('rect', { x: x1, y, width: x2 - x1, height: ROW - 3, rx: 2, class: 'mark', fill: typeColour('DATE') });
      mark.append(svg('title', {}, `${e.label} — “${e.text}” in ${e.at.path}:${e.at.line + 1}`));
      root.append(activatable(mark, `${e.label} in ${e.at.path}`, () => select(e), false));
    }
  });
  brush(root, height, (a, b) => {
    const [lo, hi] = [invert(Math.min(a, b)), invert(Math.max(a, b))];
    state.zoom = [iso(Math.floor(lo)), iso(Math.max(Math.floor(lo), Math.ceil(hi) - 1))];
    saveState(state);
    redraw();
  });
  return root;
}

/** Dragging across the axis selects a range (a plain click on a mark is left alone). */
function brush(root: SVGSVGElement, height: number, zoom: (x1: number, x2: number) => void): void {
  const band = svg('rect', { y: 0, height: height - 20, width: 0, class: 'brush' });
  root.append(band);
  root.addEventListener('pointerdown', (down) => {
    if ((down.target as Element).classList.contains('mark')) return;
    const left = root.getBoundingClientRect().left;
    const x1 = down.clientX - left;
    root.setPointerCapture(down.pointerId);
    const move = (e: PointerEvent): void => {
      const x2 = e.clientX - left;
      band.setAttribute('x', String(Math.min(x1, x2)));
      band.setAttribute('width', String(Math.abs(x2 - x1)));
    };
    const up = (e: PointerEvent): void => {
      root.removeEventListener('pointermove', move);
      root.removeEventListener('pointerup', up);
      band.setAttribute('width', '0');
      if (Math.abs(e.clientX - left - x1) > 6) zoom(x1, e.clientX - left);
    };
    root.addEventListener('pointermove', move);
    root.addEventListener('pointerup', up);
  });
}

function row(e: TimelineEvent): HTMLLIElement {
  const li = h(
    'li',
    { class: 'event', 'data-key': key(e) },
    h('span', { class: 'when' }, e.label),
    h('span', { class: `badge precision-${e.precision}` }, e.precision),
    h('span', { class: 'where' }, `${e.at.path}:${e.at.line + 1}`),
    h('div', { class: 'sentence' }, ...withEmphasis(e.sentence, e.text)),
    e.related.length ? h('div', { class: 'related' }, ...e.related.map((r) => h('span', { class: 'chip', 'data-type': r.type }, r.label))) : null,
  );
  return activatable(li, `${e.label}: ${e.sentence} (${e.at.path} line ${e.at.line + 1})`, () => openAt(e.at));
}

function select(e: TimelineEvent): void {
  const li = document.querySelector<HTMLElement>(`li[data-key="${CSS.escape(key(e))}"]`);
  li?.scrollIntoView({ block: 'center' });
  li?.focus();
  openAt(e.at);
}

function key(e: TimelineEvent): string {
  return `${e.at.path}#${e.at.start}`;
}

function iso(d: number): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

/** Axis ticks at years, months or days, whichever gives a handful across the range. */
function ticks(from: number, to: number): { day: number; label: string }[] {
  const span = to - from;
  const out: { day: number; label: string }[] = [];
  const start = new Date(from * DAY_MS);
  if (span > 3 * 365) {
    const step = Math.max(1, Math.ceil(span / 365 / 8));
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) / DAY_MS <= to; y += step) out.push({ day: Date.UTC(y, 0, 1) / DAY_MS, label: String(y) });
  } else if (span > 60) {
    const step = Math.max(1, Math.ceil(span / 30 / 8));
    for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth(); Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS <= to; m += step) {
      const d = new Date(Date.UTC(Math.floor(m / 12), m % 12, 1));
      out.push({ day: d.getTime() / DAY_MS, label: d.toISOString().slice(0, 7) });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 8));
    for (let d = from; d <= to; d += step) out.push({ day: d, label: iso(d).slice(5) });
  }
  return out.filter((t) => t.day >= from && t.day <= to);
}
