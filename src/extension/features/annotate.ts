// Annotation commands: mark, confirm, reject, change type, link, merge, rename, split, note,
// undo. Each takes the contract's optional args (hovers, code actions, tests) or works from
// the editor's selection and prompts; each goes through the index, so it is persisted,
// undoable, and every open editor redraws from the index's change event.
import * as vscode from 'vscode';
import type { Annotation, AnnotationInput, EntityIndex } from '../../core/index/types';
import { linkTypeOfPrefix } from '../../core/links';
import { type EntityType, ENTITY_TYPES, type Mention } from '../../core/model';
import type { DossierServices } from '../services';
import { entityIdOfArg, mentionAt, openDocument } from './entityLocations';
import { ask, pickEntity, pickType } from './annotationPrompts';
import { TYPE_LABEL } from './symbols';

/** The contract's args: offsets into the document's current text. */
export interface AnnotationArgs {
  uri?: string;
  start?: number;
  end?: number;
  type?: string;
  entity?: string;
  /** merge: the entity merged away (default: the mention's entity). */
  from?: string;
  /** split: the alias split off (default: the mention's text). */
  alias?: string;
  note?: string;
  name?: string;
}

/** What a command acts on, resolved from args or the editor. */
export interface Target {
  document: vscode.TextDocument;
  path: string;
  start: number;
  end: number;
  /** The live mention covering the target, if any. */
  mention?: Mention;
}

export type Needs = 'selection' | 'mention' | 'entity' | 'quote';
export type Step = (ctx: { index: EntityIndex; args: AnnotationArgs; target: Target | undefined }) => Promise<AnnotationInput | undefined>;

export function registerAnnotate(services: DossierServices): vscode.Disposable {
  const command = (id: string, needs: Needs, step: Step): vscode.Disposable =>
    vscode.commands.registerCommand(id, (arg?: unknown) => runAnnotation(services, id, normaliseArgs(arg), needs, step));
  const mark = (type: EntityType): Step => async ({ args, target }) =>
    target && { kind: 'add', path: target.path, start: target.start, end: target.end, type, ...(args.entity ? { entity: args.entity } : {}) };
  const onMention = (make: (t: Target & { mention: Mention }, args: AnnotationArgs, index: EntityIndex) => Promise<AnnotationInput | undefined> | AnnotationInput | undefined): Step =>
    async ({ args, target, index }) =>
      target?.mention
        ? make({ ...target, mention: target.mention }, args, index)
        : tell('Dossier: there is no entity mention there (any more): the text may have changed.');
  const span = (t: Target): { path: string; start: number; end: number } => ({ path: t.path, start: t.mention?.start ?? t.start, end: t.mention?.end ?? t.end });

  return vscode.Disposable.from(
    command('dossier.markPerson', 'selection', mark('PERSON')),
    command('dossier.markOrg', 'selection', mark('ORG')),
    command('dossier.markPlace', 'selection', mark('PLACE')),
    command('dossier.markDate', 'selection', mark('DATE')),
    command('dossier.confirm', 'mention', onMention((t) => ({ kind: 'confirm', ...span(t) }))),
    command('dossier.reject', 'mention', onMention((t) => ({ kind: 'reject', ...span(t) }))),
    command('dossier.rejectEverywhere', 'mention', onMention((t) => ({ kind: 'reject', ...span(t), everywhere: true }))),
    command('dossier.changeType', 'mention', onMention(async (t, args) => {
      const type = typeOfArg(args.type) ?? (await pickType(`Change "${t.mention.text}" to…`, t.mention.type));
      return type && { kind: 'relabel', ...span(t), type };
    })),
    command('dossier.linkToEntity', 'selection', async ({ args, target, index }) => {
      if (!target) return undefined;
      const entity = args.entity ?? (await pickEntity(index, `Link "${target.document.getText(rangeOf(target))}" to…`, target.mention?.entity));
      const record = entity ? index.getEntity(entity) : undefined;
      if (!entity) return undefined;
      if (target.mention) return { kind: 'link', ...span(target), entity };
      // A selection that is not a mention yet becomes one, of the target's type.
      return { kind: 'add', ...span(target), type: record?.type ?? 'PERSON', entity };
    }),
    command('dossier.mergeEntities', 'entity', async ({ args, target, index }) => {
      const positioned = !!target?.mention || !!args.from;
      const from = target?.mention?.entity ?? args.from ?? args.entity ?? (await pickEntity(index, 'Merge which entity…'));
      if (!from) return undefined;
      const fromName = index.getEntity(from)?.canonical ?? from;
      const into = (positioned ? args.entity : undefined) ?? (await pickEntity(index, `Merge "${fromName}" into…`, from));
      if (into && (index.getEntity(into)?.id ?? into) === (index.getEntity(from)?.id ?? from)) return tell(`Dossier: "${fromName}" is already that entity.`);
      return into ? { kind: 'merge', from, into } : undefined;
    }),
    command('dossier.renameEntity', 'entity', async ({ args, target, index }) => {
      const entity = entityOf(args, target) ?? (await pickEntity(index, 'Rename which entity…'));
      const record = entity ? index.getEntity(entity) : undefined;
      if (!entity) return undefined;
      const name = args.name ?? (await ask(`New name for ${record?.canonical ?? entity}`, record?.canonical));
      return name ? { kind: 'rename', entity, name } : undefined;
    }),
    command('dossier.splitAlias', 'mention', async ({ args, target }) => {
      const entity = target?.mention?.entity ?? args.entity;
      const alias = args.alias ?? target?.mention?.text;
      if (!entity || !alias) return undefined;
      const name = args.name ?? (await ask(`"${alias}" becomes a new entity named…`, alias));
      return name ? { kind: 'split', entity, alias, name } : undefined;
    }),
    command('dossier.addNote', 'entity', async ({ args, target, index }) => {
      const entity = entityOf(args, target) ?? (await pickEntity(index, 'Add a note to which entity…'));
      if (!entity) return undefined;
      const note = args.note ?? (await ask(`Note on ${index.getEntity(entity)?.canonical ?? entity} (use [[Name]] to link other entities)`));
      if (!note) return undefined;
      return { kind: 'note', entity, note, ...(target ? span(target) : {}) };
    }),
    vscode.commands.registerCommand('dossier.undoAnnotation', () => undo(services)),
  );
}

