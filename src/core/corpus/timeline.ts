// The timeline model: every DATE mention with a calendar value becomes a dated event, placed
// on the interval its value covers (a day, a week, a month…), with its sentence and the other
// entities named in that sentence. Durations ("three weeks") and unanchored dates ("in May",
// year unknown) have no place on a calendar: they are counted, not drawn.
import type { EntityType } from '../model';
import { contextOf, labelOf, locationOf, readCorpus, type CorpusLocation, type CorpusSource } from './source';

export type DatePrecision = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';
/** Finest first: the order of the timeline's lanes. */
export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'quarter', 'year', 'decade'];

export interface DateInterval {
  precision: DatePrecision;
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** First day after the interval, YYYY-MM-DD. */
  end: string;
}

export interface RelatedEntity {
  id: string;
  type: EntityType;
  label: string;
}

export interface TimelineEvent extends DateInterval {
  /** TIMEX3 value ("2015-11-13", "2015-W46", "2015-11"). */
  value: string;
  /** The DATE entity's explicit rendering ("November 13, 2015"). */
  label: string;
  entity: string;
  /** The words in the article ("last Friday"). */
  text: string;
  at: CorpusLocation;
  /** The sentence around the mention, on one line. */
  sentence: string;
  /** People, organisations and places named in the same sentence. */
  related: RelatedEntity[];
}

export interface TimelineOptions {
  /** Only the dates named in a sentence with this entity (or this DATE entity itself). */
  entity?: string;
}

export interface TimelineModel {
  /** The entity the timeline is narrowed to, when it is. */
  focus: RelatedEntity | null;
  /** Sorted by start, then coarser intervals last, then document and offset. */
  events: TimelineEvent[];
  /** Event counts per precision (every precision present, zero or not). */
  byPrecision: Record<DatePrecision, number>;
  /** Earliest start and latest end over all events; null when there are none. */
  range: { start: string; end: string } | null;
  /** DATE mentions left off the calendar, with why. */
  skipped: { durations: number; unresolved: number };
  documents: number;
}

/** The interval a TIMEX3 value names, or null for durations, unknown years and anything else. */
export function dateInterval(value: string): DateInterval | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m && validDay(+m[1], +m[2], +m[3])) {
    const start = `${m[1]}-${m[2]}-${m[3]}`;
    return { precision: 'day', start, end: addDays(start, 1) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m && +m[2] >= 1 && +m[2] <= 53) {
    const start = mondayOfIsoWeek(+m[1], +m[2]);
    return { precision: 'week', start, end: addDays(start, 7) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { precision: 'month', start: ymd(+m[1], +m[2], 1), end: ymd(+m[1], +m[2] + 1, 1) };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { precision: 'quarter', start: ymd(+m[1], 3 * +m[2] - 2, 1), end: ymd(+m[1], 3 * +m[2] + 1, 1) };
  m = /^(\d{4})$/.exec(value);
  if (m) return { precision: 'year', start: ymd(+m[1], 1, 1), end: ymd(+m[1] + 1, 1, 1) };
  m = /^(\d{3})X$/.exec(value);
  if (m) return { precision: 'decade', start: ymd(+m[1] * 10, 1, 1), end: ymd(+m[1] * 10 + 10, 1, 1) };
  return null;
}

export function buildTimeline(source: CorpusSource, options: TimelineOptions = {}): TimelineModel {
  const events: TimelineEvent[] = [];
  // Ids from a webview or a command argument: followed through merges, ignored when unknown.
  const wanted = typeof options.entity === 'string' ? source.getEntity(options.entity) : undefined;
  const focus: RelatedEntity | null = wanted ? { id: wanted.id, type: wanted.type, label: wanted.canonical } : null;
  const skipped = { durations: 0, unresolved: 0 };
  const docs = readCorpus(source);
  for (const doc of docs) {
    for (const m of doc.mentions) {
      if (m.type !== 'DATE') continue;
      const value = m.record?.value ?? '';
      const interval = dateInterval(value);
      if (!interval) {
        if (value.startsWith('P')) skipped.durations++;
        else skipped.unresolved++;
        continue;
      }
      const related = new Map<string, RelatedEntity>();
      for (const other of doc.mentions) {
        if (other.sentence !== m.sentence || other.type === 'DATE' || related.has(other.entity)) continue;
        related.set(other.entity, { id: other.entity, type: other.type, label: labelOf(other) });
      }
      if (focus && m.entity !== focus.id && !related.has(focus.id)) continue;
      events.push({
        ...interval,
        value,
        label: m.record?.canonical ?? m.text,
        entity: m.entity,
        text: m.text,
        at: locationOf(doc, m),
        sentence: contextOf(doc.text, doc.sentences[m.sentence] ?? { start: m.start, end: m.end }, m.start, m.end),
        related: [...related.values()],
      });
    }
  }
  events.sort((a, b) => cmp(a.start, b.start) || cmp(a.end, b.end) || cmp(a.at.path, b.at.path) || a.at.start - b.at.start);
  const byPrecision = Object.fromEntries(DATE_PRECISIONS.map((p) => [p, 0])) as Record<DatePrecision, number>;
  for (const e of events) byPrecision[e.precision]++;
  const range = events.length
    ? { start: events[0].start, end: events.reduce((max, e) => (e.end > max ? e.end : max), events[0].end) }
    : null;
  return { focus, events, byPrecision, range, skipped, documents: docs.length };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ymd(year: number, month: number, day: number): string {
  // Date.UTC rolls month 13 over into January of the next year.
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year + Math.floor((month - 1) / 12), (month - 1) % 12, day);
  return iso(d);
}

function iso(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** ISO 8601: week 1 is the week holding January 4th; weeks start on Monday. */
function mondayOfIsoWeek(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  jan4.setUTCFullYear(year);
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + 7 * (week - 1));
  return iso(monday);
}
