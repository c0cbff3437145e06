// The engine entry points the worker uses, in one place so the worker follows the engine's API.
import type { Analysis, AnalyzeOptions } from '../../core/model';
import { analyzeBaseline } from '../../core/engine/baseline';

export interface IncrementalAnalyzer {
  analyze(text: string, options: AnalyzeOptions): Analysis;
}

export const ENGINE_VERSION = 'baseline';

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  return analyzeBaseline(text, options, ENGINE_VERSION);
}

export function createIncrementalAnalyzer(): IncrementalAnalyzer {
  return { analyze };
}
