/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The timeline webview: one lane per date precision on a shared time axis (a day is a dot, a
// month a bar), and below it every dated event in order with its sentence and the entities
// named with it; with the quotes toggle on, a lane of quotes (coloured by speaker type) and their
// rows among the dates. Clicking a mark or a row opens the article at the date or the quote.
import type { QuoteEvent } from '../core/corpus/quoteEvents';
import type { QuoteTimelineModel as TimelineModel } from '../core/corpus/quoteTimeline';
import { DATE_PRECISIONS, type DatePrecision, type TimelineEvent } from '../core/corpus/timeline';
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
let current: { model: TimelineModel; note: string | undefined; options: Record<string, unknown> } | undefined;

onModel('timeline', ({ model, note, options }) => {
  if (!model) return page('Timeline', 'No timeline yet.', note);
  // A new focus brings its own dates: a zoom chosen for the previous one would hide them.
  if (current && current.model.focus?.id !== model.focus?.id) state.zoom = undefined;
  current = { model, note, options: options && typeof options === 'object' ? (options as Record<string, unknown>) : {} };
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
  const inZoom = (e: { start: string; end: string }): boolean => !zoom || (day(e.end) > zoom[0] && day(e.start) < zoom[1]);
  const shown = model.events.filter((e) => !state.hidden.includes(e.precision) && inZoom(e));
  const quotes = model.quotes.filter(inZoom);
  const left = [
    model.skipped.durations ? plural(model.skipped.durations, 'duration') : '',
    model.skipped.unresolved ? plural(model.skipped.unresolved, 'date without a known year', 'dates without a known year') : '',
  ].filter(Boolean);
  if (model.undatedQuotes) left.push(plural(model.undatedQuotes, 'undated quote'));
  const quoted = model.showQuotes ? ` and ${plural(model.quotes.length, 'quote')}` : '';
  const summary = `${plural(model.events.length, 'dated event')}${quoted} in ${plural(model.documents, 'document')}${zoom ? `, ${shown.length + quotes.length} shown` : ''}${left.length ? ` · not on the calendar: ${left.join(', ')}` : ''}`;
  if (!model.events.length && !model.quotes.length) {
    const why = model.focus ? `No date is named with ${model.focus.label}.` : 'No dates with a calendar value in the indexed documents.';
    return page('Timeline', summary, note ?? why, model.focus && focusBanner(`Dates named with ${model.focus.label}`, 'Show all dates', () => post({ type: 'options', options: { quotes: model.showQuotes } })), model.quoteCount ? quoteToggle(model) : null);
  }
  // Thousands of rows would make the panel sluggish; the axis still shows every event.
  const rows = [...shown.map((e) => ({ start: e.start, li: () => row(e) })), ...quotes.map((q) => ({ start: q.start, li: () => quoteRow(q) }))].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const listed = rows.slice(0, LIST_LIMIT);
  const list = h('ol', { class: 'events', 'aria-label': 'Dated events in order' }, ...listed.map((r) => r.li()));
  arrowNavigation(list, 'li');
  const spans = [...shown, ...quotes];
  const domain: [number, number] = zoom ?? [Math.min(...spans.map((e) => day(e.start))), Math.max(...spans.map((e) => day(e.end)))];
  const banner = model.focus && focusBanner(`Dates named with ${model.focus.label}`, 'Show all dates', () => post({ type: 'options', options: { quotes: model.showQuotes } }));
  const more = rows.length > LIST_LIMIT ? h('p', { class: 'note' }, `The list stops at ${LIST_LIMIT} of ${rows.length} events: zoom in (drag across the axis) to list the rest.`) : null;
  page('Timeline', summary, note, banner, filters(model), spans.length ? axis(shown, quotes, domain) : h('p', { class: 'note' }, 'No event to show: widen the range or tick a precision.'), list, more);
  reportRendered({ marks: spans.length, items: listed.length });
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
  return h('fieldset', { class: 'controls' }, h('legend', {}, 'Show dates precise to the'), ...boxes, model.quoteCount ? quoteToggle(model) : null, h('label', {}, ' from ', from), h('label', {}, ' to ', to), reset);
}

/** The quotes toggle: a host option, so the model carries the quotes only when they are wanted. */
function quoteToggle(model: TimelineModel): HTMLElement {
  const box = h('input', { type: 'checkbox', checked: model.showQuotes, id: 'show-quotes' });
  box.addEventListener('change', () => post({ type: 'options', options: { ...current?.options, quotes: box.checked } }));
  return h('label', { class: 'quote-toggle' }, box, ` quotes (${model.quoteCount})`);
}

/** Days since the epoch of YYYY-MM-DD. */
function day(isoDay: string): number {
  return Date.UTC(+isoDay.slice(0, 4), +isoDay.slice(5, 7) - 1, +isoDay.slice(8, 10)) / DAY_MS;
}

function axis(events: TimelineEvent[], quotes: QuoteEvent[], [from, to]: [number, number]): SVGSVGElement {
  const width = Math.max(320, document.body.clientWidth - 32);
  const lanes: (DatePrecision | 'quotes')[] = DATE_PRECISIONS.filter((p) => events.some((e) => e.precision === p));
  if (quotes.length) lanes.push('quotes');
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
    // Greedy row packing keeps overlapping intervals visible; a crowded lane reuses its last row.
    const place = (start: string, end: string): { x1: number; x2: number; y: number } => {
      const x1 = x(day(start));
      const x2 = Math.max(x1 + 6, x(day(end)));
      let r = rowEnds.findIndex((e) => e + 2 <= x1);
      if (r < 0) r = LANE_ROWS - 1;
      rowEnds[r] = Math.max(rowEnds[r], x2);
      return { x1, x2, y: top + r * ROW };
    };
    if (precision === 'quotes') {
      for (const q of quotes) {
        const { x1, y } = place(q.start, q.end);
        const mark = svg('rect', { x: x1, y, width: 8, height: 8, transform: `rotate(45 ${x1 + 4} ${y + 4})`, class: 'mark quote-mark', fill: speakerColour(q) });
        mark.append(svg('title', {}, `${q.speakerName ?? 'Unattributed'}: “${q.text}” in ${q.at.path}:${q.at.line + 1}`));
        root.append(activatable(mark, `Quote by ${q.speakerName ?? 'an unattributed speaker'} in ${q.at.path}`, () => selectAt(q.at, 'quote:'), false));
      }
      return;
    }
    for (const e of events.filter((ev) => ev.precision === precision)) {
      const { x1, x2, y } = place(e.start, e.end);
      const mark =
        precision === 'day'
          ? svg('circle', { cx: x1 + 3, cy: y + 5, r: 4, class: 'mark', fill: typeColour('DATE') })
          : svg('rect', { x: x1, y, width: x2 - x1, height: ROW - 3, rx: 2, class: 'mark', fill: typeColour('DATE') });
      mark.append(svg('title', {}, `${e.label} — “${e.text}” in ${e.at.path}:${e.at.line + 1}`));
      root.append(activatable(mark, `${e.label} in ${e.at.path}`, () => selectAt(e.at), false));
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

/** A quote's row: its date (and where the date came from), the quoted words and the speaker. */
function quoteRow(q: QuoteEvent): HTMLLIElement {
  const speaker = q.speakerName ?? 'Unattributed';
  const li = h(
    'li',
    { class: 'event quote', 'data-key': `quote:${key(q)}` },
    h('span', { class: 'when' }, q.value),
    h('span', { class: 'badge' }, q.dateFrom === 'sentence' ? 'quote' : 'quote · document date'),
    h('span', { class: 'where' }, `${q.at.path}:${q.at.line + 1}`),
    h('div', { class: 'sentence' }, `“${q.text.replace(/\s+/g, ' ').trim()}”`),
    h('div', { class: 'related' }, h('span', { class: 'chip', 'data-type': speakerType(q) ?? '' }, speaker)),
  );
  return activatable(li, `${speaker} on ${q.value}: ${q.text} (${q.at.path} line ${q.at.line + 1})`, () => openAt(q.at));
}

function speakerType(q: QuoteEvent): 'PERSON' | 'ORG' | undefined {
  const prefix = q.speaker?.split(':')[0];
  return prefix === 'person' ? 'PERSON' : prefix === 'org' ? 'ORG' : undefined;
}

function speakerColour(q: QuoteEvent): string {
  const type = speakerType(q);
  return type ? typeColour(type) : 'var(--vscode-descriptionForeground)';
}

function selectAt(at: { path: string; start: number; end: number; line: number }, prefix = ''): void {
  const li = document.querySelector<HTMLElement>(`li[data-key="${CSS.escape(prefix + key({ at }))}"]`);
  li?.scrollIntoView({ block: 'center' });
  li?.focus();
  openAt(at);
}

function key(e: { at: { path: string; start: number } }): string {
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
