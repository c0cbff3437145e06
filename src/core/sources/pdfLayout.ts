// From pdf.js text items to reading-order text: lines by baseline, two columns read one after
// the other, running headers/footers and page numbers dropped, line-end hyphens joined.

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  height: number;
}

export interface PageLines {
  width: number;
  height: number;
  lines: Line[];
}

/** Items on one baseline (pdf.js y grows upwards) joined left to right. */
export function toLines(items: TextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: TextItem[]; y: number; height: number }[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    const tolerance = Math.max(2, (last?.height ?? it.height) * 0.4);
    if (last && Math.abs(last.y - it.y) <= tolerance) last.items.push(it);
    else lines.push({ items: [it], y: it.y, height: it.height || 10 });
  }
  return lines.flatMap((l) => splitAtGaps(l.items.sort((a, b) => a.x - b.x), l.y, l.height));
}

/** A wide horizontal gap on one baseline separates two columns, not two words. */
function splitAtGaps(items: TextItem[], y: number, height: number): Line[] {
  const out: Line[] = [];
  let cur: TextItem[] = [];
  const flush = () => {
    if (!cur.length) return;
    let text = '';
    let right = cur[0]!.x;
    for (const it of cur) {
      if (text && it.x - right > height * 0.15 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      text += it.str;
      right = Math.max(right, it.x + it.width);
    }
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed) out.push({ text: trimmed, x: cur[0]!.x, right, y, height });
    cur = [];
  };
  for (const it of items) {
    const prev = cur[cur.length - 1];
    if (prev && it.x - (prev.x + prev.width) > height * 1.2) flush();
    cur.push(it);
  }
  flush();
  return out;
}

/** Reading order: full-width lines top to bottom; a run of column lines reads left column first. */
export function readingOrder(page: PageLines): Line[] {
  const mid = page.width / 2;
  const side = (l: Line) => (l.right <= mid + page.width * 0.02 ? 'left' : l.x >= mid - page.width * 0.02 ? 'right' : 'full');
  const hasRight = page.lines.some((l) => side(l) === 'right' && l.x > page.width * 0.4);
  if (!hasRight) return page.lines;
  const out: Line[] = [];
  let band: Line[] = [];
  const flush = () => {
    out.push(...band.filter((l) => side(l) === 'left'), ...band.filter((l) => side(l) === 'right'));
    band = [];
  };
  for (const l of page.lines) {
    if (side(l) === 'full') {
      flush();
      out.push(l);
    } else band.push(l);
  }
  flush();
  return out;
}

const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(\/|of)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
const shape = (s: string) => s.toLowerCase().replace(/\d+/g, '#');

/** Drops lines in the top or bottom margin that repeat on most pages, or are page numbers. */
export function dropRunningLines(pages: PageLines[]): PageLines[] {
  const inMargin = (p: PageLines, l: Line) => l.y > p.height * 0.9 || l.y < p.height * 0.1;
  const counts = new Map<string, number>();
  for (const p of pages) {
    for (const key of new Set(p.lines.filter((l) => inMargin(p, l)).map((l) => shape(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (l: Line) => pages.length >= 2 && (counts.get(shape(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((p) => ({ ...p, lines: p.lines.filter((l) => !(inMargin(p, l) && (PAGE_NUMBER.test(l.text) || repeated(l)))) }));
}

/** Lines to paragraphs: a gap taller than a line and a half starts a new one; hyphens joined. */
export function pageText(lines: Line[]): string {
  let text = '';
  let prev: Line | undefined;
  for (const l of lines) {
    if (!prev) text = l.text;
    else {
      const gap = Math.abs(prev.y - l.y);
      const newParagraph = gap > prev.height * 1.9 || l.y > prev.y + prev.height; // column jump
      if (newParagraph) text += '\n\n' + l.text;
      else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(l.text)) text = text.slice(0, -1) + l.text;
      else text += ' ' + l.text;
    }
    prev = l;
  }
  return text;
}
