// The persistence ports of the entity index: where annotations, the entity registry and cached
// analyses live. The workspace files (.dossier/, DossierStore + AnalysisCache) are the default;
// src/core/index/pg/ stores the same model in PostgreSQL for a team.
import type { Analysis } from '../model';
import type { Annotation, EntityRecord } from './types';

export interface Loaded<T> {
  items: T[];
  /** Elements we could not understand: written back untouched, never dropped. */
  unreadable: unknown[];
  /** Set when the store was written by a newer Dossier. */
  newerSchema?: number;
  /** A hash of the stored form as read (the file store); what saveEntities returns for what it stored. */
  fingerprint?: string;
}

export interface IndexStore {
  loadAnnotations(): Promise<Loaded<Annotation>>;
  loadEntities(): Promise<Loaded<EntityRecord>>;
  /** Read-merge-write, serialised against other writers: `merge` gets what is stored now and returns what to store. */
  saveAnnotations(merge: (stored: Loaded<Annotation>) => { items: Annotation[]; unreadable: unknown[] }): Promise<Annotation[]>;
  /** May return the fingerprint of what is now stored (see Loaded.fingerprint). */
  saveEntities(records: readonly Omit<EntityRecord, 'counts'>[], unreadable: unknown[]): Promise<string | void>;
  /** One-time preparation before the first write (the file store's .gitignore). */
  ensureGitignore(): Promise<void>;
}

/** Engine analyses by cache key (content hash, engine version, lexicon): always rebuildable. */
export interface AnalysisStore {
  get(key: string): Promise<Analysis | undefined>;
  /** Queued until flush(). */
  put(key: string, analysis: Analysis): void;
  flush(): Promise<void>;
  /** Drops entries no document uses any more. */
  prune(live: ReadonlySet<string>): Promise<void>;
}
