// Hover cards on entity mentions in articles: what Dossier knows about the name under the mouse,
// from this document's analysis and the workspace index.
import * as vscode from 'vscode';
import { spanAt, toRange } from '../convert';
import type { DossierServices } from '../services';
import { buildHoverCard, type HoverCardInput } from './hoverCard';
import { cardEntity, hoverAt } from './hoverLookup';
import { quoteSummary } from './quotesHover';
import { originalUriOf, SOURCE_SCHEME } from '../sources/sourceUri';

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
  const { config, trust, workspaceIndex } = services;
  const selector = (): vscode.DocumentSelector => config.current.languages.map((language) => ({ language }));

  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      const at = await hoverAt(services, document, position, token);
      if (!at) return undefined;
      const { current, offset } = at;
      const visible = current.analysis.mentions.filter((m) => m.provenance !== 'rejected');
      const mention = spanAt(visible, offset);
      if (!mention) return undefined;

      const index = await withinTime(services.index, INDEX_WAIT_MS);
      const record = index?.getEntity(mention.entity);
      const local = current.analysis.entities.find((e) => e.id === mention.entity);
      const { entity, ids } = cardEntity(mention.entity, record, local, () => ({ id: mention.entity, type: mention.type, canonical: mention.text, aliases: [] }));

      const here = workspaceIndex.pathOf(document.uri);
      const mentionsHere = visible.filter((m) => ids.has(m.entity)).length;
      const otherDocuments: HoverCardInput['otherDocuments'] = [];
      if (index && record) {
        const seen = new Set<string>();
        for (const location of index.mentionsOf(record.id)) {
          if (location.path === here || seen.has(location.path)) continue;
          const uri = workspaceIndex.uriOf(location.path);
          if (!uri) continue;
          seen.add(location.path);
          const page = services.sources.pageAt(originalUriOf(uri), location.mention.start);
          otherDocuments.push({ location, uri, ...(page ? { page } : {}) });
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
        source: document.uri.scheme === SOURCE_SCHEME ? { page: services.sources.pageAt(originalUriOf(document.uri), mention.start) } : undefined,
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
