// The one place where core offsets (UTF-16, end-exclusive, into the exact analysed text)
// become VS Code ranges and back. Core never sees a vscode type.
import * as vscode from 'vscode';

export interface Span {
  start: number;
  end: number;
}

/** Anything with `positionAt`/`offsetAt`: a TextDocument or an in-memory line map. */
export interface OffsetMap {
  positionAt(offset: number): vscode.Position;
  offsetAt(position: vscode.Position): number;
}

export function toRange(doc: OffsetMap, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

export function fromRange(doc: OffsetMap, range: vscode.Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function toLocation(uri: vscode.Uri, doc: OffsetMap, span: Span): vscode.Location {
  return new vscode.Location(uri, toRange(doc, span));
}

/** Index of the first span whose end is after `offset` (spans sorted by start, non-overlapping). */
export function firstSpanEndingAfter<T extends Span>(spans: readonly T[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span containing `offset` (a cursor right after the last character still counts). */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  const i = firstSpanEndingAfter(spans, offset - 1);
  const s = spans[i];
  return s && s.start <= offset && offset <= s.end ? s : undefined;
}

/**
 * Line/column lookup for text that is not open in an editor (other documents in hovers and
 * trees), built once per text. Same UTF-16 and CRLF semantics as TextDocument.
 */
export class TextLineMap implements OffsetMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): vscode.Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, o - this.starts[lo]);
  }

  offsetAt(position: vscode.Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    return Math.min(this.text.length, this.starts[line] + Math.max(0, position.character));
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}
