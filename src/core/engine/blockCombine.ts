// The incremental tagger's last step, block by block: combine() (the gate between the rules and
// the tagger) run on each line block alone, in the block's own offsets, and its decision kept
// until the block's tokens, tagging or rules change. An edit then gates one block, not the whole
// document, and no token of an unchanged block is copied. combine() reads nothing across blocks
// (a block ends at a line break: no tagged span, rule or capitalised run crosses one), so the
// answer is the whole-document combine()'s; whenever a span or a rule does cross a block, the
// caller is told (null) and runs the whole-document step.
import type { Placed } from './grouping';
import type { Paragraph } from './paragraphs';
import type { Token } from './tokens';
import type { Gates } from './tagger/combine';
import { combine } from './tagger/combine';
import { decodeSpans, partOf, typeOf } from './tagger/labels';

export interface Block {
  tokens: Token[];
  tagged?: { labels: Uint8Array; margins: Float32Array };
}

/** One item of combine()'s answer for a block: a rule kept, a rule changed, or a new name. */
type Decision = { rule: number } | { rule: number; changes: Partial<Placed> } | { fresh: Placed };

interface Memo {
  tagged: object;
  /** Per rule of the block: relative start, end, type, source, confidence (what combine() reads). */
  sig: (number | string)[];
  decisions: Decision[];
}

const memos = new WeakMap<Block, Memo>();

export function combineByBlock(paragraphs: Paragraph[], blocks: Block[], rules: Placed[], gates: Gates): Placed[] | null {
  const perBlock = assign(paragraphs, rules);
  if (!perBlock || crossesBlocks(blocks)) return null;
  const out: Placed[] = [];
  blocks.forEach((b, i) => {
    const from = paragraphs[i].start;
    const mine = perBlock[i];
    let memo = memos.get(b);
    if (!memo || memo.tagged !== b.tagged || !sameRules(memo.sig, mine, from)) {
      memo = decide(paragraphs[i].text, b, mine, from, gates);
      memos.set(b, memo);
    }
    for (const d of memo.decisions) {
      if ('fresh' in d) out.push({ ...d.fresh, start: d.fresh.start + from, end: d.fresh.end + from });
      else if ('changes' in d) out.push({ ...mine[d.rule], ...d.changes });
      else out.push(mine[d.rule]);
    }
  });
  return out;
}

/** The rules of each block, or null when one lies outside every block. */
function assign(paragraphs: Paragraph[], rules: Placed[]): Placed[][] | null {
  const out: Placed[][] = paragraphs.map(() => []);
  let pi = 0;
  let last = -Infinity;
  for (const r of rules) {
    if (r.start < last) return null;
    last = r.start;
    while (pi < paragraphs.length && paragraphs[pi].start + paragraphs[pi].text.length <= r.start) pi++;
    const p = paragraphs[pi];
    if (!p || r.start < p.start || r.end > p.start + p.text.length) return null;
    out[pi].push(r);
  }
  return out;
}

/** A tagged span left open at a block's end and continued by the next block's first token. */
function crossesBlocks(blocks: Block[]): boolean {
  let open = 0;
  for (const b of blocks) {
    const labels = b.tagged?.labels;
    if (!labels) return true;
    if (!labels.length) continue;
    const p = partOf(labels[0]);
    if (open && (p === 'I' || p === 'L') && typeOf(labels[0]) === typeOf(open)) return true;
    const end = labels[labels.length - 1];
    open = partOf(end) === 'B' || partOf(end) === 'I' ? end : 0;
  }
  return false;
}

const SIG = 5;

function sameRules(sig: (number | string)[], rules: Placed[], from: number): boolean {
  if (sig.length !== rules.length * SIG) return false;
  for (let k = 0; k < rules.length; k++) {
    const r = rules[k];
    const o = k * SIG;
    if (sig[o] !== r.start - from || sig[o + 1] !== r.end - from || sig[o + 2] !== r.type || sig[o + 3] !== r.source || sig[o + 4] !== r.confidence) return false;
  }
  return true;
}

function decide(blockText: string, b: Block, rules: Placed[], from: number, gates: Gates): Memo {
  const tagged = b.tagged!;
  const copies = rules.map((r) => ({ ...r, start: r.start - from, end: r.end - from }));
  const index = new Map<Placed, number>(copies.map((c, k) => [c, k]));
  const byRange = new Map<string, number>(copies.map((c, k) => [`${c.start}:${c.end}`, k]));
  // As the whole-document step decodes: the margin of a span is its weakest token's.
  const spans = decodeSpans(tagged.labels).map((s) => {
    let margin = Infinity;
    for (let k = s.first; k < s.last; k++) margin = Math.min(margin, tagged.margins[k]);
    return { start: b.tokens[s.first].start, end: b.tokens[s.last - 1].end, type: s.type, margin };
  });
  const decisions: Decision[] = combine(blockText, copies, { spans, margins: tagged.margins, labels: tagged.labels }, b.tokens, gates).map((o) => {
    const kept = index.get(o);
    if (kept !== undefined) return { rule: kept };
    // A rule's range answered by a new object: that rule, changed (retyped); else a new name.
    const same = byRange.get(`${o.start}:${o.end}`);
    if (same === undefined) return { fresh: o };
    const base = copies[same] as unknown as Record<string, unknown>;
    const changes: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(o), ...Object.keys(base)])) if (k !== 'start' && k !== 'end' && (o as unknown as Record<string, unknown>)[k] !== base[k]) changes[k] = (o as unknown as Record<string, unknown>)[k];
    return { rule: same, changes: changes as Partial<Placed> };
  });
  const sig: (number | string)[] = [];
  for (const c of copies) sig.push(c.start, c.end, c.type, c.source, c.confidence);
  return { tagged, sig, decisions };
}
