// The team index settings (`dossier.server.*`): URL, project and TLS. The password never lives
// in settings: it is kept in VS Code's SecretStorage under a key naming the URL it belongs to.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import * as vscode from 'vscode';

export const SERVER_SECTION = 'dossier.server';

export interface TeamSettings {
  /** postgres://user@host:port/database, without a password; '' when unset. */
  url: string;
  project: string;
  /** TLS for the connection; undefined leaves it to the URL's sslmode. */
  ssl: ConnectionOptions | undefined;
  /** A problem with the settings (bad URL, unreadable CA file), shown instead of connecting. */
  problem?: string;
}

export function readTeamSettings(root: vscode.Uri | undefined): TeamSettings {
  const c = vscode.workspace.getConfiguration(SERVER_SECTION);
  const raw = (c.get<string>('url') ?? '').trim();
  const project = (c.get<string>('project') ?? '').trim() || 'default';
  const out: TeamSettings = { url: '', project, ssl: undefined };
  if (!raw) return out;
  const parsed = parseServerUrl(raw);
  if ('problem' in parsed) return { ...out, problem: parsed.problem };
  out.url = parsed.url;
  if (parsed.hadPassword) out.problem = 'dossier.server.url holds a password: remove it from the settings and run "Dossier: Connect to Team Index…", which keeps it in the secret storage.';
  const enabled = c.get<boolean>('tls.enabled') === true;
  const caFile = (c.get<string>('tls.caFile') ?? '').trim();
  if (enabled || caFile) {
    const ssl: ConnectionOptions = { rejectUnauthorized: c.get<boolean>('tls.rejectUnauthorized') !== false };
    if (caFile) {
      const file = resolvePath(caFile, root);
      try {
        ssl.ca = fs.readFileSync(file, 'utf8');
      } catch (err) {
        return { ...out, problem: `dossier.server.tls.caFile: cannot read ${file} (${err instanceof Error ? err.message : String(err)}).` };
      }
    }
    out.ssl = ssl;
  }
  return out;
}

/** Checks a URL typed by the user; returns it without its password. */
export function parseServerUrl(text: string): { url: string; user: string; password: string; hadPassword: boolean } | { problem: string } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return { problem: `"${text}" is not a URL: expected postgres://user@host:5432/database.` };
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') return { problem: `"${u.protocol}" is not a PostgreSQL URL: expected postgres://user@host:5432/database.` };
  if (!u.hostname) return { problem: 'The URL names no host: expected postgres://user@host:5432/database.' };
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), user: decodeURIComponent(u.username), password, hadPassword: password !== '' };
}

/** The URL with another user (role) name. */
export function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  return u.toString();
}

/** The SecretStorage key of the password for `url`. */
export const secretKey = (url: string): string => `dossier.server.password:${url}`;

function resolvePath(p: string, root: vscode.Uri | undefined): string {
  const home = p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
  return path.isAbsolute(home) || !root ? home : path.join(root.fsPath, home);
}
