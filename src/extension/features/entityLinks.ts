// `[[Entity Name]]` links in researchers' notes: completion of entity names after `[[`, and
// hover, definition and references on a link, all resolved against the shared index.
import * as vscode from 'vscode';
import type { EntityIndex, EntityRecord } from '../../core/index/types';
import { candidateEntityIds, type EntityLink, entityLinkAt, linkCompletionContext, linkMatchesName, parseEntityLinks } from '../../core/links';
import { foldKey } from '../../core/model';
import { TextLineMap, toRange } from '../convert';
import type { DossierServices } from '../services';
import { definitionPlace, forDossierLanguages, mentionAt, workspacePlaces } from './entityLocations';
import { TYPE_ICON } from './search';
import { TYPE_LABEL } from './symbols';

/** The entity a link designates: its typed id, else an exact (folded) name or alias. */
export function resolveEntityLink(index: EntityIndex, link: Pick<EntityLink, 'name' | 'type'>): EntityRecord | undefined {
  for (const id of candidateEntityIds(link)) {
    const record = index.getEntity(id);
    if (record) return record;
  }
  const types = link.type ? [link.type] : undefined;
  const exact = index
    .search(link.name, { types, limit: 10 })
    .map((r) => r.entity)
    .filter((e) => [e.canonical, ...e.aliases].some((n) => linkMatchesName(link, n)));
  return exact.sort((a, b) => b.counts.mentions - a.counts.mentions)[0];
}

/** Links to `entity` in every indexed document (notes are documents too). */
export function linksTo(services: DossierServices, index: EntityIndex, entity: string): vscode.Location[] {
  const target = index.getEntity(entity)?.id ?? entity;
  const locations: vscode.Location[] = [];
  for (const path of index.documents()) {
    const uri = services.workspaceIndex.uriOf(path);
    const open = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : index.getText(path);
    if (!uri || !text || !text.includes('[[')) continue;
    let map: TextLineMap | undefined;
    for (const link of parseEntityLinks(text)) {
      if (resolveEntityLink(index, link)?.id !== target) continue;
      const range = open
        ? new vscode.Range(open.positionAt(link.start), open.positionAt(link.end))
        : toRange((map ??= new TextLineMap(text)), link);
      locations.push(new vscode.Location(uri, range));
    }
  }
  return locations;
}

export function registerEntityLinks(services: DossierServices): vscode.Disposable {
  /** The link under the cursor and what it resolves to. */
  const linkAt = async (document: vscode.TextDocument, position: vscode.Position) => {
    const link = entityLinkAt(document.getText(), document.offsetAt(position));
    if (!link) return undefined;
    const index = await services.index;
    const range = new vscode.Range(document.positionAt(link.start), document.positionAt(link.end));
    const record = index && resolveEntityLink(index, link);
    // When the engine also found the name inside the brackets, the mention's own hover and
    // definition already answer for the same entity: one card, one target, not two.
    const mention = mentionAt(services, document, position);
    const duplicate = !!record && !!mention && index?.getEntity(mention.entity)?.id === record.id;
    return { link, range, index, record, duplicate };
  };

  const completion: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position) {
      const line = document.lineAt(position.line).text;
      const context = linkCompletionContext(line.slice(0, position.character));
      if (!context) return undefined;
      const index = await services.index;
      if (!index) return undefined;
      const closed = line.slice(position.character).startsWith(']]');
      const replace = new vscode.Range(position.line, context.nameStart, position.line, position.character);
      return index
        .entities()
        .filter((e) => !context.type || e.type === context.type)
        .sort((a, b) => b.counts.mentions - a.counts.mentions)
        .slice(0, 500)
        .map((e, rank) => {
          const item = new vscode.CompletionItem({ label: e.canonical, description: TYPE_LABEL[e.type] }, vscode.CompletionItemKind.Reference);
          item.detail = `${e.counts.mentions} mentions in ${e.counts.documents} documents`;
          item.documentation = e.aliases.length ? new vscode.MarkdownString(`Also: ${e.aliases.map(escapeMarkdown).join(', ')}`) : undefined;
          // Typing an alias or an unaccented form still finds the entity.
          item.filterText = [e.canonical, ...e.aliases, foldKey(e.canonical)].join(' ');
          item.sortText = String(rank).padStart(4, '0');
          item.insertText = closed ? e.canonical : `${e.canonical}]]`;
          item.range = replace;
          return item;
        });
    },
  };

  const hover: vscode.HoverProvider = {
    async provideHover(document, position) {
      const at = await linkAt(document, position);
      if (!at || at.duplicate) return undefined;
      const md = new vscode.MarkdownString();
      if (!at.record) {
        md.appendMarkdown(`**${escapeMarkdown(at.link.name)}**: no entity of that name in the Dossier index yet.`);
        return new vscode.Hover(md, at.range);
      }
      const e = at.record;
      md.appendMarkdown(`${TYPE_ICON[e.type]} **${escapeMarkdown(e.canonical)}** · ${TYPE_LABEL[e.type]}\n\n`);
      md.supportThemeIcons = true;
      const aliases = e.aliases.filter((a) => a !== e.canonical);
      if (aliases.length) md.appendMarkdown(`Also: ${aliases.map(escapeMarkdown).join(', ')}\n\n`);
      md.appendMarkdown(`${e.counts.mentions} mentions in ${e.counts.documents} documents\n\n`);
      for (const note of e.notes.slice(-3)) md.appendMarkdown(`> ${escapeMarkdown(note.text)} — ${escapeMarkdown(note.author)}\n\n`);
      if (services.trust.trusted) {
        // Only Dossier's own command may run from this card.
        md.isTrusted = { enabledCommands: ['dossier.showAllMentions'] };
        md.appendMarkdown(`[Show all mentions](command:dossier.showAllMentions?${encodeURIComponent(JSON.stringify([e.id]))})`);
      }
      return new vscode.Hover(md, at.range);
    },
  };

  const definition: vscode.DefinitionProvider = {
    async provideDefinition(document, position) {
      const at = await linkAt(document, position);
      const place = at?.record && !at.duplicate && (await definitionPlace(services, at.record.id));
      if (!at || !place) return undefined;
      return [{ originSelectionRange: at.range, targetUri: place.uri, targetRange: place.range, targetSelectionRange: place.range }];
    },
  };

  const references: vscode.ReferenceProvider = {
    async provideReferences(document, position) {
      const at = await linkAt(document, position);
      if (!at?.record || !at.index) return undefined;
      const mentions = (await workspacePlaces(services, at.record.id)).map((p) => new vscode.Location(p.uri, p.range));
      return [...mentions, ...linksTo(services, at.index, at.record.id)];
    },
  };

  return forDossierLanguages(services, (selector) =>
    vscode.Disposable.from(
      vscode.languages.registerCompletionItemProvider(selector, completion, '[', ':'),
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerDefinitionProvider(selector, definition),
      vscode.languages.registerReferenceProvider(selector, references),
    ),
  );
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
