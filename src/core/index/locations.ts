// Offsets -> line, column and a keyword-in-context snippet, for views, exports and the CLI.

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line of `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  /** The line around [start, end), cut to about `width` characters centred on the mention. */
  context(start: number, end: number, width = 160): string {
    const line = this.lineOf(start);
    const lineStart = this.starts[line];
    const next = this.starts[line + 1];
    const lineEnd = next === undefined ? this.text.length : next - 1;
    let from = lineStart;
    let to = Math.max(lineEnd, Math.min(end, this.text.length));
    if (to - from > width) {
      const room = Math.max(0, width - (end - start));
      from = Math.max(lineStart, start - Math.floor(room / 2));
      to = Math.min(to, from + Math.max(width, end - start));
    }
    const body = this.text.slice(from, to).replace(/\s+/g, ' ').trim();
    return `${from > lineStart ? '…' : ''}${body}${to < lineEnd ? '…' : ''}`;
  }
}
