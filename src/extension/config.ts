// Typed, cached access to the `dossier.*` settings. Every feature reads config through this
// monitor so setting names live in one file and are re-read only when they actually change.
import * as vscode from 'vscode';
import type { EntityType } from '../core/model';

export type HoverSection = 'aliases' | 'date' | 'place' | 'counts' | 'documents' | 'notes' | 'actions';
export const HOVER_SECTIONS: readonly HoverSection[] = ['aliases', 'date', 'place', 'counts', 'documents', 'notes', 'actions'];

export interface DossierConfig {
  include: string;
  exclude: string[];
  languages: string[];
  maxFileSizeMB: number;
  highlightsEnabled: boolean;
  /** Per entity type: whether its highlights are drawn. */
  types: Record<EntityType, boolean>;
  /** Per entity type: a CSS colour overriding the theme colour, or undefined. */
  colors: Record<EntityType, string | undefined>;
  /** Rejected mentions: hidden (false) or struck through (true). */
  showRejected: boolean;
  /** Documents longer than this (UTF-16 chars) decorate only their visible ranges. */
  largeFileChars: number;
  documentDateFallback: 'mtime' | 'none';
  revealInTree: boolean;
  hoverSections: HoverSection[];
  debounceMs: number;
  /** PDF, HTML and DOCX: per-file limits on the file's size and on extraction time. */
  sources: { maxFileSizeMB: number; maxExtractSeconds: number };
}

const SECTION = 'dossier';
const TYPE_KEY: Record<EntityType, string> = {
  PERSON: 'types.person.enabled',
  ORG: 'types.org.enabled',
  PLACE: 'types.place.enabled',
  DATE: 'types.date.enabled',
};

/** Setting keys (relative to `dossier.`) that commands write. */
export const SETTING = {
  highlightsEnabled: 'highlights.enabled',
  showRejected: 'highlights.showRejected',
  typeEnabled: (type: EntityType): string => TYPE_KEY[type],
} as const;

function read(): DossierConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  const num = (key: string, fallback: number, min: number, max: number): number => {
    const v = c.get<number>(key);
    // A hand-edited settings.json can hold anything; clamp instead of trusting it.
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  };
  const strings = (key: string, fallback: string[]): string[] => {
    const v = c.get<unknown>(key);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : fallback;
  };
  const sections = strings('hover.sections', [...HOVER_SECTIONS]).filter((s): s is HoverSection =>
    (HOVER_SECTIONS as readonly string[]).includes(s),
  );
  return {
    include: c.get<string>('include') || '**/*.{txt,md,pdf,html,htm,docx}',
    exclude: strings('exclude', ['**/node_modules/**', '**/.git/**', '**/.dossier/**']),
    languages: strings('languages', ['plaintext', 'markdown']),
    maxFileSizeMB: num('maxFileSizeMB', 5, 0.01, 1024),
    highlightsEnabled: c.get<boolean>(SETTING.highlightsEnabled) !== false,
    types: {
      PERSON: c.get<boolean>(TYPE_KEY.PERSON) !== false,
      ORG: c.get<boolean>(TYPE_KEY.ORG) !== false,
      PLACE: c.get<boolean>(TYPE_KEY.PLACE) !== false,
      DATE: c.get<boolean>(TYPE_KEY.DATE) !== false,
    },
    colors: {
      PERSON: colour(c.get<unknown>('types.person.color')),
      ORG: colour(c.get<unknown>('types.org.color')),
      PLACE: colour(c.get<unknown>('types.place.color')),
      DATE: colour(c.get<unknown>('types.date.color')),
    },
    showRejected: c.get<boolean>(SETTING.showRejected) === true,
    largeFileChars: num('highlights.largeFileChars', 200_000, 1_000, 100_000_000),
    documentDateFallback: c.get<string>('documentDateFallback') === 'none' ? 'none' : 'mtime',
    revealInTree: c.get<boolean>('revealInTree') !== false,
    hoverSections: sections,
    debounceMs: num('debounceMs', 300, 0, 10_000),
    sources: { maxFileSizeMB: num('sources.maxFileSizeMB', 50, 0.01, 2048), maxExtractSeconds: num('sources.maxExtractSeconds', 20, 1, 600) },
  };
}

/** Accepts #rgb, #rrggbb, #rrggbbaa and rgb()/rgba(); anything else falls back to the theme. */
function colour(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(s) || /^rgba?\([\d\s.,%]+\)$/i.test(s) ? s : undefined;
}

export class ConfigMonitor implements vscode.Disposable {
  private cached: DossierConfig = read();
  private readonly emitter = new vscode.EventEmitter<DossierConfig>();
  private readonly listener: vscode.Disposable;
  /** Fires with the new config after any `dossier.*` setting changes. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.cached = read();
      this.emitter.fire(this.cached);
    });
  }

  get current(): DossierConfig {
    return this.cached;
  }

  /** Writes a setting where the user will find it: the workspace when one is open. */
  async update(key: string, value: unknown): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SECTION).update(key, value, target);
    // Refresh now so the caller sees its own write even before the change event arrives.
    this.cached = read();
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
