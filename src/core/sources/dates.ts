// Dates from a document's own metadata, as YYYY-MM-DD, or undefined when absent or unreal.

function real(y: string, m: string, d: string): string | undefined {
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d) return undefined;
  return `${y}-${m}-${d}`;
}

/** PDF date "D:20240321101500Z" (or an ISO date from XMP). */
export function pdfDate(s: string | undefined | null): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(s ?? '') ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  return m ? real(m[1]!, m[2]!, m[3]!) : undefined;
}

/** ISO 8601 date or date-time (HTML meta, <time datetime>, dcterms:created). */
export function isoDate(s: string | undefined | null): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  return m ? real(m[1]!, m[2]!, m[3]!) : undefined;
}