/** Resolves the target, asks `step` what to annotate, stores it and says so; errors become messages. */
export async function runAnnotation(services: DossierServices, id: string, args: AnnotationArgs, needs: Needs, step: Step): Promise<Annotation | undefined> {
  try {
    const index = await services.index;
    if (!index) return tell('Dossier: annotations need an open folder (they are stored in its .dossier/ folder).');
    if (index.readOnly) return tell(`Dossier: annotations cannot be saved: ${index.readOnlyReason ?? 'the index is read-only'}.`, true);
    const target = await resolveTarget(services, index, args, needs);
    if (target === null) return undefined; // resolveTarget already explained why
    const input = await step({ index, args, target });
    if (!input) return undefined; // cancelled
    const annotation = await index.annotate(input);
    vscode.window.setStatusBarMessage(`$(check) Dossier: ${describe(index, annotation)} (Undo: "Dossier: Undo Last Annotation")`, 5000);
    return annotation;
  } catch (err) {
    services.log.error(`${id} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return tell(`Dossier: ${err instanceof Error ? err.message : String(err)}`, true);
  }
}

/**
 * The document span a command acts on, with the index brought up to the document's current
 * text first (args' offsets are into that text). null: nothing to act on, user told.
 */
async function resolveTarget(services: DossierServices, index: EntityIndex, args: AnnotationArgs, needs: string): Promise<Target | undefined | null> {
  let document: vscode.TextDocument | undefined;
  let start: number;
  let end: number;
  if (args.uri) {
    const uri = vscode.Uri.parse(args.uri);
    document = openDocument(uri) ?? (await vscode.workspace.openTextDocument(uri));
    start = Math.max(0, Math.min(args.start ?? 0, document.getText().length));
    end = Math.max(start, Math.min(args.end ?? start, document.getText().length));
  } else if (vscode.window.activeTextEditor && (needs !== 'entity' || !args.entity)) {
    const editor = vscode.window.activeTextEditor;
    document = editor.document;
    start = document.offsetAt(editor.selection.start);
    end = document.offsetAt(editor.selection.end);
  } else {
    return needs === 'entity' || args.entity ? undefined : (tell('Dossier: open an article and put the cursor on a name first.'), null);
  }
  const path = services.workspaceIndex.pathOf(document.uri);
  if (path === undefined) return (tell('Dossier can annotate only files inside the workspace folder.'), null);
  await services.analysis.whenAnalyzed(document);
  if (index.getText(path) !== document.getText()) await index.updateDocument(path, document.getText());
  // A selection's surrounding spaces are never part of a name.
  const text = document.getText();
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const mention = mentionAt(services, document, document.positionAt(start)) ?? spanMention(index, path, start);
  if (needs === 'selection' && start === end && !mention) return (tell('Dossier: select the name to mark first.'), null);
  if (needs === 'mention' && !mention && !args.entity) return (tell('Dossier: no entity here. Select the name and use "Mark Selection as…" instead.'), null);
  return start === end && mention ? { document, path, start: mention.start, end: mention.end, mention } : { document, path, start, end, mention };
}

function spanMention(index: EntityIndex, path: string, offset: number): Mention | undefined {
  return index.mentionAt(path, offset);
}

function entityOf(args: AnnotationArgs, target: Target | undefined): string | undefined {
  return args.entity ?? target?.mention?.entity;
}

function rangeOf(t: Target): vscode.Range {
  return new vscode.Range(t.document.positionAt(t.start), t.document.positionAt(t.end));
}

async function undo(services: DossierServices): Promise<Annotation | undefined> {
  const index = await services.index;
  if (!index) return tell('Dossier: there is no index to undo in (no folder open).');
  try {
    const undone = await index.undo();
    if (!undone) return tell('Dossier: nothing to undo: no annotation was made in this window yet.');
    vscode.window.setStatusBarMessage(`$(discard) Dossier: undid ${describe(index, undone)}`, 5000);
    return undone;
  } catch (err) {
    return tell(`Dossier: undo failed: ${err instanceof Error ? err.message : String(err)}`, true);
  }
}

/** "marked "Petra Novak" as a person", for the status bar. */
function describe(index: EntityIndex, a: Annotation): string {
  const quote = a.target ? `"${a.target.selector[0].exact}"` : '';
  const name = (id?: string): string => (id ? `"${index.getEntity(id)?.canonical ?? id}"` : '');
  const type = a.body.type ? TYPE_LABEL[a.body.type].toLowerCase() : '';
  switch (a.kind) {
    case 'add': return `marked ${quote} (${type})`;
    case 'confirm': return `confirmed ${quote}`;
    case 'reject': return `${quote} is not an entity${a.body.everywhere ? ' anywhere' : ''}`;
    case 'relabel': return `${quote} is now among ${type}`;
    case 'link': return `linked ${quote} to ${name(a.body.entity)}`;
    case 'merge': return `merged "${a.body.from}" into ${name(a.body.entity)}`;
    case 'split': return `split "${a.body.alias}" off as "${a.body.name ?? a.body.alias}"`;
    case 'rename': return `renamed to "${a.body.name}"`;
    case 'note': return `added a note to ${name(a.body.entity)}`;
    case 'speaker': return `the quote is now ${a.body.entity ? `said by ${name(a.body.entity)}` : 'unattributed'}`;
    case 'notQuote': return 'that is not a quote';
  }
}

export function normaliseArgs(arg: unknown): AnnotationArgs {
  if (!arg || typeof arg !== 'object') {
    const entity = entityIdOfArg(arg);
    return entity ? { entity } : {};
  }
  const a = arg as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const num = (k: string): number | undefined => (typeof a[k] === 'number' && Number.isFinite(a[k]) ? (a[k] as number) : undefined);
  const uri = str('uri') ?? (a.uri instanceof vscode.Uri ? a.uri.toString() : undefined);
  return { uri, start: num('start'), end: num('end'), type: str('type'), entity: entityIdOfArg(arg), from: str('from'), alias: str('alias'), note: str('note'), name: str('name') };
}

function typeOfArg(t: string | undefined): EntityType | undefined {
  if (!t) return undefined;
  return (ENTITY_TYPES as readonly string[]).includes(t.toUpperCase()) ? (t.toUpperCase() as EntityType) : linkTypeOfPrefix(t);
}

export function tell(message: string, warn = false): undefined {
  void (warn ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
  return undefined;
}
