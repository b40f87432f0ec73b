// Workspace-relative path arithmetic for `extends` and `audit.path` (POSIX separators, never outside the workspace).

/**
 * Resolves `target` relative to the folder of `fromFile` (both workspace-relative). Returns the
 * normalised workspace-relative path, or `undefined` when it is absolute or leaves the workspace.
 */
export function relativeTarget(fromFile: string, target: string): string | undefined {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/') || /^[A-Za-z]:/.test(t) || t.includes('\0')) return undefined;
  const base = fromFile.replace(/\\/g, '/').split('/').slice(0, -1);
  const parts: string[] = [];
  for (const part of [...base, ...t.split('/')]) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}
