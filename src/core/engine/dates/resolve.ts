// Resolves DateExprs to TIMEX3 values against the document date, and event-relative expressions
// ("Weeks later", "the same day") against the previous date in the text.
import type { DateExpr } from './expr';
import { SEASONS } from '../lexicons/calendar';
import { addDays, addMonths, isoWeek, pad, parseIso } from './calendar';
import { resolveAnchored } from './anchored';
import { holidayDate } from './holidays';

export interface Anchor {
  year: number;
  month?: number;
  day?: number;
  /** A quarter named as such ("the third quarter"), so "the year-earlier quarter" can keep it. */
  quarter?: number;
}

/** Which year a month (or the start month of a part of a year) named without one belongs to. */
function yearFor(doc: Date, month: number, day: number | undefined, future: boolean | undefined): number {
  const docMonth = doc.getUTCMonth() + 1;
  // News looks back unless the sentence looks forward.
  const later = month > docMonth || (month === docMonth && (day ?? 0) > doc.getUTCDate() + 1);
  const earlier = month < docMonth || (month === docMonth && day !== undefined && day < doc.getUTCDate());
  if (later && !future) return doc.getUTCFullYear() - 1;
  if (earlier && future) return doc.getUTCFullYear() + 1;
  return doc.getUTCFullYear();
}

function absoluteValue(expr: Extract<DateExpr, { kind: 'absolute' }>, doc: Date | null): string | null {
  const dy = doc?.getUTCFullYear();
  const mmdd = `${pad(expr.month ?? 1, 2)}${expr.day ? '-' + pad(expr.day, 2) : ''}`;
  if (expr.year !== undefined) return expr.month ? `${pad(expr.year, 4)}-${mmdd}` : pad(expr.year, 4);
  if (!doc || dy === undefined) return expr.month ? `XXXX-${mmdd}` : null;
  if (expr.yearOffset !== undefined) return `${pad(dy + expr.yearOffset, 4)}-${mmdd}`;
  if (!expr.month) return pad(dy, 4);
  const docMonth = doc.getUTCMonth() + 1;
  let year = yearFor(doc, expr.month, expr.day, expr.future);
  if (expr.direction === 'last') year = expr.month < docMonth ? dy : dy - 1;
  if (expr.direction === 'next') year = expr.month > docMonth ? dy : dy + 1;
  return `${pad(year, 4)}-${mmdd}`;
}

function relUnitValue(unit: string, offset: number, documentDate: string, doc: Date): string {
  const dy = doc.getUTCFullYear();
  const dm = doc.getUTCMonth() + 1;
  if (unit === 'year') return pad(dy + offset, 4);
  if (unit === 'fiscalYear') return `FY${pad(dy + offset, 4)}`;
  if (unit === 'month') return addMonths(dy, dm, offset);
  if (unit === 'quarter') {
    const idx = dy * 4 + Math.floor((dm - 1) / 3) + offset;
    return `${pad(Math.floor(idx / 4), 4)}-Q${(idx % 4) + 1}`;
  }
  // The weekend closes its ISO week: 2010-W04-WE.
  if (unit === 'weekend') return `${isoWeek(addDays(documentDate, 7 * offset))}-WE`;
  return isoWeek(addDays(documentDate, 7 * offset));
}

