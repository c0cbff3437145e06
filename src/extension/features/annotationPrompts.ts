// The questions annotation commands ask when they were not given args: which type, which
// entity (searchable by alias), which name or note.
import * as vscode from 'vscode';
import type { EntityIndex } from '../../core/index/types';
import { type EntityType, ENTITY_TYPES } from '../../core/model';
import { TYPE_ICON } from './search';
import { TYPE_LABEL } from './symbols';

export async function pickType(title: string, current?: EntityType): Promise<EntityType | undefined> {
  const items = ENTITY_TYPES.filter((t) => t !== current).map((t) => ({ label: `${TYPE_ICON[t]} ${TYPE_LABEL[t]}`, type: t }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: 'Entity type' }))?.type;
}

/** A pick of the workspace's entities (aliases searchable), most mentioned first. */
export async function pickEntity(index: EntityIndex, title: string, exclude?: string): Promise<string | undefined> {
  const excluded = exclude ? index.getEntity(exclude)?.id ?? exclude : undefined;
  const items = index
    .entities()
    .filter((e) => e.id !== excluded)
    .sort((a, b) => b.counts.mentions - a.counts.mentions)
    .map((e) => ({ label: `${TYPE_ICON[e.type]} ${e.canonical}`, description: e.aliases.filter((x) => x !== e.canonical).join(', '), detail: `${e.counts.mentions} mentions · ${e.id}`, entity: e.id }));
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder: 'Entity name or alias', matchOnDescription: true });
  return chosen?.entity;
}

/** Who said it: people and organisations, most mentioned first, or "Unattributed" (null). */
export async function pickSpeaker(index: EntityIndex, title: string, current: string | null | undefined): Promise<string | null | undefined> {
  const now = current ? (index.getEntity(current)?.id ?? current) : current;
  const speakers = index
    .entities()
    .filter((e) => (e.type === 'PERSON' || e.type === 'ORG') && e.id !== now)
    .sort((a, b) => b.counts.mentions - a.counts.mentions)
    .map((e) => ({ label: `${TYPE_ICON[e.type]} ${e.canonical}`, description: e.aliases.filter((x) => x !== e.canonical).join(', '), detail: `${e.counts.mentions} mentions · ${e.id}`, speaker: e.id as string | null }));
  const none = now === null ? [] : [{ label: '$(question) Unattributed', description: 'nobody named said it', detail: undefined, speaker: null }];
  const chosen = await vscode.window.showQuickPick([...speakers, ...none], { title, placeHolder: 'Speaker name or alias', matchOnDescription: true });
  return chosen?.speaker;
}

export async function ask(prompt: string, value?: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    prompt,
    value,
    validateInput: (v) => (v.trim() ? undefined : 'Type something, or press Escape to cancel'),
  });
  return answer?.trim() || undefined;
}
