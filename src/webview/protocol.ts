// Messages between a corpus-view panel (extension host) and its webview script. Both sides
// import these types; nothing here touches the DOM or vscode, so either side can use it.
import type { LinkChartModel } from '../core/corpus/linkChart';
import type { PlaceMapModel } from '../core/corpus/placeMap';
import type { QuoteTimelineModel } from '../core/corpus/quoteTimeline';

export type CorpusViewKind = 'timeline' | 'linkChart' | 'placeMap';

export interface CorpusModels {
  timeline: QuoteTimelineModel;
  linkChart: LinkChartModel;
  placeMap: PlaceMapModel;
}

/** Host -> webview: the model to draw, or null with a note saying why there is none. */
export interface ModelMessage<K extends CorpusViewKind = CorpusViewKind> {
  type: 'model';
  kind: K;
  model: CorpusModels[K] | null;
  /** "Indexing 3 of 40 documents…", "Open a folder…": shown above the view. */
  note?: string;
  /** The host's options the model was built with: the webview saves them for a restored panel. */
  options?: unknown;
}

/** What the webview drew, reported back so tests and logs can tell it really rendered. */
export interface RenderedSummary {
  /** Marks drawn: timeline events, link-chart nodes, map places. */
  marks: number;
  /** Keyboard-reachable items in the list beside the drawing. */
  items: number;
}

/** Webview -> host. */
export type ViewMessage =
  | { type: 'ready'; options?: unknown }
  | { type: 'open'; path: string; start: number; end: number }
  | { type: 'options'; options: unknown }
  | { type: 'rendered'; summary: RenderedSummary };
