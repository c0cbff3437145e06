// The link-chart model: who appears with whom. Nodes are people, organisations and places
// (sized by mentions); an edge joins two entities named in the same sentence (or paragraph),
// weighted by how often, with the passages as evidence. Filters and a top-N cut keep a large
// corpus readable; the totals say what was left out.
import type { EntityType } from '../model';
import { labelOf, locationOf, readCorpus, type CorpusLocation, type CorpusSource } from './source';

export type CooccurrenceScope = 'sentence' | 'paragraph';
export const LINK_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE'];

export interface LinkChartOptions {
  /** Entity types shown; default people, organisations and places. */
  types?: readonly EntityType[];
  /** Default 'sentence'. */
  scope?: CooccurrenceScope;
  /** Edges seen fewer times are dropped. Default 1. */
  minWeight?: number;
  /** Most-mentioned nodes kept. Default 40. */
  maxNodes?: number;
  /** Keep nodes without any edge. Default false: a chart of links shows linked things. */
  isolated?: boolean;
  /** An entity id: only it, the entities named with it, and the links among them. '' for none. */
  focus?: string;
}

export interface LinkNode {
  id: string;
  type: EntityType;
  label: string;
  mentions: number;
  documents: number;
  /** Sum of the weights of the node's edges in the chart. */
  degree: number;
  /** The first mention, to open on click. */
  at: CorpusLocation;
}

export interface LinkEdge {
  source: string;
  target: string;
  /** Sentences (or paragraphs) naming both. */
  weight: number;
  documents: string[];
  /** Up to EVIDENCE_LIMIT passages naming both, in corpus order. */
  evidence: CorpusLocation[];
}

export interface LinkChartModel {
  nodes: LinkNode[];
  edges: LinkEdge[];
  options: Required<LinkChartOptions>;
  /** Before the minimum weight and the top-N cut: what the user is not seeing. */
  total: { nodes: number; edges: number };
}

export const EVIDENCE_LIMIT = 5;
const DEFAULTS: Required<LinkChartOptions> = { types: LINK_TYPES, scope: 'sentence', minWeight: 1, maxNodes: 40, isolated: false, focus: '' };

export function buildLinkChart(source: CorpusSource, options: LinkChartOptions = {}): LinkChartModel {
  const opts = normalise(options);
  // Follow merges, so a chart focused on a merged-away id shows the survivor.
  if (opts.focus) opts.focus = source.getEntity(opts.focus)?.id ?? opts.focus;
  const wanted = new Set(opts.types);
  const nodes = new Map<string, LinkNode & { docs: Set<string> }>();
  const edges = new Map<string, LinkEdge>();
  for (const doc of readCorpus(source)) {
    const groups = new Map<number, { entities: Set<string>; start: number; end: number }>();
    for (const m of doc.mentions) {
      if (!wanted.has(m.type)) continue;
      let node = nodes.get(m.entity);
      if (!node) {
        node = { id: m.entity, type: m.type, label: labelOf(m), mentions: 0, documents: 0, degree: 0, at: locationOf(doc, m), docs: new Set() };
        nodes.set(m.entity, node);
      }
      node.mentions++;
      node.docs.add(doc.path);
      const key = opts.scope === 'sentence' ? m.sentence : m.paragraph;
      const segment = (opts.scope === 'sentence' ? doc.sentences : doc.paragraphs)[key];
      const group = groups.get(key) ?? { entities: new Set<string>(), start: segment?.start ?? m.start, end: segment?.end ?? m.end };
      group.entities.add(m.entity);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const ids = [...group.entities].sort();
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const key = `${ids[i]}\u0000${ids[j]}`;
          const edge = edges.get(key) ?? { source: ids[i], target: ids[j], weight: 0, documents: [], evidence: [] };
          edge.weight++;
          if (edge.documents[edge.documents.length - 1] !== doc.path) edge.documents.push(doc.path);
          if (edge.evidence.length < EVIDENCE_LIMIT) edge.evidence.push(locationOf(doc, group));
          edges.set(key, edge);
        }
      }
    }
  }
  const total = { nodes: nodes.size, edges: edges.size };
  let kept = [...edges.values()].filter((e) => e.weight >= opts.minWeight);
  if (opts.focus) {
    const near = new Set([opts.focus, ...kept.flatMap((e) => (e.source === opts.focus ? [e.target] : e.target === opts.focus ? [e.source] : []))]);
    kept = kept.filter((e) => near.has(e.source) && near.has(e.target));
  }
  const linked = new Set(kept.flatMap((e) => [e.source, e.target]));
  const ranked = [...nodes.values()]
    .filter((n) => (opts.focus ? linked.has(n.id) || n.id === opts.focus : opts.isolated || linked.has(n.id)))
    // The focused entity is never cut by the top-N.
    .sort((a, b) => Number(b.id === opts.focus) - Number(a.id === opts.focus) || b.mentions - a.mentions || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, opts.maxNodes);
  const shown = new Set(ranked.map((n) => n.id));
  kept = kept.filter((e) => shown.has(e.source) && shown.has(e.target));
  for (const e of kept) {
    nodes.get(e.source)!.degree += e.weight;
    nodes.get(e.target)!.degree += e.weight;
  }
  kept.sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  return {
    nodes: ranked.map(({ docs, ...n }) => ({ ...n, documents: docs.size })),
    edges: kept,
    options: opts,
    total,
  };
}

/** Clamps options that may come from a webview message or a setting: never trust their shape. */
export function normalise(options: LinkChartOptions): Required<LinkChartOptions> {
  const types = Array.isArray(options.types) ? LINK_TYPES.filter((t) => options.types!.includes(t)) : DEFAULTS.types;
  const int = (v: unknown, fallback: number, min: number, max: number): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.min(max, Math.floor(v))) : fallback;
  return {
    types,
    scope: options.scope === 'paragraph' ? 'paragraph' : 'sentence',
    minWeight: int(options.minWeight, DEFAULTS.minWeight, 1, 1000),
    maxNodes: int(options.maxNodes, DEFAULTS.maxNodes, 2, 500),
    isolated: options.isolated === true,
    focus: typeof options.focus === 'string' ? options.focus.slice(0, 500) : '',
  };
}
