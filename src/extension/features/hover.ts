// Hover cards on entity mentions in articles: what Dossier knows about the name under the mouse,
// from this document's analysis and the workspace index.
import * as vscode from 'vscode';
import type { Entity } from '../../core/model';
import { spanAt, toRange } from '../convert';
import type { DossierServices } from '../services';
import { buildHoverCard, type HoverCardInput } from './hoverCard';
import { quoteSummary } from './quotesHover';

/** Other documents listed on the card. */
const OTHER_DOCUMENTS = 3;
/** While the index is still opening, the card shows what this document knows rather than wait. */
const INDEX_WAIT_MS = 1500;

function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

export function registerHover(services: DossierServices): vscode.Disposable {
  const { analysis, config, trust, workspaceIndex } = services;
  const selector = (): vscode.DocumentSelector => config.current.languages.map((language) => ({ language }));

  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!analysis.isDossierDocument(document)) return undefined;
      const current = analysis.get(document.uri) ?? (await analysis.whenAnalyzed(document));
      if (!current || token.isCancellationRequested) return undefined;
      const offset = document.offsetAt(position);
      const visible = current.analysis.mentions.filter((m) => m.provenance !== 'rejected');
      const mention = spanAt(visible, offset);
      if (!mention) return undefined;

      const local = current.analysis.entities.find((e) => e.id === mention.entity);
      const index = await withinTime(services.index, INDEX_WAIT_MS);
      const record = index?.getEntity(mention.entity);
      // The registry's record (aliases across the corpus, renames, merges) wins over the document's.
      const entity: Entity = record
        ? { id: record.id, type: record.type, canonical: record.canonical, aliases: record.aliases, value: record.value ?? local?.value, geo: record.geo ?? local?.geo }
        : (local ?? { id: mention.entity, type: mention.type, canonical: mention.text, aliases: [] });

      const here = workspaceIndex.pathOf(document.uri);
      const ids = new Set([mention.entity, entity.id, ...(record?.mergedIds ?? [])]);
      const mentionsHere = visible.filter((m) => ids.has(m.entity)).length;
      const otherDocuments: HoverCardInput['otherDocuments'] = [];
      if (index && record) {
        const seen = new Set<string>();
        for (const location of index.mentionsOf(record.id)) {
          if (location.path === here || seen.has(location.path)) continue;
          const uri = workspaceIndex.uriOf(location.path);
          if (!uri) continue;
          seen.add(location.path);
          otherDocuments.push({ location, uri });
          if (otherDocuments.length >= OTHER_DOCUMENTS) break;
        }
      }
      const card = buildHoverCard({
        entity,
        type: mention.type,
        mention,
        learned: mention.source === 'corrections',
        uri: document.uri,
        documentDate: current.analysis.documentDate,
        mentionsHere,
        workspace: record?.counts,
        otherDocuments,
        notes: record?.notes ?? [],
        sections: config.current.hoverSections,
        trusted: trust.trusted,
        quotes: mention.type === 'PERSON' || mention.type === 'ORG' ? quoteSummary(index, ids, current.analysis) : undefined,
      });
      return new vscode.Hover(card, toRange(document, mention));
    },
  };

  let registration = vscode.languages.registerHoverProvider(selector(), provider);
  let languages = JSON.stringify(config.current.languages);
  return vscode.Disposable.from(
    config.onDidChange((c) => {
      if (JSON.stringify(c.languages) === languages) return;
      languages = JSON.stringify(c.languages);
      registration.dispose();
      registration = vscode.languages.registerHoverProvider(selector(), provider);
    }),
    new vscode.Disposable(() => registration.dispose()),
  );
}
