// The lightbulb on a mention or a selection: quick fixes (confirm, not an entity, change type,
// mark as…) and refactorings (rename, merge, split, link, note). Each action runs the
// annotation command with the contract's args, so it behaves exactly like the menu entry.
import * as vscode from 'vscode';
import { type EntityType, ENTITY_TYPES } from '../../core/model';
import type { DossierServices } from '../services';
import { forDossierLanguages, liveMentions, settledAnalysis } from './entityLocations';

const MARK_COMMAND: Record<EntityType, string> = {
  PERSON: 'dossier.markPerson',
  ORG: 'dossier.markOrg',
  PLACE: 'dossier.markPlace',
  DATE: 'dossier.markDate',
};
const SINGULAR: Record<EntityType, string> = { PERSON: 'Person', ORG: 'Organisation', PLACE: 'Place', DATE: 'Date' };

export const CODE_ACTION_KINDS = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Refactor];

export function registerCodeActions(services: DossierServices): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, range, context) {
      await settledAnalysis(services, document);
      const wants = (kind: vscode.CodeActionKind): boolean => !context.only || context.only.contains(kind) || kind.contains(context.only);
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const mention = liveMentions(services, document).find((m) => m.start <= start && end <= m.end && (start < m.end || start === end));
      const actions: vscode.CodeAction[] = [];
      const add = (title: string, kind: vscode.CodeActionKind, command: string, args: object, preferred = false): void => {
        if (!wants(kind)) return;
        const action = new vscode.CodeAction(title, kind);
        action.command = { title, command, arguments: [{ uri: document.uri.toString(), ...args }] };
        action.isPreferred = preferred;
        actions.push(action);
      };
      const QF = vscode.CodeActionKind.QuickFix;
      const RF = vscode.CodeActionKind.Refactor;
      if (mention) {
        const at = { start: mention.start, end: mention.end };
        const name = `"${mention.text}"`;
        if (mention.provenance !== 'confirmed' && mention.provenance !== 'manual') {
          add(`Dossier: Confirm ${name} as ${SINGULAR[mention.type]}`, QF, 'dossier.confirm', at, true);
        }
        add(`Dossier: ${name} is not an entity`, QF, 'dossier.reject', at);
        add(`Dossier: ${name} is never an entity (everywhere)`, QF, 'dossier.rejectEverywhere', at);
        for (const type of ENTITY_TYPES.filter((t) => t !== mention.type)) {
          add(`Dossier: Change ${name} to ${SINGULAR[type]}`, QF, 'dossier.changeType', { ...at, type });
        }
        add(`Dossier: Link ${name} to another entity…`, RF, 'dossier.linkToEntity', at);
        add(`Dossier: Rename entity ${name}…`, RF, 'dossier.renameEntity', { ...at, entity: mention.entity });
        add(`Dossier: Merge ${name} into another entity…`, RF, 'dossier.mergeEntities', at);
        add(`Dossier: Split ${name} off into a new entity…`, RF, 'dossier.splitAlias', at);
        add(`Dossier: Add a note on ${name}…`, RF, 'dossier.addNote', { ...at, entity: mention.entity });
      } else if (start < end && end - start <= 200 && !document.getText(range).includes('\n\n')) {
        // A selection that is not a mention: offer to make it one.
        const name = `"${document.getText(range).trim()}"`;
        for (const type of ENTITY_TYPES) {
          add(`Dossier: Mark ${name} as ${SINGULAR[type]}`, QF, MARK_COMMAND[type], { start, end });
        }
        add(`Dossier: Link ${name} to an entity…`, RF, 'dossier.linkToEntity', { start, end });
      }
      return actions;
    },
  };
  return forDossierLanguages(services, (selector) =>
    vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: CODE_ACTION_KINDS }),
  );
}
