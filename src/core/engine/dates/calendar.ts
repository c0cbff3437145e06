// Calendar arithmetic on plain YYYY-MM-DD strings (UTC), and the canonical rendering of values.
import { MONTH_NAMES } from '../lexicons/calendar';

export function parseIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 ? d : null;
}

export function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = parseIso(iso);
  if (!d) return iso;
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export function addMonths(year: number, month: number, n: number): string {
  const idx = year * 12 + (month - 1) + n;
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1, 2)}`;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO-8601 week of a day: "2015-W46". */
export function isoWeek(iso: string): string {
  const d = parseIso(iso);
  if (!d) return iso;
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${pad(week, 2)}`;
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && parseIso(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) !== null;
}

const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PART_NAMES: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

/** Explicit calendar rendering used as the canonical name of DATE entities. */
export function renderValue(value: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${MONTH_NAMES[+m[2] - 1]} ${+m[3]}, ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${MONTH_NAMES[+m[2] - 1]} ${m[1]}`;
  if (/^\d{4}$/.test(value)) return value;
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return `week ${+m[2]} of ${m[1]}`;
  m = /^(\d{3})X$/.exec(value);
  if (m) return `the ${m[1]}0s`;
  m = /^(\d{4})-([QH])(\d)$/.exec(value);
  if (m) return `${m[2]}${m[3]} ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASON_NAMES[m[2]]} ${m[1]}`;
  m = /^FY(\d{4})$/.exec(value);
  if (m) return `fiscal ${m[1]}`;
  m = /^(\d{4})-W(\d{2})-WE$/.exec(value);
  if (m) return `weekend of week ${+m[2]} of ${m[1]}`;
  m = /^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI)$/.exec(value);
  if (m) return `${renderValue(m[1])} (${PART_NAMES[m[2]]})`;
  return null;
}
