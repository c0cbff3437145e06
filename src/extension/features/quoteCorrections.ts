// Correcting quotes like any other annotation: "Change Speaker…" and "Not a Quote" on the quote
// under the cursor (or a selection, which Change Speaker adds as a quote when the engine
// missed it), from the palette, the editor's Dossier menu, the light bulb, the hover and the
// Quotes view. The context key `dossier.onQuote` shows the menu entries only on a quote.
import * as vscode from 'vscode';
import { quoteAt } from '../../core/index/queries';
import type { Quote } from '../../core/model';
import type { DossierServices } from '../services';
import { normaliseArgs, runAnnotation, tell, type AnnotationArgs } from './annotate';
import { pickSpeaker } from './annotationPrompts';
import { forDossierLanguages, settledAnalysis } from './entityLocations';
import { quoteGist } from './quotesTree';

/** The live quote (corrections applied) under a cursor or overlapping a selection. */
export function liveQuoteAt(services: DossierServices, document: vscode.TextDocument, start: number, end = start): Quote | undefined {
  return quoteAt(services.analysis.get(document.uri)?.analysis.quotes ?? [], start, end);
}

/** Args: the contract's `{ uri, start, end }`, a Quotes-view node, and for the speaker `speaker` (an id, or null: unattributed). */
function quoteArgs(arg: unknown): { args: AnnotationArgs; speaker: string | null | undefined } {
  const args = normaliseArgs(arg);
  const o = arg && typeof arg === 'object' ? (arg as Record<string, unknown>) : {};
  // A tree node's id is not a speaker; only an explicit `speaker` (or a plain args `entity`) is.
  const speaker = 'speaker' in o ? (typeof o.speaker === 'string' ? o.speaker : null) : typeof o.kind !== 'string' && typeof o.entity === 'string' ? o.entity : undefined;
  return { args: { uri: args.uri, start: args.start, end: args.end }, speaker };
}

export function registerQuoteCorrections(services: DossierServices): vscode.Disposable {
  const changeSpeaker = (arg?: unknown) => {
    const { args, speaker } = quoteArgs(arg);
    return runAnnotation(services, 'dossier.changeSpeaker', args, 'quote', async ({ index, target }) => {
      if (!target) return undefined;
      const quote = index.quoteAt(target.path, target.start, target.end);
      if (!quote && target.start === target.end) {
        return tell('Dossier: there is no quote there. Select the quoted words to add them as a quote, then choose who said them.');
      }
      const words = quoteGist(quote?.text ?? target.document.getText(new vscode.Range(target.document.positionAt(target.start), target.document.positionAt(target.end))), 60);
      const who = speaker !== undefined ? speaker : await pickSpeaker(index, quote ? `Who said “${words}”?` : `Add “${words}” as a quote said by…`, quote?.speaker);
      return who === undefined ? undefined : { kind: 'speaker', path: target.path, start: target.start, end: target.end, speaker: who };
    });
  };
  const notQuote = (arg?: unknown) =>
    runAnnotation(services, 'dossier.notQuote', quoteArgs(arg).args, 'quote', async ({ index, target }) => {
      if (!target) return undefined;
      if (!index.quoteAt(target.path, target.start, target.end)) return tell('Dossier: there is no quote there (any more): the text may have changed.');
      return { kind: 'notQuote', path: target.path, start: target.start, end: target.end };
    });

  const actions: vscode.CodeActionProvider = {
    async provideCodeActions(document, range, context) {
      if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only) && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
      await settledAnalysis(services, document);
      const quote = liveQuoteAt(services, document, document.offsetAt(range.start), document.offsetAt(range.end));
      if (!quote) return [];
      const at = { uri: document.uri.toString(), start: quote.start, end: quote.end };
      const make = (title: string, command: string): vscode.CodeAction => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { title, command, arguments: [at] };
        return action;
      };
      return [make('Dossier: Change the speaker of this quote…', 'dossier.changeSpeaker'), make('Dossier: This is not a quote', 'dossier.notQuote')];
    },
  };

  let onQuote: boolean | undefined;
  const track = (): void => {
    const editor = vscode.window.activeTextEditor;
    const on = !!editor && services.analysis.isDossierDocument(editor.document) && !!liveQuoteAt(services, editor.document, editor.document.offsetAt(editor.selection.active));
    // setContext round-trips to the renderer: only send real changes.
    if (on !== onQuote) void vscode.commands.executeCommand('setContext', 'dossier.onQuote', (onQuote = on));
  };
  track();
  return vscode.Disposable.from(
    vscode.commands.registerCommand('dossier.changeSpeaker', changeSpeaker),
    vscode.commands.registerCommand('dossier.notQuote', notQuote),
    forDossierLanguages(services, (selector) => vscode.languages.registerCodeActionsProvider(selector, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] })),
    vscode.window.onDidChangeActiveTextEditor(track),
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && track()),
    services.analysis.onDidAnalyze((a) => a.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && track()),
  );
}
