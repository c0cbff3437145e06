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
    // A bigram's posting list is exact already.
    if (piece.length === 2) return this.postings.get(piece) ?? [];
    let shortest: number[] | undefined;
    for (const gram of bigrams(piece)) {
      const list = this.postings.get(gram);
      if (!list) return [];
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    return (shortest ?? []).filter((row) => this.names[row].includes(piece));
  }

  /**
   * Rows (ascending) that can lie within fuse's edit budget of `query`. Two exact filters, both
   * from the same bound on edits: a row contains one of the k + 1 pieces (pigeonhole), and it
   * holds at least (m - 1) - 2k of the query's m - 1 bigrams, as one edit breaks at most two of them
   * (the q-gram lemma; a bigram counts once per position in the query, as in the lemma).
   */
  candidates(query: string, threshold: number): number[] {
    const edits = editBudget(query, threshold);
    const pieces = split(query, edits + 1);
    if (pieces.length === 1) return this.containing(query);
    const marked = new Uint8Array(this.names.length);
    for (const piece of pieces) for (const row of this.containing(piece)) marked[row] = 1;
    const grams = bigrams(query);
    const needed = grams.length - 2 * edits;
    if (needed >= 2) {
      // Counts only over marked rows: one pass per bigram position over its posting list.
      const count = new Uint8Array(this.names.length);
      for (const gram of grams) for (const row of this.postings.get(gram) ?? []) if (marked[row] && count[row] < 255) count[row]++;
      for (let row = 0; row < marked.length; row++) if (marked[row] && count[row] < needed) marked[row] = 0;
    }
    // Last, the exact test on what is left: fuse.js accepts a row only within k edits of the query.
    const rows: number[] = [];
    const within = withinEdits(query, edits);
    marked.forEach((m, row) => m && within(this.names[row]) && rows.push(row));
    return rows;
  }
}

/** fuse's edit budget: the most edits k of an m-letter query with k/m within the threshold. */
export function editBudget(query: string, threshold: number): number {
  let edits = 0;
  while ((edits + 1) / query.length <= threshold) edits++;
  return edits;
}

/**
 * A test that `text` holds a substring within `k` edits (Levenshtein) of `pattern`, by Myers'
 * bit-parallel algorithm (patterns of at most 32 code units, as fuse.js's bitap chunks them).
 * fuse.js's bitap never reports fewer errors than that distance, so no row it keeps fails this.
 */
export function withinEdits(pattern: string, k: number): (text: string) => boolean {
  const m = pattern.length;
  if (m === 0 || m > 32) return () => true;
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  return (text: string): boolean => {
    let pv = -1;
    let mv = 0;
    let score = m;
    if (score <= k) return true;
    for (let j = 0; j < text.length; j++) {
      const eq = peq.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= k) return true;
    }
    return false;
  };
}

export function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** `s` cut into `n` contiguous pieces of near-equal length. */
export function split(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(s.slice(Math.floor((i * s.length) / n), Math.floor(((i + 1) * s.length) / n)));
  return out.filter((p) => p.length > 0);
}
