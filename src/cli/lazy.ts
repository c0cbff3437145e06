// The engine and the source extractors, loaded on first use: a warm `dossier index` over
// unchanged files, `search` and `export` never load compromise, pdf.js or mammoth.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { Analysis, AnalyzeOptions } from '../core/model';

type Engine = typeof import('../core/engine/index');
type TextCache = typeof import('../core/sources/textCache');

export const engine = (): Engine => require('../core/engine/index') as Engine;
export const sources = (): TextCache => require('../core/sources/textCache') as TextCache;

export const analyze = (text: string, options: AnalyzeOptions): Analysis => engine().analyze(text, options);
