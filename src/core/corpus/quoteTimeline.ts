// The timeline with quotes as events when asked (option `quotes`): the date model plus each
// quote placed on its sentence's date, else its document's date, narrowed to the focus
// entity's own quotes when the timeline is narrowed to a speaker.
import { quoteEvents, type QuoteEvent } from './quoteEvents';
import type { CorpusSource } from './source';
import { buildTimeline, type TimelineModel, type TimelineOptions } from './timeline';

export interface QuoteTimelineOptions extends TimelineOptions {
  /** Show quotes as events too (the timeline's "quotes" toggle). */
  quotes?: boolean;
}

export interface QuoteTimelineModel extends TimelineModel {
  /** Whether quotes are shown (the toggle's state). */
  showQuotes: boolean;
  /** The quotes placed on the calendar, by date; empty unless shown. */
  quotes: QuoteEvent[];
  /** Quotes in the corpus (for the toggle's label), and those with no date to place them on. */
  quoteCount: number;
  undatedQuotes: number;
}

export function buildQuoteTimeline(source: CorpusSource, options: QuoteTimelineOptions = {}): QuoteTimelineModel {
  const model = buildTimeline(source, options);
  const showQuotes = options.quotes === true;
  let quoteCount = 0;
  for (const path of source.documents()) quoteCount += source.getDocument(path)?.quotes.length ?? 0;
  if (!showQuotes) return { ...model, showQuotes, quotes: [], quoteCount, undatedQuotes: 0 };
  const all = quoteEvents(source);
  const quotes = model.focus ? all.events.filter((q) => q.speaker === model.focus?.id) : all.events;
  // The calendar's range covers the quotes too, so zooming and the axis include them.
  const starts = [model.range?.start, ...quotes.map((q) => q.start)].filter((d): d is string => !!d).sort();
  const ends = [model.range?.end, ...quotes.map((q) => q.end)].filter((d): d is string => !!d).sort();
  const range = starts.length ? { start: starts[0], end: ends[ends.length - 1] } : null;
  return { ...model, range, showQuotes, quotes, quoteCount, undatedQuotes: all.undated };
}
