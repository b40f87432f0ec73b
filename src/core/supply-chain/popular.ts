// The bundled list of most-used package names per ecosystem (data/popular-packages.json, regenerated
// by scripts/generate-popular-packages.mjs) and name normalisation per registry.
import data from './data/popular-packages.json';
import type { Ecosystem } from './types';

/** Where the bundled list came from and when it was generated. */
export const popularSource: { readonly source: string; readonly generated: string } = {
  source: data.source,
  generated: data.generated,
};

/** The registry's own notion of "the same name": PyPI per PEP 503, npm/Cargo/Packagist/RubyGems case-insensitively. */
export function normalizeName(name: string, ecosystem: Ecosystem): string {
  if (ecosystem === 'pypi') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (ecosystem === 'go') return name;
  return name.toLowerCase();
}

/** The bundled popular names of an ecosystem, most-used first, normalised. */
export function popularNames(ecosystem: Ecosystem): readonly string[] {
  const list: readonly string[] = data[ecosystem];
  return ecosystem === 'pypi' || ecosystem === 'go' ? list : list.map((n) => n.toLowerCase());
}
