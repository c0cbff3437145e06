// The team index in the window: Connect / Disconnect commands (the password goes to SecretStorage,
// never to settings), a status-bar item (connected / connecting / offline with the queue length),
// and live updates: another client's change (LISTEN/NOTIFY) reloads the index, which refreshes
// highlights, hovers, views and corpus views like a local annotation does; and the window's own
// re-indexed documents are published to the server (DocumentPublisher), which tells the others.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { DocumentPublisher } from '../../core/index/pg/publisher';
import { TeamDb, redact } from '../../core/index/pg/teamDb';
import type { DossierServices } from '../services';
import { parseServerUrl, readTeamSettings, secretKey, SERVER_SECTION, withUser } from './teamSettings';

/** Arguments the command takes instead of asking (tests, other extensions, keybindings). */
export interface ConnectArgs {
  url?: string;
  user?: string;
  password?: string;
}

export function registerTeam(services: DossierServices): vscode.Disposable {
  const { team, log } = services;
  const item = vscode.window.createStatusBarItem('dossier.team', vscode.StatusBarAlignment.Right, 99);
  item.name = 'Dossier team index';

  const render = (): void => {
    if (!team.enabled) {
      item.hide();
      return;
    }
    const where = redact(team.url);
    const queued = team.queued;
    if (team.state === 'connected') {
      item.text = queued ? `$(database) Team index (sending ${queued})` : '$(database) Team index';
      item.tooltip = `Dossier: connected to ${where}. Click to disconnect.`;
      item.command = 'dossier.team.disconnect';
    } else if (team.state === 'offline') {
      item.text = `$(debug-disconnect) Team index offline (${queued} queued)`;
      item.tooltip = `Dossier: ${where} is unreachable${team.detail ? ` (${team.detail})` : ''}. Annotations are kept in .dossier/outbox.json and sent when it answers. Click to disconnect.`;
      item.command = 'dossier.team.disconnect';
    } else {
      item.text = '$(sync~spin) Team index: connecting…';
      item.tooltip = `Dossier: connecting to ${where}`;
      item.command = undefined;
    }
    item.show();
  };

  // Remote changes arrive in bursts: one reload at a time, and one more if others came meanwhile.
  let reloading: Promise<void> | undefined;
  let again = false;
  const reload = async (): Promise<void> => {
    if (reloading) {
      again = true;
      return;
    }
    reloading = (async () => {
      do {
        again = false;
        const index = await services.index;
        await index?.reload().catch((err: unknown) => log.warn(`team index: reload failed: ${err instanceof Error ? err.message : String(err)}`));
      } while (again);
    })().finally(() => (reloading = undefined));
  };

  // The window's re-indexed documents go to the server (pg/publisher.ts), which tells the others.
  // Multi-root index paths are `folder/relative`: only a single folder's files are stat'ed.
  const publisher = new DocumentPublisher({
    db: () => (team.enabled ? team.database : undefined),
    index: () => services.index,
    stat: async (p) => (vscode.workspace.workspaceFolders?.length === 1 ? await services.workspaceIndex.workspace?.stat(p) : undefined),
    onProblem: (m) => log.warn(m),
  });
  let wasConnected = false;
  const connectedAgain = (): void => {
    const now = team.state === 'connected';
    if (now && !wasConnected) publisher.schedule();
    wasConnected = now;
  };

  render();
  return vscode.Disposable.from(
    item,
    publisher,
    team.onDidChangeState(connectedAgain),
    services.workspaceIndex.onDidChange((e) => (e.documents.length > 0 || e.all) && team.enabled && publisher.schedule()),
    team.onDidChangeState(render),
    team.onDidChangeMode(render),
    team.onDidChangeRemote((tables) => (tables.has('annotations') || tables.has('entities')) && void reload()),
    vscode.commands.registerCommand('dossier.team.connect', (args?: ConnectArgs) => connect(services, args)),
    vscode.commands.registerCommand('dossier.team.disconnect', async () => {
      await team.disconnect();
      void vscode.window.showInformationMessage('Dossier: disconnected from the team index; this workspace uses its .dossier/ files again.');
    }),
    vscode.commands.registerCommand('dossier._test.team', () => ({ enabled: team.enabled, state: team.state, queued: team.queued, text: item.text, url: team.url })),
    vscode.commands.registerCommand('dossier._test.team.publish', () => publisher.publish()),
  );
}

async function connect(services: DossierServices, args: ConnectArgs = {}): Promise<boolean> {
  const { team, context } = services;
  const config = vscode.workspace.getConfiguration(SERVER_SECTION);
  const typed = args.url ?? (team.url || (await vscode.window.showInputBox({
    title: 'Connect to Team Index (1/3)',
    prompt: 'The PostgreSQL URL of the team index',
    placeHolder: 'postgres://db.example:5432/newsroom',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const p = parseServerUrl(v);
      return 'problem' in p ? p.problem : undefined;
    },
  })));
  if (!typed) return false;
  const parsed = parseServerUrl(typed);
  if ('problem' in parsed) {
    void vscode.window.showErrorMessage(`Dossier: ${parsed.problem}`);
    return false;
  }
  const user = args.user ?? (await vscode.window.showInputBox({
    title: 'Connect to Team Index (2/3)', prompt: 'Your PostgreSQL role (user name)', value: parsed.user || os.userInfo().username, ignoreFocusOut: true,
  }));
  if (user === undefined) return false;
  const url = user ? withUser(parsed.url, user) : parsed.url;
  const secret = args.password ?? (parsed.hadPassword ? parsed.password : await vscode.window.showInputBox({
    title: 'Connect to Team Index (3/3)', prompt: 'Password (kept in VS Code\'s secret storage, never in settings; empty for none)', password: true, ignoreFocusOut: true,
  }));
  if (secret === undefined) return false;
  // Check before switching the workspace over, so a typo does not leave it offline.
  const { project, ssl } = readTeamSettings(services.workspaceIndex.workspace?.root);
  try {
    const db = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Dossier: connecting to ${redact(url)}…` },
      () => TeamDb.open(url, { project, ssl, password: secret || undefined, max: 1, connectTimeoutMs: 15_000 }));
    await db.close();
  } catch (err) {
    void vscode.window.showErrorMessage(`Dossier: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  if (secret) await context.secrets.store(secretKey(url), secret);
  else await context.secrets.delete(secretKey(url));
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('url', url, target);
  await team.reconnect();
  void vscode.window.showInformationMessage(`Dossier: this workspace now uses the team index at ${redact(url)} (project "${project}").`);
  return true;
}
