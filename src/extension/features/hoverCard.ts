// Builds the entity hover card as Markdown. All document and user text is escaped, and command
// links appear only when the workspace is trusted, so hostile articles or notes stay inert.
import * as vscode from 'vscode';
import type { EntityNote, MentionLocation } from '../../core/index/types';
import type { Entity, EntityType } from '../../core/model';
import type { HoverSection } from '../config';
import { TYPE_LABEL } from './decorations';
import { describeDate, escapeMarkdown, formatCoordinates } from './hoverText';

/** The only commands a hover card may run. */
export const HOVER_COMMANDS = [
  'dossier.openMention',
  'dossier.confirm',
  'dossier.reject',
  'dossier.changeType',
  'dossier.addNote',
  'dossier.showAllMentions',
  'dossier.openOriginal',
  'dossier.changeSpeaker',
  'dossier.notQuote',
] as const;

export interface HoverCardInput {
  entity: Entity;
  type: EntityType;
  /** The mention hovered, in this document. */
  mention: { start: number; end: number; text: string };
  /** The tagger adapted to the workspace's corrections found or typed this mention. */
  learned?: boolean;
  uri: vscode.Uri;
  documentDate: string | null;
  mentionsHere: number;
  /** Workspace counts, when the index knows the entity. */
  workspace?: { mentions: number; documents: number };
  otherDocuments: { location: MentionLocation; uri: vscode.Uri; page?: number }[];
  /** The text of a PDF, HTML or DOCX document: its page (PDF) and the link to the original. */
  source?: { page?: number };
  notes: EntityNote[];
  sections: readonly HoverSection[];
  trusted: boolean;
  /** People and organisations: how often they are quoted, and the first quote. */
  quotes?: { count: number; first: string };
}

export function commandLink(label: string, command: (typeof HOVER_COMMANDS)[number], args: unknown, tooltip: string): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${tooltip}")`;
}

export function buildHoverCard(input: HoverCardInput): vscode.MarkdownString {
  const { entity, sections, trusted } = input;
  const md = new vscode.MarkdownString('', false);
  md.supportHtml = false;
  md.isTrusted = trusted ? { enabledCommands: [...HOVER_COMMANDS] } : false;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.canonical)}** · ${TYPE_LABEL[input.type]}${input.learned ? ' · *type from your corrections*' : ''}`);
  if (input.source) {
    const page = input.source.page ? `p. ${input.source.page}` : undefined;
    const at = { uri: input.uri.toString(), offset: input.mention.start };
    const open = trusted ? commandLink(page ? `Open original at ${page}` : 'Open original', 'dossier.openOriginal', at, 'Open the original document') : undefined;
    if (page || open) lines.push([page, open].filter(Boolean).join(' · '));
  }
  if (input.quotes?.count) lines.push(`Quotes: ${input.quotes.count} · “${escapeMarkdown(input.quotes.first, 160)}”`);

  for (const section of sections) {
    switch (section) {
      case 'aliases': {
        const aliases = entity.aliases.filter((a) => a !== entity.canonical).slice(0, 12);
        if (aliases.length) lines.push(`Also: ${aliases.map((a) => escapeMarkdown(a, 80)).join(', ')}`);
        break;
      }
      case 'date':
        if (input.type === 'DATE' && entity.value) {
          const parts = [`\`${entity.value.replace(/`/g, '')}\``, ...describeDate(entity.value, input.documentDate)];
          lines.push(`Date: ${parts.join(' · ')}`);
          if (input.documentDate) lines.push(`Document date: ${escapeMarkdown(input.documentDate)}`);
        }
        break;
      case 'place': {
        const geo = entity.geo;
        if (input.type === 'PLACE' && geo) {
          const country = geo.country ? `${escapeMarkdown(geo.country)}${geo.countryCode ? ` (${escapeMarkdown(geo.countryCode)})` : ''}` : undefined;
          const coords = geo.lat !== undefined && geo.lon !== undefined ? formatCoordinates(geo.lat, geo.lon) : undefined;
          const parts = [escapeMarkdown(geo.kind), country, coords].filter(Boolean);
          lines.push(`Place: ${parts.join(' · ')}`);
        }
        break;
      }
      case 'counts': {
        const here = `${input.mentionsHere} mention${input.mentionsHere === 1 ? '' : 's'} in this document`;
        const ws = input.workspace;
        lines.push(ws ? `${here} · ${ws.documents} document${ws.documents === 1 ? '' : 's'} in the workspace` : here);
        break;
      }
      case 'documents':
        if (input.otherDocuments.length) {
          lines.push('Also in:');
          for (const { location, uri, page } of input.otherDocuments) {
            const label = `${escapeMarkdown(location.path, 80)}${page ? ` p. ${page}` : `:${location.line + 1}`}`;
            const context = escapeMarkdown(location.context, 100);
            const { start, end } = location.mention;
            // Untrusted: a plain file link (no command) still opens the document at the line.
            const link = trusted
              ? commandLink(label, 'dossier.openMention', [uri.toString(), start, end], 'Open this mention')
              : `[${label}](${uri.with({ fragment: `L${location.line + 1},${location.character + 1}` }).toString()})`;
            lines.push(`- ${link} — ${context}`);
          }
        }
        break;
      case 'notes':
        for (const note of input.notes.slice(-5)) {
          lines.push(`> ${escapeMarkdown(note.text, 400)} — *${escapeMarkdown(note.author, 40)}*`);
        }
        break;
      case 'actions':
        if (trusted) {
          const at = { uri: input.uri.toString(), start: input.mention.start, end: input.mention.end, entity: entity.id };
          lines.push(
            [
              commandLink('Confirm', 'dossier.confirm', at, 'This mention is right'),
              commandLink('Not an entity', 'dossier.reject', at, 'Reject this mention'),
              commandLink('Change type', 'dossier.changeType', at, 'Relabel this mention'),
              commandLink('Add note', 'dossier.addNote', at, 'Add a note to this entity'),
              commandLink('Show all mentions', 'dossier.showAllMentions', entity.id, 'List every mention in the workspace'),
            ].join(' · '),
          );
        }
        break;
    }
  }
  md.appendMarkdown(lines.join('\n\n'));
  return md;
}
