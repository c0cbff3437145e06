// CSV exports: the entity registry, and every mention with its document, line and context.
// RFC 4180 quoting, plus a guard against formula injection when the file is opened in a
// spreadsheet (a cell starting with = + - @ is prefixed with an apostrophe).
import type { EntityIndex } from '../types';

export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

export const ENTITY_COLUMNS = ['id', 'type', 'canonical', 'aliases', 'value', 'mentions', 'documents', 'merged_ids', 'notes'];

export function entitiesCsv(index: EntityIndex): string {
  const rows = index.entities().map((e) => [
    e.id, e.type, e.canonical, e.aliases.join(' | '), e.value, e.counts.mentions, e.counts.documents, e.mergedIds.join(' | '),
    e.notes.map((n) => n.text).join(' | '),
  ]);
  return toCsv([ENTITY_COLUMNS, ...rows]);
}

/** `page`: the PDF page of the mention (empty for other documents). */
export const MENTION_COLUMNS = ['document', 'line', 'column', 'start', 'end', 'text', 'type', 'entity', 'canonical', 'provenance', 'context', 'page'];

export function mentionsCsv(index: EntityIndex): string {
  const rows: (string | number | undefined)[][] = [];
  for (const e of index.entities()) {
    for (const l of index.mentionsOf(e.id)) {
      rows.push([l.path, l.line + 1, l.character + 1, l.mention.start, l.mention.end, l.mention.text, l.mention.type, e.id, e.canonical, l.mention.provenance, l.context, index.pageOf(l.path, l.mention.start)]);
    }
  }
  rows.sort((a, b) => (a[0] === b[0] ? (a[3] as number) - (b[3] as number) : String(a[0]) < String(b[0]) ? -1 : 1));
  return toCsv([MENTION_COLUMNS, ...rows]);
}
