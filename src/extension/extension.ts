// Entry point: builds the services and registers each feature. Only wiring lives here; every
// feature is one file exporting register…(services): vscode.Disposable.
import * as vscode from 'vscode';
import { registerDecorations } from './features/decorations';
import { registerDocumentsView } from './features/documentsView';
import { registerEntitiesView } from './features/entitiesView';
import { registerExportCommand } from './features/exportCommand';
import { registerHover } from './features/hover';
import { registerIndexCommands } from './features/indexCommands';
import { registerOrphansView } from './features/orphansView';
import { registerStatusBar } from './features/statusBar';
import { registerTreeSnapshot } from './features/treeSnapshot';
import { registerTrust } from './features/trust';
import { registerAnnotate } from './features/annotate';
import { registerCodeActions } from './features/codeActions';
import { registerEntityLinks } from './features/entityLinks';
import { registerHighlights } from './features/highlights';
import { registerNavigation } from './features/navigation';
import { registerSearch } from './features/search';
import { registerSymbols } from './features/symbols';
import { registerCorpusViews } from './features/corpusViews';
import { registerQuotesView } from './features/quotesView';
import { registerQuotesSearch } from './features/quotesSearch';
import { registerQuoteDecorations } from './features/quotesDecorations';
import { registerQuotesHover } from './features/quotesHover';
import { registerSourceDocuments } from './features/sourceDocuments';
import { registerQuoteCorrections } from './features/quoteCorrections';
import { createServices, type DossierServices } from './services';
import { registerTeam } from './team/teamFeature';

/** Ext-core features; ext-nav's (navigation, search, annotation…) are appended to this list. */
const FEATURES: ((services: DossierServices) => vscode.Disposable)[] = [
  // PDF, HTML and DOCX text views first: documents restored at start-up open through them.
  registerSourceDocuments,
  // The quote background is created before the entity highlights: decoration styles created later
  // win where they overlap, so a name inside a quote keeps its type's colour.
  registerQuoteDecorations,
  registerDecorations,
  registerHover,
  registerEntitiesView,
  registerDocumentsView,
  registerOrphansView,
  registerStatusBar,
  registerIndexCommands,
  registerExportCommand,
  registerTrust,
  registerTreeSnapshot,
  // ext-nav
  registerNavigation,
  registerSymbols,
  registerHighlights,
  registerSearch,
  registerAnnotate,
  registerCodeActions,
  registerEntityLinks,
  // corpus views
  registerCorpusViews,
  // quotes
  registerQuotesView,
  registerQuotesSearch,
  registerQuotesHover,
  registerQuoteCorrections,
  // team index (PostgreSQL)
  registerTeam,
];

/** Returned from activate() so the in-host tests can reach the live services. */
export interface DossierApi {
  services: DossierServices;
  /** How long activate() took, in ms (the activation bench line). */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): DossierApi {
  const started = Date.now();
  const { services, disposable } = createServices(context);
  context.subscriptions.push(disposable);
  for (const register of FEATURES) {
    try {
      context.subscriptions.push(register(services));
    } catch (err) {
      // One broken feature must not take the others down with it.
      services.log.error(`feature ${register.name} failed to start: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
  // Activation must stay fast: the worker and the index start in the background.
  const activationMs = Date.now() - started;
  services.log.info(`activated in ${activationMs} ms`);
  return { services, activationMs };
}

export function deactivate(): void {
  // Everything is in context.subscriptions, disposed by VS Code.
}
