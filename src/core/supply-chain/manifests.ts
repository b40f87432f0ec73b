// Dependency manifests: which file is which, every dependency each declares (name, specifier,
// position), and which dependencies an edit added.
import { parseTree, findNodeAtLocation, type Node, type ParseError } from 'jsonc-parser';
import type { Result } from '../model';
import { LineIndex } from '../text';
import { normalizeName } from './popular';
import { arrayStrings, readToml, stringField, type TomlEntry } from './toml-lines';
import type { AddedDependency, Dependency, Ecosystem, ManifestKind } from './types';
import { jsonTooDeep } from '../json';

type RawDep = { name: string; spec: string; section: string; offset: number };
type Parser = (text: string) => Result<RawDep[]>;

const ECOSYSTEM: Readonly<Record<ManifestKind, Ecosystem>> = {
  'package.json': 'npm', 'requirements.txt': 'pypi', 'pyproject.toml': 'pypi', 'Pipfile': 'pypi', 'go.mod': 'go',
  'Cargo.toml': 'cargo', 'pom.xml': 'maven', 'build.gradle': 'maven', 'Gemfile': 'rubygems', 'composer.json': 'packagist',
};

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Which manifest format a file is, by its base name (`requirements-dev.txt` → `requirements.txt`). */
export function manifestKind(path: string): ManifestKind | undefined {
  const name = baseName(path);
  if (/^requirements[\w.-]{0,60}\.(?:txt|in)$/i.test(name)) return 'requirements.txt';
  if (name === 'build.gradle' || name === 'build.gradle.kts') return 'build.gradle';
  return (Object.keys(ECOSYSTEM) as ManifestKind[]).find((k) => k === name && k !== 'requirements.txt' && k !== 'build.gradle');
}

/** The registry a manifest's dependencies come from. */
export function ecosystemOfManifest(path: string): Ecosystem | undefined {
  const kind = manifestKind(path);
  return kind === undefined ? undefined : ECOSYSTEM[kind];
}

// ---- package.json / composer.json ---------------------------------------------------------------

function jsonSections(sections: readonly string[], skip: (name: string) => boolean): Parser {
  return (text) => {
    if (jsonTooDeep(text)) return { ok: false, error: 'nests too deeply to be a manifest' };
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true });
    if (!root || errors.length > 0 || root.type !== 'object') return { ok: false, error: 'not a valid JSON object' };
    const deps: RawDep[] = [];
    for (const section of sections) {
      const node = findNodeAtLocation(root, [section]);
      if (!node || node.type !== 'object') continue;
      for (const prop of node.children ?? []) deps.push(...jsonProperty(prop, section, skip));
    }
    return { ok: true, value: deps };
  };
}

function jsonProperty(prop: Node, section: string, skip: (name: string) => boolean): RawDep[] {
  const [key, value] = prop.children ?? [];
  if (!key || typeof key.value !== 'string' || skip(key.value)) return [];
  const spec = value && typeof value.value === 'string' ? value.value : '';
  return [{ name: key.value, spec, section, offset: key.offset + 1 }];
}

const parsePackageJson = jsonSections(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'], () => false);
const parseComposerJson = jsonSections(['require', 'require-dev'], (n) => n === 'php' || !n.includes('/'));

// ---- requirements.txt ---------------------------------------------------------------------------

const PEP508_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]{0,200}[A-Za-z0-9])?)/;

/** Splits one PEP 508 requirement (`name[extra] >=1 ; marker` or `name @ url`) into name and specifier. */
function pep508(requirement: string): { name: string; spec: string; nameStart: number } | undefined {
  const lead = requirement.length - requirement.trimStart().length;
  const body = requirement.trim();
  const m = PEP508_NAME.exec(body);
  if (!m || !m[1]) return undefined;
  let rest = body.slice(m[1].length).replace(/^\s*\[[^\]]{0,500}\]/, '');
  const semi = rest.indexOf(';');
  if (semi >= 0) rest = rest.slice(0, semi);
  const option = rest.search(/\s--?[a-z]/);
  if (option >= 0) rest = rest.slice(0, option);
  rest = rest.trim().replace(/^@\s*/, '');
  return { name: m[1], spec: rest, nameStart: lead };
}

