// What every feature receives. Built once in activate(); nothing here does slow work up front:
// the worker and the index start in the background and features await `index` when needed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EntityIndex } from '../core/index/types';
import { AnalysisService } from './analysis/analysisService';
import { createIndexBridge } from './analysis/indexBridge';
import { WorkerClient } from './analysis/workerClient';
import { ConfigMonitor } from './config';
import { SourceClient } from './sources/sourceClient';
import { SourceService } from './sources/sourceService';
import { TeamConnection } from './team/teamConnection';
import { TrustState } from './trustState';
import { WorkspaceIndex } from './workspaceIndex';
import { originalUriOf } from './sources/sourceUri';

export interface DossierServices {
  readonly context: vscode.ExtensionContext;
  /** Typed, cached `dossier.*` settings. */
  readonly config: ConfigMonitor;
  /** The "Dossier" output channel. */
  readonly log: vscode.LogOutputChannel;
  readonly trust: TrustState;
  /** Live analyses of open documents (provenance applied), with onDidAnalyze. */
  readonly analysis: AnalysisService;
  /**
   * The shared index once .dossier/ has loaded; undefined with no folder open or when it could
   * not open. Await it on each use: it is replaced when trust is granted or coverage changes.
   */
  readonly index: Promise<EntityIndex | undefined>;
  /** Index lifecycle: change events across reopenings, scan progress, uri <-> index path. */
  readonly workspaceIndex: WorkspaceIndex;
  /** PDF, HTML and DOCX documents: extraction in the sources worker, page maps, failures. */
  readonly sources: SourceService;
  /** The team index connection (PostgreSQL); off unless dossier.server.url is set. */
  readonly team: TeamConnection;
}

/** A request that runs longer than this restarts the worker (and is reported). */
const WORKER_TIMEOUT_MS = 20_000;
/** The background scan waits this long at most for the documents on screen to be analysed. */
const VISIBLE_FIRST_MS = 5_000;

export function createServices(context: vscode.ExtensionContext): { services: DossierServices; disposable: vscode.Disposable } {
  const log = vscode.window.createOutputChannel('Dossier', { log: true });
  const config = new ConfigMonitor();
  const trust = new TrustState();
  const worker = new WorkerClient({
    scriptPath: path.join(context.extensionPath, 'dist', 'worker.js'),
    timeoutMs: WORKER_TIMEOUT_MS,
    onProblem: (message) => log.warn(message),
  });
  // The worker loads the engine from the start, so the first analysis does not wait for it.
  worker.ready().catch((err: unknown) => log.error(err instanceof Error ? err.message : String(err)));
  const sources = new SourceService(new SourceClient(path.join(context.extensionPath, 'dist', 'sourcesWorker.js'), (m) => log.warn(m)), config, trust);
  const analysis = new AnalysisService(worker, config, log, (uri) => sources.info(originalUriOf(uri))?.date);
  const team = new TeamConnection(context, vscode.workspace.workspaceFolders?.[0]?.uri, log);
  const workspaceIndex = new WorkspaceIndex(config, trust, worker, log, sources, () => analysis.visibleAnalysed(VISIBLE_FIRST_MS), team);
  const bridge = createIndexBridge(workspaceIndex, config);
  const attached = analysis.attachIndex(bridge);

  const services: DossierServices = {
    context,
    config,
    log,
    trust,
    analysis,
    get index() {
      return workspaceIndex.index;
    },
    workspaceIndex,
    sources,
    team,
  };
  // Disposed in reverse order of creation: consumers before what they consume.
  const parts: vscode.Disposable[] = [log, config, trust, worker, sources, team, analysis, workspaceIndex, bridge, attached];
  const disposable = new vscode.Disposable(() => {
    for (const p of parts.reverse()) p.dispose();
  });
  return { services, disposable };
}
