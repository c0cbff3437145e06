// Raw compromise as the eval's yardstick: its people/places/organizations and compromise-dates,
// spans built from term offsets, entities grouping identical strings only. No rules of ours.
import { Analysis, AnalyzeOptions, Entity, EntityType, Mention, entityId } from '../model';
import { getNlp } from './nlp';
import { isoWeek } from './dates/calendar';

interface Match {
  terms: { text: string; offset: { start: number; length: number } }[];
  dates?: { start?: string; unit?: string };
}

export function analyzeBaseline(text: string, opts: AnalyzeOptions = {}, engineVersion = 'baseline'): Analysis {
  const mentions: Mention[] = [];
  const values = new Map<string, string>();
  const documentDate = opts.metadataDate ?? opts.documentDate ?? null;
  try {
    const nlp = getNlp();
    const doc = nlp(text);
    const groups: [EntityType, Match[]][] = [
      ['PERSON', doc.people().json({ offset: true }) as Match[]],
      ['PLACE', doc.places().json({ offset: true }) as Match[]],
      ['ORG', doc.organizations().json({ offset: true }) as Match[]],
    ];
    for (const [type, matches] of groups) for (const m of matches) push(type, m);
    // compromise-dates throws on some sentences: isolate it per sentence.
    for (const sentence of doc.sentences().json({ offset: true }) as Match[]) {
      const first = sentence.terms[0];
      if (!first) continue;
      const base = first.offset.start;
      const last = sentence.terms[sentence.terms.length - 1];
      const sText = text.slice(base, last.offset.start + last.offset.length);
      try {
        const opt = documentDate ? { today: documentDate, timezone: 'UTC' } : { timezone: 'UTC' };
        const sdoc = nlp(sText) as unknown as { dates(o: object): { json(o: object): Match[] } };
        for (const m of sdoc.dates(opt).json({ offset: true })) {
          const shifted = { ...m, terms: m.terms.map((t) => ({ ...t, offset: { ...t.offset, start: t.offset.start + base } })) };
          const mention = push('DATE', shifted);
          if (mention) values.set(mention.text, dateValue(m.dates));
        }
      } catch {
        // Known compromise-dates crash ("t.isValid is not a function"): skip the sentence.
      }
    }
  } catch {
    // The baseline never throws either.
  }

  function push(type: EntityType, m: Match): Mention | null {
    const terms = m.terms;
    if (!terms.length) return null;
    const start = terms[0].offset.start;
    const lastT = terms[terms.length - 1];
    const end = lastT.offset.start + lastT.offset.length;
    const s = text.slice(start, end);
    if (!s.trim()) return null;
    const mention: Mention = { start, end, text: s, type, entity: '', confidence: 0.5, source: type === 'DATE' ? 'date' : 'ner' };
    mentions.push(mention);
    return mention;
  }

  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of mentions) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  const entities = new Map<string, Entity>();
  for (const m of kept) {
    const value = m.type === 'DATE' ? values.get(m.text) || m.text : undefined;
    m.entity = entityId(m.type, value ?? m.text);
    if (!entities.has(m.entity)) entities.set(m.entity, { id: m.entity, type: m.type, canonical: m.text, aliases: [], ...(value ? { value } : {}) });
  }
  return { documentDate, documentDateSource: documentDate ? 'caller' : 'none', entities: [...entities.values()], mentions: kept, engineVersion };
}

function dateValue(d: Match['dates']): string {
  if (!d?.start) return '';
  const iso = d.start.slice(0, 10);
  switch (d.unit) {
    case 'year':
      return iso.slice(0, 4);
    case 'month':
      return iso.slice(0, 7);
    case 'week':
      return isoWeek(iso);
    default:
      return iso;
  }
}
