// Turns VS Code's `inspect()` results into the user and workspace layers `effectiveConfig` takes.
import { SETTING_DEFINITIONS } from './definitions';

/** The part of `WorkspaceConfiguration.inspect(key)` Redline reads. */
export interface InspectedSetting {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** Settings per layer, keyed without the `redline.` prefix; keys a layer does not set are absent. */
export interface SettingLayers {
  readonly user: Record<string, unknown>;
  readonly workspace: Record<string, unknown>;
}

/**
 * Reads every VS Code setting of the table through `inspect` (e.g. `(k) => config.inspect(k)` on
 * `getConfiguration('redline', folderUri)`). A folder value wins over the workspace value.
 */
export function settingLayers(inspect: (key: string) => InspectedSetting | undefined): SettingLayers {
  const user: Record<string, unknown> = {};
  const workspace: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) {
    if (!d.setting) continue;
    const i = inspect(d.key);
    if (i?.globalValue !== undefined) user[d.key] = i.globalValue;
    const ws = i?.workspaceFolderValue ?? i?.workspaceValue;
    if (ws !== undefined) workspace[d.key] = ws;
  }
  return { user, workspace };
}
