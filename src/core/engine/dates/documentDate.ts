// Decides the document's own date: the source's metadata, front matter, then a dateline or "Published" line near the
// top, then the most frequent full explicit date, then the caller's value.
import type { DocumentDateSource } from '../../model';
import { findDates } from './grammar';
import { pad, parseIso } from './calendar';

export interface DocumentDate {
  date: string | null;
  source: DocumentDateSource;
}

/** A full explicit date in a snippet, as YYYY-MM-DD. */
function fullDateIn(s: string): string | null {
  if (/^\s*\d{4}-\d{2}-\d{2}/.test(s)) {
    const iso = s.trim().slice(0, 10);
    return parseIso(iso) ? iso : null;
  }
  for (const c of findDates(s)) {
    const e = c.date;
    if (e?.kind === 'absolute' && e.year && e.month && e.day) return `${pad(e.year, 4)}-${pad(e.month, 2)}-${pad(e.day, 2)}`;
  }
  return null;
}

export function detectDocumentDate(masked: string, frontMatter: string | null, fullDates: string[], callerDate?: string, metadataDate?: string): DocumentDate {
  if (metadataDate && parseIso(metadataDate)) return { date: metadataDate, source: 'metadata' };
  if (frontMatter) {
    const m = /^date\s*:\s*["']?([^"'\n]+)/im.exec(frontMatter);
    const date = m ? fullDateIn(m[1]) : null;
    if (date) return { date, source: 'frontmatter' };
  }
  // Only the top of the article can hold a dateline or a publication line.
  const lines = masked.slice(0, 2000).split('\n').filter((l) => l.trim()).slice(0, 6);
  for (const line of lines) {
    const m = /\b(?:Published|Posted|Updated|Last updated)\b:?(.{0,60})/i.exec(line);
    const date = m ? fullDateIn(m[1]) : null;
    if (date) return { date, source: 'published' };
  }
  for (const line of lines) {
    const trimmed = line.trim();
    // A dateline is a line that is (nearly) only a date, or "CITY, [Country,] Month D, YYYY —" opening the body.
    const date = fullDateIn(trimmed.slice(0, 80));
    if (!date) continue;
    const opening = /^(?:[\p{Lu}][\p{L} .'-]*,\s*){0,2}(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/u.test(trimmed);
    if (trimmed.length <= 40 || opening) return { date, source: 'dateline' };
  }
  if (fullDates.length) {
    const counts = new Map<string, number>();
    for (const d of fullDates) counts.set(d, (counts.get(d) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
    return { date: best[0], source: 'frequent' };
  }
  if (callerDate && parseIso(callerDate)) return { date: callerDate, source: 'caller' };
  return { date: null, source: 'none' };
}
