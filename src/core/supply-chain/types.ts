// Shapes shared by the supply-chain checks: dependencies, imports, lookalikes and online results.
import type { TextRange } from '../model';

/** The package registries Redline knows about. */
export type Ecosystem = 'npm' | 'pypi' | 'go' | 'cargo' | 'maven' | 'rubygems' | 'packagist';

/** The manifest formats Redline parses. */
export type ManifestKind =
  | 'package.json' | 'requirements.txt' | 'pyproject.toml' | 'Pipfile' | 'go.mod' | 'Cargo.toml'
  | 'pom.xml' | 'build.gradle' | 'Gemfile' | 'composer.json';

/** One dependency declared in a manifest. */
export interface Dependency {
  /** Registry name as written (npm `@scope/name`, Maven `group:artifact`, Go module path). */
  readonly name: string;
  /** Version specifier or source as written (`^4.18.0`, `git+https://…`, `>=2.0`); '' when none. */
  readonly spec: string;
  readonly ecosystem: Ecosystem;
  /** Manifest section, e.g. `devDependencies`, `tool.poetry.dependencies`, `require`. */
  readonly section: string;
  /** Where the dependency's name sits in the manifest text. */
  readonly range: TextRange;
}

/** A dependency that an edit added (new name) or changed (same name, different specifier). */
export interface AddedDependency extends Dependency {
  readonly change: 'added' | 'changed';
  /** The specifier before the edit, for `changed`. */
  readonly previousSpec?: string;
}

/** An import of a package that the manifest does not declare. */
export interface ImportRef {
  /** The module as imported, e.g. `lodash/fp`, `yaml`, `github.com/pkg/errors/sub`. */
  readonly module: string;
  /** The package it belongs to in its registry, e.g. `lodash`, `PyYAML`, `github.com/pkg/errors`. */
  readonly packageName: string;
  readonly ecosystem: Ecosystem;
  /** Where the module string sits in the source. */
  readonly range: TextRange;
}

/** How a name imitates a popular one. */
export type LookalikeKind = 'edit-distance' | 'separator' | 'scope' | 'token-order' | 'homoglyph' | 'affix';

/** A name that looks like a popular package without being it. */
export interface Lookalike {
  readonly name: string;
  /** The popular package it imitates. */
  readonly imitates: string;
  readonly kind: LookalikeKind;
  /** Short human reason, e.g. "one character away from `express`". */
  readonly reason: string;
}

/** Why a dependency's specifier is risky. */
export type SourceIssueKind = 'url' | 'git' | 'github-shorthand' | 'tarball' | 'file' | 'unpinned' | 'unpinned-fork';

/** A risky specifier. */
export interface SourceIssue {
  readonly kind: SourceIssueKind;
  /** Short human reason, e.g. "installs from a git URL without a commit hash". */
  readonly reason: string;
}

/** A lifecycle script that runs when a package is installed. */
export interface InstallScript {
  readonly hook: 'preinstall' | 'install' | 'postinstall';
  readonly command: string;
}

/** A known vulnerability from OSV. */
export interface Vulnerability {
  readonly id: string;
  readonly summary: string;
}

/** What the registries said about one package. */
export interface OnlineResult {
  /** `exists`: the registry knows it; `not-found`: 404; `unknown`: the check failed or is unsupported. */
  readonly status: 'exists' | 'not-found' | 'unknown';
  /** First publication date (ISO), when the registry says. */
  readonly created?: string;
  readonly ageDays?: number;
  /** Downloads in the last month (npm) or last month (PyPI stats, when given). */
  readonly downloadsLastMonth?: number;
  readonly vulnerabilities?: readonly Vulnerability[];
  /** Why the status is `unknown`. */
  readonly error?: string;
}

/** Online results by `onlineKey(ecosystem, name)`. */
export type OnlineResults = ReadonlyMap<string, OnlineResult>;

/** A JSON request the adapter performs (GET without `method`). */
export interface JsonRequest {
  readonly method?: 'GET' | 'POST';
  /** Serialised as JSON for POST. */
  readonly body?: unknown;
}

/** The adapter's HTTP client: resolves with the status and the parsed JSON body (if any); rejects on network errors and timeouts. */
export type FetchJson = (url: string, request?: JsonRequest) => Promise<{ status: number; body?: unknown }>;

/** Base URLs of the registries the online check talks to (no trailing slash needed). */
export interface RegistryUrls {
  /** e.g. `https://registry.npmjs.org` */
  readonly npm: string;
  /** e.g. `https://pypi.org` */
  readonly pypi: string;
  /** e.g. `https://api.osv.dev` */
  readonly osv: string;
  /** e.g. `https://api.npmjs.org` (downloads); optional. */
  readonly npmDownloads?: string;
}