/** TIMEX3 value, or null when nothing anchors a relative expression. */
export function resolveDate(expr: DateExpr, documentDate: string | null, anchor: Anchor | null): string | null {
  const doc = documentDate ? parseIso(documentDate) : null;
  const dy = doc?.getUTCFullYear();
  const partOf = (v: string | null, part: string | undefined): string | null => (v && part ? `${v}T${part}` : v);
  switch (expr.kind) {
    case 'absolute':
      return absoluteValue(expr, doc);
    case 'duration':
    case 'decade':
    case 'fixed':
      return expr.value;
    case 'relDay':
      return documentDate && doc ? partOf(addDays(documentDate, expr.offset), expr.part) : null;
    case 'weekday': {
      if (!documentDate || !doc) return null;
      const today = doc.getUTCDay();
      let diff: number;
      if (expr.modifier === 'next') diff = (expr.dow - today + 7) % 7 || 7;
      else if (expr.modifier === 'this') diff = ((expr.dow + 6) % 7) - ((today + 6) % 7);
      else if (expr.modifier === 'last') diff = -((today - expr.dow + 7) % 7 || 7);
      else diff = -((today - expr.dow + 7) % 7);
      return partOf(addDays(documentDate, diff), expr.part);
    }
    case 'relUnit':
      return documentDate && doc ? relUnitValue(expr.unit, expr.offset, documentDate, doc) : null;
    case 'yearPart': {
      if (expr.year !== undefined) return `${pad(expr.year, 4)}-${expr.code}`;
      if (!doc || dy === undefined) return `XXXX-${expr.code}`;
      if (expr.yearOffset !== undefined) return `${pad(dy + expr.yearOffset, 4)}-${expr.code}`;
      const startMonth = /^[QH]\d$/.test(expr.code) ? (+expr.code[1] - 1) * (expr.code[0] === 'Q' ? 3 : 6) + 1 : Object.values(SEASONS).find((s) => s.code === expr.code)?.month ?? 1;
      // Quarters, halves and seasons up to a quarter ahead are this year's ("the fourth quarter" in August).
      const docMonth = (doc.getUTCMonth() + 1);
      const year = expr.future ? (startMonth + 3 < docMonth ? dy + 1 : dy) : startMonth > docMonth + 3 ? dy - 1 : dy;
      return `${pad(year, 4)}-${expr.code}`;
    }
    case 'monthWeek': {
      const year = expr.year ?? (doc ? yearFor(doc, expr.month, undefined, expr.future) : undefined);
      if (year === undefined) return null;
      const last = new Date(Date.UTC(year, expr.month, 0)).getUTCDate();
      // The ISO week holding the month's 4th (first week) or its last day but 3 (last week).
      const day = expr.n > 0 ? 4 + 7 * (expr.n - 1) : last - 3;
      return isoWeek(`${pad(year, 4)}-${pad(expr.month, 2)}-${pad(day, 2)}`);
    }
    case 'time': {
      const day = resolveDate(expr.day ?? { kind: 'anchored', unit: 'day', n: 0, sign: 1 }, documentDate, anchor);
      if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
      return `${day}T${pad(expr.hour, 2)}:${pad(expr.minute, 2)}${expr.utc ? 'Z' : ''}`;
    }
    case 'anchored':
      return resolveAnchored(expr, documentDate, anchor);
    case 'withPart': {
      const day = resolveDate(expr.date, documentDate, anchor);
      return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T${expr.part}` : day;
    }
    case 'holiday': {
      if (expr.year !== undefined) return holidayDate(expr.name, expr.year);
      if (!doc || dy === undefined) return null;
      // This year's date of the holiday decides which year is meant, as for a month and day.
      const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(holidayDate(expr.name, dy) ?? '');
      return m ? holidayDate(expr.name, yearFor(doc, +m[1], +m[2], expr.future)) : null;
    }
  }
}

/** The anchor a date provides to later event-relative ones: any date with a calendar value. */
export function anchorOf(expr: DateExpr, documentDate: string | null): Anchor | null {
  if (expr.kind === 'withPart') return anchorOf(expr.date, documentDate);
  if (expr.kind === 'anchored' || expr.kind === 'duration' || expr.kind === 'decade' || expr.kind === 'fixed') return null;
  const value = resolveDate(expr, documentDate, null);
  const q = value ? /^(\d{4})-Q([1-4])$/.exec(value) : null;
  if (q) return { year: +q[1], quarter: +q[2] };
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/.exec(value) : null;
  if (!m) return null;
  return { year: +m[1], month: m[2] ? +m[2] : undefined, day: m[3] ? +m[3] : undefined };
}
