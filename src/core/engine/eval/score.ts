// Scores analyses against gold files: per-type strict and overlap P/R/F1, DATE value accuracy
// on matched mentions, and B-cubed F1 of the entity grouping over matched mentions.
import type { EntityType } from '../../model';
import { ENTITY_TYPES } from '../../model';

export interface ScoredMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  entity: string;
}
export interface ScoredDocument {
  documentDate?: string | null;
  entities: { id: string; type: EntityType; value?: string }[];
  mentions: ScoredMention[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Score {
  strict: Record<EntityType, Counts>;
  overlap: Record<EntityType, Counts>;
  dateValues: { correct: number; total: number };
  /** Sums of per-mention B-cubed precision and recall, and the number of mentions. */
  bcubed: { p: number; r: number; n: number };
}

export interface MentionError {
  kind: 'FP' | 'FN' | 'TYPE' | 'SPAN' | 'VALUE';
  gold?: ScoredMention;
  system?: ScoredMention;
  detail?: string;
}

const zero = (): Record<EntityType, Counts> => Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, Counts>;
export function emptyScore(): Score {
  return { strict: zero(), overlap: zero(), dateValues: { correct: 0, total: 0 }, bcubed: { p: 0, r: 0, n: 0 } };
}

/** Adds one document's score into `into`, returning the errors found. */
export function scoreDocument(gold: ScoredDocument, sys: ScoredDocument, into: Score): MentionError[] {
  const errors: MentionError[] = [];
  const key = (m: ScoredMention): string => `${m.start}:${m.end}:${m.type}`;
  const goldKeys = new Set(gold.mentions.map(key));
  const sysKeys = new Set(sys.mentions.map(key));
  for (const m of sys.mentions) into.strict[m.type][goldKeys.has(key(m)) ? 'tp' : 'fp']++;
  for (const m of gold.mentions) if (!sysKeys.has(key(m))) into.strict[m.type].fn++;

  // Overlap: same type, overlapping spans, one-to-one (exact matches first, then in order).
  const pairs: [ScoredMention, ScoredMention][] = [];
  const usedG = new Set<ScoredMention>();
  const usedS = new Set<ScoredMention>();
  for (const exactFirst of [true, false]) {
    for (const s of sys.mentions) {
      if (usedS.has(s)) continue;
      const g = gold.mentions.find((x) => !usedG.has(x) && x.type === s.type && (exactFirst ? x.start === s.start && x.end === s.end : x.start < s.end && s.start < x.end));
      if (g) {
        pairs.push([g, s]);
        usedG.add(g);
        usedS.add(s);
      }
    }
  }
  for (const [g] of pairs) into.overlap[g.type].tp++;
  for (const s of sys.mentions) if (!usedS.has(s)) into.overlap[s.type].fp++;
  for (const g of gold.mentions) if (!usedG.has(g)) into.overlap[g.type].fn++;

  const goldValue = new Map(gold.entities.map((e) => [e.id, e.value]));
  const sysValue = new Map(sys.entities.map((e) => [e.id, e.value]));
  for (const [g, s] of pairs) {
    if (g.start !== s.start || g.end !== s.end) errors.push({ kind: 'SPAN', gold: g, system: s });
    if (g.type !== 'DATE') continue;
    into.dateValues.total++;
    const gv = goldValue.get(g.entity);
    const sv = sysValue.get(s.entity);
    if (gv === sv) into.dateValues.correct++;
    else errors.push({ kind: 'VALUE', gold: g, system: s, detail: `${sv} != gold ${gv}` });
  }
  for (const s of sys.mentions) {
    if (usedS.has(s)) continue;
    const g = gold.mentions.find((x) => x.start < s.end && s.start < x.end);
    errors.push(g ? { kind: 'TYPE', gold: g, system: s } : { kind: 'FP', system: s });
  }
  for (const g of gold.mentions) if (!usedG.has(g) && !sys.mentions.some((x) => x.start < g.end && g.start < x.end)) errors.push({ kind: 'FN', gold: g });

  // B-cubed over the matched pairs: clusters are the entity ids on each side.
  const goldCluster = new Map<string, number>();
  const sysCluster = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [g, s] of pairs) {
    goldCluster.set(g.entity, (goldCluster.get(g.entity) ?? 0) + 1);
    sysCluster.set(s.entity, (sysCluster.get(s.entity) ?? 0) + 1);
    const k = `${g.entity}\u0000${s.entity}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  for (const [g, s] of pairs) {
    const common = both.get(`${g.entity}\u0000${s.entity}`) ?? 0;
    into.bcubed.p += common / (sysCluster.get(s.entity) ?? 1);
    into.bcubed.r += common / (goldCluster.get(g.entity) ?? 1);
    into.bcubed.n++;
  }
  return errors;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}
export function prf(c: Counts): Prf {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
export function micro(counts: Record<EntityType, Counts>): Prf {
  const sum: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const t of ENTITY_TYPES) {
    sum.tp += counts[t].tp;
    sum.fp += counts[t].fp;
    sum.fn += counts[t].fn;
  }
  return prf(sum);
}
export function bcubedF1(score: Score): number {
  const { p, r, n } = score.bcubed;
  if (!n) return 0;
  const bp = p / n;
  const br = r / n;
  return bp + br ? (2 * bp * br) / (bp + br) : 0;
}
export function dateAccuracy(score: Score): number {
  return score.dateValues.total ? score.dateValues.correct / score.dateValues.total : 0;
}
