// Quotes as timeline events: each quote is dated by a day-or-finer DATE named in its sentence,
// else by its document's date; a quote with neither stays off the calendar (counted).
import { dateInterval, type DateInterval } from './timeline';
import { readCorpus, type CorpusLocation, type CorpusSource } from './source';

export interface QuoteEvent extends DateInterval {
  /** TIMEX3 value of the date the quote is placed on. */
  value: string;
  /** Where the date came from: a date in the quote's sentence, or the document's date. */
  dateFrom: 'sentence' | 'document';
  at: CorpusLocation;
  text: string;
  speaker: string | null;
  speakerName: string | null;
}

export function quoteEvents(source: CorpusSource): { events: QuoteEvent[]; undated: number } {
  const events: QuoteEvent[] = [];
  let undated = 0;
  for (const doc of readCorpus(source)) {
    const record = source.getDocument(doc.path);
    const analysis = record?.analysis;
    for (const q of record?.quotes ?? []) {
      const sentence = doc.sentences.find((s) => s.start <= q.cue.start && q.cue.start < s.end) ?? doc.sentences.find((s) => s.start <= q.start && q.start < s.end);
      const named = sentence ? doc.mentions.find((m) => m.type === 'DATE' && m.start >= sentence.start && m.end <= sentence.end && dateInterval(m.record?.value ?? '')) : undefined;
      const value = named?.record?.value ?? analysis?.documentDate ?? null;
      const interval = value ? dateInterval(value) : null;
      if (!value || !interval) {
        undated++;
        continue;
      }
      const speakerRecord = q.speaker ? source.getEntity(q.speaker) : undefined;
      events.push({
        ...interval,
        value,
        dateFrom: named ? 'sentence' : 'document',
        at: { path: doc.path, start: q.start, end: q.end, line: doc.lineOf(q.start) },
        text: q.text,
        speaker: speakerRecord?.id ?? q.speaker,
        speakerName: speakerRecord?.canonical ?? null,
      });
    }
  }
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.at.path < b.at.path ? -1 : a.at.start - b.at.start));
  return { events, undated };
}
