// Applies the lexicon to an engine analysis once more, after the engine ran. The engine is asked
// to honour the lexicon itself; this pass guarantees the user's decisions hold whatever the
// engine version does (and costs one scan per lexicon name that occurs in the text).
import { entityId, type Lexicon, type Mention } from '../model';

const WORD = /[\p{L}\p{N}]/u;

export function applyLexicon(text: string, mentions: readonly Mention[], lexicon: Lexicon): Mention[] {
  let out = mentions.filter(
    (m) => !lexicon.suppress.some((s) => s.text === m.text && (!s.type || s.type === m.type)),
  );
  const relabel = new Map(lexicon.relabel.map((r) => [r.text, r.type]));
  out = out.map((m) => {
    const type = relabel.get(m.text);
    return type && type !== m.type ? { ...m, type, entity: entityId(type, m.text), source: 'lexicon' as const } : m;
  });
  for (const entry of lexicon.entries) {
    const type = relabel.get(entry.text) ?? entry.type;
    const entity = type === entry.type && entry.entity ? entry.entity : entityId(type, entry.canonical ?? entry.text);
    for (const start of wordOccurrences(text, entry.text)) {
      const end = start + entry.text.length;
      const mention: Mention = { start, end, text: entry.text, type, entity, confidence: 1, source: 'lexicon' };
      // A longer engine mention containing the name ("Andrew Hall" around "Hall") stays.
      const container = out.find((m) => m.start <= start && m.end >= end && m.end - m.start > end - start);
      if (!container) out = placeMention(out, mention);
    }
  }
  return out;
}

/** Inserts `m`, dropping every mention it overlaps, keeping the list sorted. */
export function placeMention(mentions: readonly Mention[], m: Mention): Mention[] {
  const kept = mentions.filter((x) => x.end <= m.start || x.start >= m.end);
  const at = kept.findIndex((x) => x.start >= m.end);
  if (at < 0) return [...kept, m];
  return [...kept.slice(0, at), m, ...kept.slice(at)];
}

/** Occurrences of `name` not glued to a letter or digit on either side. */
export function wordOccurrences(text: string, name: string, limit = 10_000): number[] {
  const out: number[] = [];
  if (!name) return out;
  for (let i = text.indexOf(name); i >= 0 && out.length < limit; i = text.indexOf(name, i + 1)) {
    const before = i > 0 ? text[i - 1] : '';
    const after = text[i + name.length] ?? '';
    if ((!before || !WORD.test(before) || !WORD.test(name[0])) && (!after || !WORD.test(after) || !WORD.test(name[name.length - 1]))) {
      out.push(i);
    }
  }
  return out;
}
