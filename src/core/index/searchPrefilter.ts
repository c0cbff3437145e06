// A bigram index over the folded search names, so fuse.js scores a few hundred rows per keystroke
// instead of every name in a 50,000-entity registry. The filter never drops a row fuse.js would
// keep: fuse's bitap accepts at most k = ⌊threshold·m⌋ edits of an m-letter query, and by the
// pigeonhole principle a name within k edits contains one of k + 1 disjoint pieces of the query
// exactly (every piece is at least two letters, as threshold < 0.5).

export class BigramIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly names: readonly string[]) {
    names.forEach((name, row) => {
      for (const gram of new Set(bigrams(name))) {
        const list = this.postings.get(gram);
        if (list) list.push(row);
        else this.postings.set(gram, [row]);
      }
    });
  }

  /** Rows (ascending) whose name contains `piece` exactly; one letter scans every name. */
  containing(piece: string): number[] {
    if (piece.length < 2) return this.names.flatMap((name, row) => (name.includes(piece) ? [row] : []));
    let shortest: number[] | undefined;
    for (const gram of bigrams(piece)) {
      const list = this.postings.get(gram);
      if (!list) return [];
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    return (shortest ?? []).filter((row) => this.names[row].includes(piece));
  }

  /** Rows (ascending) that can lie within fuse's edit budget of `query`. */
  candidates(query: string, threshold: number): number[] {
    let edits = 0;
    while ((edits + 1) / query.length <= threshold) edits++;
    const pieces = split(query, edits + 1);
    if (pieces.length === 1) return this.containing(query);
    const marked = new Uint8Array(this.names.length);
    for (const piece of pieces) for (const row of this.containing(piece)) marked[row] = 1;
    const rows: number[] = [];
    marked.forEach((m, row) => m && rows.push(row));
    return rows;
  }
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** `s` cut into `n` contiguous pieces of near-equal length. */
function split(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(s.slice(Math.floor((i * s.length) / n), Math.floor(((i + 1) * s.length) / n)));
  return out.filter((p) => p.length > 0);
}
