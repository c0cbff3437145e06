// Text pieces of the hover card that need no editor: Markdown escaping and date descriptions.
// Kept free of vscode so unit tests cover them directly.

/** Escapes everything Markdown (and VS Code's hover renderer) could interpret. */
export function escapeMarkdown(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[\\`*_{}[\]()#+\-.!|<>~&$:@"']/g, '\\$&');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Friday", "4 days before the document date" for a YYYY-MM-DD value. */
export function describeDate(value: string, documentDate: string | null): string[] {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!day) return [];
  const t = Date.UTC(+day[1], +day[2] - 1, +day[3]);
  if (Number.isNaN(t)) return [];
  const out = [WEEKDAYS[new Date(t).getUTCDay()]];
  const doc = documentDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(documentDate);
  if (doc) {
    const diff = Math.round((t - Date.UTC(+doc[1], +doc[2] - 1, +doc[3])) / 86_400_000);
    const n = Math.abs(diff);
    const days = n === 1 ? '1 day' : `${n} days`;
    out.push(diff === 0 ? 'the document date' : diff < 0 ? `${days} before the document date` : `${days} after the document date`);
  }
  return out;
}


/** "48.8566° N, 2.3522° E": at most four decimals (about 10 m), hemisphere letters instead of signs. */
export function formatCoordinates(lat: number, lon: number): string | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  const part = (v: number, pos: string, neg: string): string => `${Number(Math.abs(v).toFixed(4))}° ${v >= 0 ? pos : neg}`;
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}
