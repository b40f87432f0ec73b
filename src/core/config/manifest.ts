// Writes the generated settings into package.json text, keeping every other key and npm's 2-space format.
import { formatJson, settingsContribution } from './schema';

/** Returns package.json text with `contributes.configuration.properties` regenerated from the settings table. */
export function updateManifest(packageJsonText: string): string {
  const pkg = JSON.parse(packageJsonText) as { contributes?: { configuration?: { title?: string; properties?: unknown } } };
  const contributes = (pkg.contributes ??= {});
  const configuration = (contributes.configuration ??= { title: 'Redline' });
  configuration.properties = settingsContribution();
  return formatJson(pkg);
}
