// Names the assistant that most likely made an AI-like edit, from what is installed and present.
import type { Assistant } from '../assistants';
import type { EditClass } from './classify';

/** What the adapter knows about the assistants around this workspace. */
export interface AssistantPresence {
  /** Assistants whose extension is installed and active. */
  readonly activeExtensions: readonly Assistant[];
  /** The editor fork's built-in agent (Cursor, Windsurf...), if any. */
  readonly host?: Assistant;
  /** Assistants configured in the repository (CLAUDE.md, .aider.conf.yml...). */
  readonly configured: readonly Assistant[];
}

/**
 * The likely source of an edit, or `undefined` when nothing points at one. Editor edits come from
 * assistants that edit through the editor; disk writes from agents that write files directly.
 */
export function likelySource(editClass: EditClass, presence: AssistantPresence): string | undefined {
  if (editClass === 'typing' || editClass === 'undo' || editClass === 'redo' || editClass === 'formatting') return undefined;
  const inEditor = (a: Assistant): boolean => a.editsArrive !== 'disk-write';
  const onDisk = (a: Assistant): boolean => a.editsArrive !== 'workspace-edit';
  const pick = editClass === 'external' ? onDisk : inEditor;
  const candidates: Assistant[] = [];
  const add = (a: Assistant | undefined): void => {
    if (a && pick(a) && !candidates.some((c) => c.id === a.id)) candidates.push(a);
  };
  add(presence.host);
  presence.activeExtensions.forEach(add);
  presence.configured.forEach(add);
  if (candidates.length === 0) return undefined;
  if (candidates.length <= 2) return candidates.map((c) => c.name).join(' or ');
  return `${candidates[0]!.name}, ${candidates[1]!.name} or another assistant`;
}

/** How an edit class reads in the UI. */
export function describeEditClass(editClass: EditClass): string {
  switch (editClass) {
    case 'bulk': return 'bulk edit';
    case 'paste': return 'paste';
    case 'external': return 'write to disk by another process';
    case 'formatting': return 'formatting';
    case 'undo': return 'undo';
    case 'redo': return 'redo';
    case 'typing': return 'typing';
  }
}
