// Reads what the supply-chain checks need from the workspace, with async `workspace.fs` only:
// lockfiles near a file, locally installed packages, and the names the project's manifests declare.
import * as vscode from 'vscode';
import { declaredPackages, LOCKFILE_NAMES, type Ecosystem } from '../../core/supply-chain';

const MANIFEST_GLOB = '**/{package.json,requirements*.txt,requirements*.in,pyproject.toml,Pipfile,go.mod,Cargo.toml,pom.xml,build.gradle,build.gradle.kts,Gemfile,composer.json}';
const EXCLUDE_GLOB = '**/{node_modules,.git,.venv,venv,vendor,dist,out,build,target}/**';
const MAX_MANIFESTS = 200;

/** What is installed next to a file: package names, and (npm) each installed package.json. */
export interface InstalledPackages {
  readonly names: ReadonlySet<string>;
  readonly manifests: ReadonlyMap<string, string>;
}

/** The text of a file, or undefined when it is missing or unreadable. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}

async function listDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(uri);
  } catch {
    return [];
  }
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.replace(/\/[^/]*$/, '') || '/' });
}

/** The folder holding `uri`, then each folder above it up to its workspace folder (or just the first, outside a workspace). */
export function foldersUp(uri: vscode.Uri): vscode.Uri[] {
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  const out: vscode.Uri[] = [];
  for (let dir = parentOf(uri); ; dir = parentOf(dir)) {
    out.push(dir);
    if (!root || dir.path === root.path || !dir.path.startsWith(root.path) || dir.path === '/') break;
  }
  return out;
}

/** Lockfile texts by path, from the file's folder and every folder above it in the workspace. */
export async function lockfilesNear(uri: vscode.Uri): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const dir of foldersUp(uri)) {
    for (const [name, type] of await listDirectory(dir)) {
      if (type !== vscode.FileType.File || !Object.hasOwn(LOCKFILE_NAMES, name)) continue;
      const file = vscode.Uri.joinPath(dir, name);
      const text = await readText(file);
      if (text !== undefined) out.set(file.path, text);
    }
  }
  return out;
}

/** npm: `node_modules/<name>/package.json` next to the file or above; PyPI: distributions in `.venv`/`venv`. */
export async function installedNear(uri: vscode.Uri, ecosystem: Ecosystem, names: readonly string[]): Promise<InstalledPackages> {
  const installed = new Set<string>();
  const manifests = new Map<string, string>();
  if (ecosystem === 'npm') {
    for (const name of new Set(names)) {
      for (const dir of foldersUp(uri)) {
        const text = await readText(vscode.Uri.joinPath(dir, 'node_modules', ...name.split('/'), 'package.json'));
        if (text === undefined) continue;
        installed.add(name);
        manifests.set(name, text);
        break;
      }
    }
  } else if (ecosystem === 'pypi') {
    for (const dir of foldersUp(uri)) {
      for (const venv of ['.venv', 'venv']) {
        const lib = vscode.Uri.joinPath(dir, venv, 'lib');
        for (const [python] of await listDirectory(lib)) {
          for (const [entry] of await listDirectory(vscode.Uri.joinPath(lib, python, 'site-packages'))) {
            const m = /^(.+?)-[^-]+\.(?:dist-info|egg-info)$/.exec(entry);
            if (m?.[1]) installed.add(m[1]);
          }
        }
      }
    }
  }
  return { names: installed, manifests };
}

/**
 * Names the project declares, for import checks: every manifest's dependencies and own name in the
 * file's workspace folder, plus (Python) the project's own top-level modules next to the file, at the root and in `src/`.
 */
export async function declaredNear(uri: vscode.Uri, ecosystem: Ecosystem): Promise<Set<string>> {
  const declared = new Set<string>();
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const manifests = folder
    ? await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MANIFEST_GLOB), EXCLUDE_GLOB, MAX_MANIFESTS)
    : [];
  for (const manifest of manifests) {
    const text = await readText(manifest);
    if (text !== undefined) for (const name of declaredPackages(manifest.path, text)) declared.add(name);
  }
  if (ecosystem === 'pypi') {
    const dirs = [parentOf(uri), ...(folder ? [folder.uri, vscode.Uri.joinPath(folder.uri, 'src')] : [])];
    for (const dir of dirs) {
      for (const [name, type] of await listDirectory(dir)) {
        if (type === vscode.FileType.Directory && !name.startsWith('.')) declared.add(name);
        else if (type === vscode.FileType.File && name.endsWith('.py')) declared.add(name.slice(0, -3));
      }
    }
  }
  return declared;
}
