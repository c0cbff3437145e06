// Values of event-relative expressions: "Weeks later", "a year earlier", "the same day", counted
// from the previous date in the text (the anchor), or from the document date when there is none.
import type { DateExpr } from './expr';
import type { Anchor } from './resolve';
import { addDays, addMonths, isoWeek, pad } from './calendar';

type Anchored = Extract<DateExpr, { kind: 'anchored' }>;

function anchorFromDocument(documentDate: string | null): Anchor | null {
  const m = documentDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(documentDate) : null;
  return m ? { year: +m[1], month: +m[2], day: +m[3] } : null;
}

export function resolveAnchored(expr: Anchored, documentDate: string | null, given: Anchor | null): string | null {
  // "the same day" and "the day" need a day; a year or month anchor cannot give one.
  const anchor = expr.unit === 'day' && expr.n === 0 && given?.day === undefined ? anchorFromDocument(documentDate) : (given ?? anchorFromDocument(documentDate));
  if (!anchor) return null;
  const n = (expr.n ?? 1) * expr.sign;
  if (expr.samePeriod) {
    const year = pad(anchor.year + (expr.unit === 'year' ? n : 0), 4);
    if (given?.quarter !== undefined) return `${year}-Q${given.quarter}`;
    return given?.month === undefined ? year : `${year}-${pad(given.month, 2)}`;
  }
  if (expr.unit === 'year') return pad(anchor.year + n, 4);
  if (anchor.month === undefined) return pad(anchor.year, 4);
  if (expr.unit === 'month') return addMonths(anchor.year, anchor.month, n);
  const day = anchor.day === undefined ? null : `${pad(anchor.year, 4)}-${pad(anchor.month, 2)}-${pad(anchor.day, 2)}`;
  if (expr.unit === 'week') {
    // "Weeks later": a few weeks on, named at month precision.
    if (expr.n === 0) return day ? isoWeek(day) : addMonths(anchor.year, anchor.month, 0);
    if (expr.n === null || !day) return addMonths(anchor.year, anchor.month, expr.sign);
    return addDays(day, 7 * n);
  }
  if (!day || expr.n === null) return addMonths(anchor.year, anchor.month, 0);
  return addDays(day, n);
}