function eggName(url: string): string | undefined {
  const m = /[#&]egg=([A-Za-z0-9._-]{1,200})/.exec(url);
  return m?.[1];
}

function requirementLine(line: string, lineStart: number): RawDep | undefined | 'error' {
  const hash = line.search(/(?:^|\s)#/);
  const content = (hash >= 0 ? line.slice(0, hash) : line).replace(/\\\s*$/, '');
  const trimmed = content.trim();
  if (trimmed === '') return undefined;
  const editable = /^(?:-e|--editable)[\s=]+(\S+)/.exec(trimmed);
  if (editable) {
    const target = editable[1] ?? '';
    const name = eggName(target) ?? target;
    return { name, spec: target, section: 'requirements', offset: lineStart + line.indexOf(target) };
  }
  if (trimmed.startsWith('-')) return undefined;
  if (/^[a-z][a-z0-9+.-]{0,20}:\/\//i.test(trimmed)) {
    const name = eggName(trimmed) ?? trimmed;
    return { name, spec: trimmed, section: 'requirements', offset: lineStart + line.indexOf(trimmed) };
  }
  if (/^[.~/]/.test(trimmed)) return { name: trimmed, spec: trimmed, section: 'requirements', offset: lineStart + line.indexOf(trimmed) };
  const req = pep508(content);
  if (!req) return 'error';
  return { name: req.name, spec: req.spec, section: 'requirements', offset: lineStart + req.nameStart };
}

const parseRequirements: Parser = (text) => {
  const deps: RawDep[] = [];
  let offset = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const dep = requirementLine(line.replace(/\r$/, ''), offset);
    if (dep === 'error') return { ok: false, error: `line ${i + 1}: not a requirement` };
    if (dep) deps.push(dep);
    offset += line.length + 1;
  }
  return { ok: true, value: deps };
};

// ---- TOML manifests ----------------------------------------------------------------------------

/** A Poetry/Pipfile/Cargo style entry: `name = "1.0"` or `name = { version = "1", git = "…" }`. */
function tableEntrySpec(value: string): string {
  for (const field of ['git', 'url', 'path', 'file']) {
    const v = stringField(value, field);
    if (v !== undefined) {
      const rev = stringField(value, 'rev') ?? stringField(value, 'ref') ?? stringField(value, 'tag');
      return field === 'git' ? `git+${v}${rev !== undefined ? `#${rev}` : ''}` : v;
    }
  }
  return stringField(value) ?? stringField(value, 'version') ?? '';
}

function tomlParser(collect: (entries: readonly TomlEntry[], deps: RawDep[], text: string) => void): Parser {
  return (text) => {
    const toml = readToml(text);
    if (!toml.ok) return toml;
    const deps: RawDep[] = [];
    collect(toml.value.entries, deps, text);
    return { ok: true, value: deps };
  };
}

function pep508Array(entry: TomlEntry, section: string, deps: RawDep[]): void {
  for (const s of arrayStrings(entry.value)) {
    const req = pep508(s.text);
    if (req) deps.push({ name: req.name, spec: req.spec, section, offset: entry.valueOffset + s.offset + req.nameStart });
  }
}

const POETRY_TABLE = /^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/;

const parsePyproject = tomlParser((entries, deps) => {
  for (const e of entries) {
    if (e.table === 'project' && e.key === 'dependencies') pep508Array(e, 'project.dependencies', deps);
    else if (e.table === 'project.optional-dependencies' || e.table === 'dependency-groups') pep508Array(e, `${e.table}.${e.key}`, deps);
    else if (e.table === 'build-system' && e.key === 'requires') pep508Array(e, 'build-system.requires', deps);
    else if (POETRY_TABLE.test(e.table) && e.key !== 'python') {
      deps.push({ name: e.key, spec: tableEntrySpec(e.value), section: e.table, offset: e.keyOffset });
    }
  }
});

const parsePipfile = tomlParser((entries, deps) => {
  for (const e of entries) {
    if (e.table === 'packages' || e.table === 'dev-packages') {
      deps.push({ name: e.key, spec: tableEntrySpec(e.value), section: e.table, offset: e.keyOffset });
    }
  }
});

const CARGO_TABLE = /^(?:workspace\.|target\..+\.)?(?:dependencies|dev-dependencies|build-dependencies)$/;
const CARGO_SUBTABLE = /^(?:workspace\.|target\..+\.)?(?:dependencies|dev-dependencies|build-dependencies)\.([^.]+)$/;

const parseCargo: Parser = (text) => {
  const toml = readToml(text);
  if (!toml.ok) return toml;
  const deps: RawDep[] = [];
  for (const e of toml.value.entries) {
    if (CARGO_TABLE.test(e.table)) {
      const renamed = stringField(e.value, 'package');
      deps.push({ name: renamed ?? e.key, spec: tableEntrySpec(e.value), section: e.table, offset: e.keyOffset });
    }
  }
  for (const t of toml.value.tables) {
    const m = CARGO_SUBTABLE.exec(t.name);
    if (!m || !m[1]) continue;
    const fields = toml.value.entries.filter((e) => e.table === t.name).map((e) => `${e.key} = ${e.value}`).join(', ');
    const renamed = stringField(`{ ${fields} }`, 'package');
    deps.push({ name: renamed ?? m[1], spec: tableEntrySpec(`{ ${fields} }`), section: t.name.slice(0, -m[1].length - 1), offset: t.lastPartOffset });
  }
  return { ok: true, value: deps };
};

// ---- go.mod, pom.xml, Gradle, Gemfile ----------------------------------------------------------

const parseGoMod: Parser = (text) => {
  const deps: RawDep[] = [];
  let inRequire = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const code = line.replace(/\/\/.*$/, '').trim();
    if (code === '') continue;
    if (inRequire) {
      if (code === ')') { inRequire = false; continue; }
      const m = /^(\S+)\s+(\S+)$/.exec(code);
      if (!m || !m[1] || !m[2]) return { ok: false, error: `bad require line: ${code.slice(0, 80)}` };
      deps.push({ name: m[1], spec: m[2], section: 'require', offset: start + line.indexOf(m[1]) });
      continue;
    }
    if (/^require\s*\($/.test(code)) { inRequire = true; continue; }
    const single = /^require\s+(\S+)\s+(\S+)$/.exec(code);
    if (single && single[1] && single[2]) {
      deps.push({ name: single[1], spec: single[2], section: 'require', offset: start + line.indexOf(single[1], line.indexOf('require') + 7) });
    }
  }
  if (inRequire) return { ok: false, error: 'unterminated require block' };
  return { ok: true, value: deps };
};

function xmlTag(block: string, tag: string): string | undefined {
  const open = block.indexOf(`<${tag}>`);
  if (open < 0) return undefined;
  const close = block.indexOf(`</${tag}>`, open);
  return close < 0 ? undefined : block.slice(open + tag.length + 2, close).trim();
}

const parsePom: Parser = (text) => {
  if (!/<project[\s>]/.test(text)) return { ok: false, error: 'no <project> element' };
  const deps: RawDep[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('<dependency>', from);
    if (open < 0) break;
    const close = text.indexOf('</dependency>', open);
    if (close < 0) return { ok: false, error: 'unterminated <dependency>' };
    const block = text.slice(open, close);
    const group = xmlTag(block, 'groupId');
    const artifact = xmlTag(block, 'artifactId');
    if (group && artifact) {
      const at = block.indexOf('<artifactId>');
      deps.push({ name: `${group}:${artifact}`, spec: xmlTag(block, 'version') ?? '', section: 'dependencies', offset: open + at + 12 });
    }
    from = close + 13;
  }
  return { ok: true, value: deps };
};

const GRADLE_CONFIG = '(?:implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|testCompileOnly|annotationProcessor|kapt|ksp|classpath|compile|testCompile|debugImplementation|releaseImplementation)';
const GRADLE_STRING = new RegExp(`^\\s*${GRADLE_CONFIG}\\s*\\(?\\s*(?:platform\\s*\\(\\s*)?["']([^"'\\s:]{1,200}):([^"'\\s:]{1,200})(?::([^"'\\s]{1,200}))?["']`);
const GRADLE_MAP = new RegExp(`^\\s*${GRADLE_CONFIG}\\s*\\(?\\s*group\\s*[:=]\\s*["']([^"']{1,200})["']\\s*,\\s*name\\s*[:=]\\s*["']([^"']{1,200})["'](?:\\s*,\\s*version\\s*[:=]\\s*["']([^"']{1,200})["'])?`);

const parseGradle: Parser = (text) => {
  const deps: RawDep[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = GRADLE_STRING.exec(line) ?? GRADLE_MAP.exec(line);
    if (m && m[1] && m[2]) {
      const at = line.indexOf(m[1]);
      deps.push({ name: `${m[1]}:${m[2]}`, spec: m[3] ?? '', section: 'dependencies', offset: offset + at });
    }
    offset += line.length + 1;
  }
  return { ok: true, value: deps };
};

const parseGemfile: Parser = (text) => {
  const deps: RawDep[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^\s*gem\s*\(?\s*["']([^"'\s]{1,200})["']((?:\s*,\s*[^,#\n]{1,300}){0,8})/.exec(line);
    if (m && m[1]) {
      const args = m[2] ?? '';
      const source = /(?:git|github|path)\s*(?::|=>)\s*["']([^"']{1,500})["']/.exec(args);
      const versions = [...args.matchAll(/,\s*["']([^"']{1,100})["']/g)].map((v) => v[1]).join(', ');
      const spec = source ? `${/github/.test(source[0]) ? 'github:' : ''}${source[1]}` : versions;
      deps.push({ name: m[1], spec, section: 'gems', offset: offset + line.indexOf(m[1]) });
    }
    offset += line.length + 1;
  }
  return { ok: true, value: deps };
};

const PARSERS: Readonly<Record<ManifestKind, Parser>> = {
  'package.json': parsePackageJson, 'requirements.txt': parseRequirements, 'pyproject.toml': parsePyproject,
  'Pipfile': parsePipfile, 'go.mod': parseGoMod, 'Cargo.toml': parseCargo, 'pom.xml': parsePom,
  'build.gradle': parseGradle, 'Gemfile': parseGemfile, 'composer.json': parseComposerJson,
};

/** Every dependency a manifest declares, with the range of its name; an error for malformed text or an unknown file. */
export function parseManifest(path: string, text: string): Result<Dependency[]> {
  const kind = manifestKind(path);
  if (kind === undefined) return { ok: false, error: `${baseName(path)} is not a dependency manifest Redline reads` };
  const raw = PARSERS[kind](text.replace(/^\uFEFF/, ''));
  if (!raw.ok) return { ok: false, error: `${baseName(path)}: ${raw.error}` };
  const lines = new LineIndex(text);
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const ecosystem = ECOSYSTEM[kind];
  return {
    ok: true,
    value: raw.value.map((d) => ({
      name: d.name, spec: d.spec, ecosystem, section: d.section,
      range: lines.rangeOf(d.offset + bom, d.offset + bom + d.name.length),
    })),
  };
}

/**
 * Dependencies of `after` that `before` did not declare (`added`), or declared with another
 * specifier (`changed`). A missing or malformed `before` counts as empty; a malformed `after` is an error.
 */
export function addedDependencies(path: string, before: string | undefined, after: string): Result<AddedDependency[]> {
  const now = parseManifest(path, after);
  if (!now.ok) return now;
  const then = before === undefined ? undefined : parseManifest(path, before);
  const previous = new Map<string, string>();
  if (then?.ok) for (const d of then.value) previous.set(normalizeName(d.name, d.ecosystem), d.spec);
  const added: AddedDependency[] = [];
  for (const d of now.value) {
    const old = previous.get(normalizeName(d.name, d.ecosystem));
    if (old === undefined) added.push({ ...d, change: 'added' });
    else if (old !== d.spec) added.push({ ...d, change: 'changed', previousSpec: old });
  }
  return { ok: true, value: added };
}

/** The name of the package a manifest itself defines (package.json/composer.json `name`, pyproject/Cargo `name`), if any. */
export function ownPackageName(path: string, text: string): string | undefined {
  const kind = manifestKind(path);
  if (kind === 'package.json' || kind === 'composer.json') {
    const root = jsonTooDeep(text) ? undefined : parseTree(text, [], { allowTrailingComma: true });
    const node = root ? findNodeAtLocation(root, ['name']) : undefined;
    return typeof node?.value === 'string' ? node.value : undefined;
  }
  if (kind === 'pyproject.toml' || kind === 'Cargo.toml') {
    const toml = readToml(text);
    if (!toml.ok) return undefined;
    const entry = toml.value.entries.find((e) => e.key === 'name' && ['project', 'package', 'tool.poetry'].includes(e.table));
    return entry ? stringField(entry.value) : undefined;
  }
  return undefined;
}

/**
 * Names a manifest makes importable, for `undeclaredImports`: its dependencies, plus for go.mod
 * the project's own module path. Empty for malformed text.
 */
export function declaredPackages(path: string, text: string): string[] {
  const parsed = parseManifest(path, text);
  const names = parsed.ok ? parsed.value.map((d) => d.name) : [];
  if (manifestKind(path) === 'go.mod') {
    const mod = /^module\s+(\S+)/m.exec(text);
    if (mod && mod[1]) names.push(mod[1]);
  }
  const own = ownPackageName(path, text);
  if (own !== undefined) names.push(own);
  return names;
}
