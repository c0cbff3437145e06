// Test doubles for the index: an in-memory WorkspacePort and a tiny dictionary analyzer that
// ignores the lexicon, so the tests prove the index itself makes annotations hold.
import picomatch from 'picomatch';
import { entityId, type Analysis, type AnalyzeOptions, type Entity, type EntityType, type Mention } from '../../../src/core/model';
import type { FileStat, WorkspacePort } from '../../../src/core/ports';
import { openEntityIndex } from '../../../src/core/index/entityIndex';
import type { EntityIndex, EntityIndexOptions } from '../../../src/core/index/types';

export class MemoryWorkspace implements WorkspacePort {
  readonly files = new Map<string, { data: string; mtime: number }>();
  writes = 0;

  constructor(initial: Record<string, string> = {}) {
    for (const [p, d] of Object.entries(initial)) this.files.set(p, { data: d, mtime: 1 });
  }
  async listFiles(include: string[], exclude: string[]): Promise<string[]> {
    const inc = picomatch(include);
    const exc = picomatch(exclude, { dot: true });
    return [...this.files.keys()].filter((p) => inc(p) && !exc(p)).sort();
  }
  async stat(p: string): Promise<FileStat | undefined> {
    const f = this.files.get(p);
    return f && { size: Buffer.byteLength(f.data), mtime: f.mtime };
  }
  async readFile(p: string): Promise<string | undefined> {
    return this.files.get(p)?.data;
  }
  async writeFileAtomic(p: string, data: string): Promise<void> {
    this.writes++;
    this.files.set(p, { data, mtime: Date.now() });
  }
  async createExclusive(p: string, data: string): Promise<boolean> {
    if (this.files.has(p)) return false;
    this.files.set(p, { data, mtime: Date.now() });
    return true;
  }
  async rename(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (!f) throw new Error(`ENOENT ${from}`);
    this.files.delete(from);
    this.files.set(to, f);
  }
  async delete(p: string): Promise<void> {
    this.files.delete(p);
  }
  async mkdir(): Promise<void> {}
  async readDir(dir: string): Promise<string[]> {
    const prefix = `${dir}/`;
    return [...this.files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
  }
}

/** Surface form -> [type, canonical]; longest forms are matched first. */
export const DICTIONARY: Record<string, [EntityType, string]> = {
  'Marieke de Vries': ['PERSON', 'Marieke de Vries'],
  'de Vries': ['PERSON', 'Marieke de Vries'],
  'Andrew Hall': ['PERSON', 'Andrew Hall'],
  Rotterdam: ['PLACE', 'Rotterdam'],
  Leeds: ['PLACE', 'Leeds'],
  FNV: ['ORG', 'FNV'],
  'Network Rail': ['ORG', 'Network Rail'],
  Monday: ['DATE', 'Monday'],
  'Direction Générale de la Sécurité Intérieure': ['ORG', 'Direction Générale de la Sécurité Intérieure'],
  DGSI: ['ORG', 'Direction Générale de la Sécurité Intérieure'],
  'Bruno Dupont': ['PERSON', 'Bruno Dupont'],
  'Bruna Dupont': ['PERSON', 'Bruna Dupont'],
  'Abdelhamid Abaaoud': ['PERSON', 'Abdelhamid Abaaoud'],
  Abaaoud: ['PERSON', 'Abaaoud'],
};

const GEO: Record<string, Entity['geo']> = {
  Rotterdam: { kind: 'city', country: 'Netherlands', countryCode: 'NL', lat: 51.92, lon: 4.48 },
};

export interface CountingAnalyzer {
  (text: string, opts: AnalyzeOptions): Analysis;
  calls: string[];
}

export function dictionaryAnalyzer(): CountingAnalyzer {
  const forms = Object.keys(DICTIONARY).sort((a, b) => b.length - a.length);
  const fn = ((text: string): Analysis => {
    fn.calls.push(text);
    const mentions: Mention[] = [];
    const entities = new Map<string, Entity>();
    for (const form of forms) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
        if (/\w/.test(text[i - 1] ?? '') || /\w/.test(text[i + form.length] ?? '')) continue;
        if (mentions.some((m) => m.start < i + form.length && m.end > i)) continue;
        // Headings are invisible to this engine, so only the lexicon can find names there.
        if (text.slice(text.lastIndexOf('\n', i) + 1).startsWith('#')) continue;
        const [type, canonical] = DICTIONARY[form];
        const id = entityId(type, canonical);
        mentions.push({ start: i, end: i + form.length, text: form, type, entity: id, confidence: 0.9, source: 'ner' });
        const e = entities.get(id) ?? { id, type, canonical, aliases: [], value: type === 'DATE' ? '2023-03-13' : undefined, geo: GEO[canonical] };
        if (form !== canonical && !e.aliases.includes(form)) e.aliases.push(form);
        entities.set(id, e);
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { documentDate: null, documentDateSource: 'none', entities: [...entities.values()], mentions, engineVersion: 'dict-1' } satisfies Analysis;
  }) as unknown as CountingAnalyzer;
  fn.calls = [];
  return fn;
}

export async function openTestIndex(
  files: Record<string, string>,
  options: Partial<EntityIndexOptions> & { workspace?: MemoryWorkspace } = {},
) {
  const { workspace = new MemoryWorkspace(files), ...rest } = options;
  const analyze = dictionaryAnalyzer();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const index: EntityIndex = await openEntityIndex(workspace, {
    analyze,
    engineVersion: 'dict-1',
    author: 'Tester',
    writeDelayMs: 0,
    now: () => new Date((clock += 1000)),
    ...rest,
  });
  await index.scan();
  return { index, workspace, analyze };
}
