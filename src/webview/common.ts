/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// What every corpus-view webview shares: the host channel, saved UI state, DOM builders that
// only ever insert corpus text as text (hostile content stays inert), keyboard activation
// and the entity-type colours of the current theme.
import type { EntityType } from '../core/model';
import type { CorpusLocation } from '../core/corpus/source';
import type { CorpusViewKind, ModelMessage, RenderedSummary, ViewMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: ViewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

export function post(message: ViewMessage): void {
  vscode.postMessage(message);
}

// One saved object per webview: each view's own state plus the scroll position kept here.
const raw = vscode.getState();
let saved: Record<string, unknown> = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};

export function loadState<T extends object>(fallback: T): T {
  return { ...fallback, ...(saved as Partial<T>) };
}

export function saveState(state: object): void {
  saved = { ...saved, ...state };
  vscode.setState(saved);
}

export function openAt(at: CorpusLocation): void {
  post({ type: 'open', path: at.path, start: at.start, end: at.end });
}

export function reportRendered(summary: RenderedSummary): void {
  post({ type: 'rendered', summary });
}

/** Calls `draw` with each model the host sends, and on resize with the last one. */
export function onModel<K extends CorpusViewKind>(kind: K, draw: (message: ModelMessage<K>) => void, options?: unknown): void {
  let last: ModelMessage<K> | undefined;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const m = event.data as ModelMessage<K> | undefined;
    if (!m || m.type !== 'model' || m.kind !== kind) return;
    const first = !last;
    last = m;
    // Saved beside the view's own state: VS Code hands it to the host when it restores the panel.
    saveState({ hostOptions: m.options ?? null });
    draw(m);
    // A panel shown again is a fresh page: put the reader back where they were.
    if (first && typeof saved.scrollY === 'number') window.scrollTo(0, saved.scrollY);
  });
  let scrollTimer: number | undefined;
  window.addEventListener('scroll', () => {
    window.clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(() => saveState({ scrollY: window.scrollY }), 200);
  });
  let timer: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => last && draw(last), 150);
  });
  post({ type: 'ready', options });
}

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

function apply(el: Element, attrs: Attrs, children: Child[]): void {
  for (const [k, v] of Object.entries(attrs)) {
    // No event-handler or URL attributes from data: handlers are attached with addEventListener.
    if (v === undefined || v === false || /^on/i.test(k) || k === 'href' || k === 'src') continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** An HTML element; strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  apply(el, attrs, children);
  return el;
}

/** Click, Enter and Space all run `action`; the element joins the tab order as a button. */
export function activatable<E extends Element>(el: E, label: string, action: () => void, focusable = true): E {
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', label);
  if (focusable) el.setAttribute('tabindex', '0');
  el.addEventListener('click', (e) => {
    e.stopPropagation();
    action();
  });
  el.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      action();
    }
  });
  return el;
}

/** Up/Down arrows move focus between the rows of a list (one tab stop per row is still kept). */
export function arrowNavigation(list: HTMLElement, selector: string): void {
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...list.querySelectorAll<HTMLElement>(selector)];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
  });
}

export const TYPE_NAMES: Record<EntityType, string> = { PERSON: 'person', ORG: 'organisation', PLACE: 'place', DATE: 'date' };

/** The theme's colour for a type (CSS variables set per theme kind in corpusViews.css). */
export function typeColour(type: EntityType): string {
  return `var(--dossier-${{ PERSON: 'person', ORG: 'org', PLACE: 'place', DATE: 'date' }[type]})`;
}

/** Replaces the page with a header, an optional note and `body`. */
export function page(title: string, summary: string, note: string | undefined, ...body: Child[]): void {
  const root = document.getElementById('root')!;
  root.replaceChildren(h('header', {}, h('h1', {}, title), h('p', { class: 'summary' }, summary)));
  apply(root, {}, [note ? h('p', { class: 'note', role: 'status' }, note) : null, ...body]);
  root.setAttribute('aria-busy', 'false');
}

/** `text` with the first occurrence of `needle` emphasised, all as text nodes. */
export function withEmphasis(text: string, needle: string): Node[] {
  const at = needle ? text.indexOf(needle) : -1;
  if (at < 0) return [document.createTextNode(text)];
  return [document.createTextNode(text.slice(0, at)), h('mark', {}, needle), document.createTextNode(text.slice(at + needle.length))];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Links of Ana Ruiz [Show all]": says what the view is narrowed to, with the way back. */
export function focusBanner(text: string, button: string, clear: () => void): HTMLElement {
  const back = h('button', { type: 'button', class: 'unfocus' }, button);
  back.addEventListener('click', clear);
  return h('p', { class: 'focus', role: 'status' }, h('span', {}, text), ' ', back);
}
