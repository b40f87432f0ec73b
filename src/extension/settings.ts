// Reads Redline's settings once per change into a typed object (never ad hoc `get` calls elsewhere).
import * as vscode from 'vscode';
import { defaultSettings, SETTING_DEFINITIONS, type RedlineSettings } from '../core/config';

/** Reads every `redline.*` setting for a resource (or the window), falling back to defaults. */
export function readSettings(scope?: vscode.Uri): RedlineSettings {
  const config = vscode.workspace.getConfiguration('redline', scope);
  const values: Record<string, unknown> = { ...defaultSettings() };
  for (const def of SETTING_DEFINITIONS) {
    if (def.setting === false) continue;
    const value = config.get(def.key);
    if (value !== undefined) values[def.key] = value;
  }
  return values as unknown as RedlineSettings;
}
