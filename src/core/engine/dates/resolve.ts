// Resolves DateExprs to TIMEX3-style values against the document date, and event-relative
// expressions ("Weeks later") against the previous explicit date in the text.
import type { DateExpr } from '../types';
import { addDays, addMonths, isoWeek, pad, parseIso } from './calendar';

export interface Anchor {
  year: number;
  month?: number;
  day?: number;
}

/** TIMEX3 value, or null when nothing anchors a relative expression. */
export function resolveDate(expr: DateExpr, documentDate: string | null, anchor: Anchor | null): string | null {
  const doc = documentDate ? parseIso(documentDate) : null;
  const dy = doc?.getUTCFullYear();
  switch (expr.kind) {
    case 'absolute': {
      let year = expr.year ?? dy;
      if (expr.yearOffset !== undefined && year !== undefined) return `${pad(year + expr.yearOffset, 4)}-${pad(expr.month ?? 1, 2)}`;
      if (expr.year === undefined && year !== undefined && doc && expr.month) {
        // A month named without a year: news looks back unless the sentence looks forward.
        const docMonth = doc.getUTCMonth() + 1;
        const later = expr.month > docMonth || (expr.month === docMonth && (expr.day ?? 0) > doc.getUTCDate() + 1);
        const earlier = expr.month < docMonth || (expr.month === docMonth && expr.day !== undefined && expr.day < doc.getUTCDate());
        if (later && !expr.future) year -= 1;
        else if (earlier && expr.future) year += 1;
      }
      if (year === undefined) return expr.month ? `XXXX-${pad(expr.month, 2)}${expr.day ? '-' + pad(expr.day, 2) : ''}` : null;
      if (!expr.month) return pad(year, 4);
      return `${pad(year, 4)}-${pad(expr.month, 2)}${expr.day ? '-' + pad(expr.day, 2) : ''}`;
    }
    case 'duration':
    case 'decade':
      return expr.value;
    case 'relDay':
      return documentDate && doc ? addDays(documentDate, expr.offset) : null;
    case 'weekday': {
      if (!documentDate || !doc) return null;
      const today = doc.getUTCDay();
      let diff: number;
      if (expr.modifier === 'next') diff = (expr.dow - today + 7) % 7 || 7;
      else if (expr.modifier === 'this') diff = ((expr.dow + 6) % 7) - ((today + 6) % 7);
      else if (expr.modifier === 'last') diff = -((today - expr.dow + 7) % 7 || 7);
      else diff = -((today - expr.dow + 7) % 7);
      return addDays(documentDate, diff);
    }
    case 'relUnit': {
      if (!documentDate || !doc || dy === undefined) return null;
      if (expr.unit === 'year') return pad(dy + expr.offset, 4);
      if (expr.unit === 'month') return addMonths(dy, doc.getUTCMonth() + 1, expr.offset);
      return isoWeek(addDays(documentDate, 7 * expr.offset));
    }
    case 'quarter': {
      const year = expr.year ?? (dy !== undefined ? dy + (expr.yearOffset ?? 0) : undefined);
      return year === undefined ? null : `${pad(year, 4)}-Q${expr.q}`;
    }
    case 'time': {
      const day = resolveDate(expr.day ?? { kind: 'relDay', offset: 0 }, documentDate, anchor);
      if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
      return `${day}T${pad(expr.hour, 2)}:${pad(expr.minute, 2)}${expr.utc ? 'Z' : ''}`;
    }
    case 'later': {
      if (!anchor) return null;
      const n = expr.n ?? 1;
      if (expr.unit === 'year') return pad(anchor.year + n, 4);
      if (anchor.month === undefined) return pad(anchor.year, 4);
      if (expr.unit === 'month') return addMonths(anchor.year, anchor.month, n);
      if (expr.unit === 'week') {
        // "Weeks later": a few weeks on, named at month precision.
        if (expr.n === null || anchor.day === undefined) return addMonths(anchor.year, anchor.month, 1);
        return addDays(`${pad(anchor.year, 4)}-${pad(anchor.month, 2)}-${pad(anchor.day, 2)}`, 7 * n);
      }
      if (anchor.day === undefined || expr.n === null) return addMonths(anchor.year, anchor.month, 0);
      return addDays(`${pad(anchor.year, 4)}-${pad(anchor.month, 2)}-${pad(anchor.day, 2)}`, n);
    }
  }
}

/** The anchor an explicit expression provides to later event-relative ones. */
export function anchorOf(expr: DateExpr, documentDate: string | null): Anchor | null {
  if (expr.kind !== 'absolute') return null;
  const year = expr.year ?? (documentDate ? +documentDate.slice(0, 4) : undefined);
  if (year === undefined) return null;
  return { year, month: expr.month, day: expr.day };
}
