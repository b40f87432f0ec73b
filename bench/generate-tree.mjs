// Seeded generator of benchmark trees for the secrets scanner: source files in several languages,
// JSON, YAML, Markdown, lockfiles and minified bundles, with planted secrets (the positive cases of
// test/fixtures/secrets/generate.mjs) and planted hard negatives, each in a file of its own.
// Writes bench/.generated/<n>mb/tree/ (git-ignored) and bench/.generated/<n>mb/manifest.json of planted files.
//
// Usage: node bench/generate-tree.mjs [sizeMB…]   (default: 10 100)
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCases, prng, randomText } from '../test/fixtures/secrets/generate.mjs';

const version = 4;
const here = dirname(fileURLToPath(import.meta.url));

const words = ['order', 'customer', 'invoice', 'cart', 'item', 'price', 'total', 'user', 'account', 'session', 'report', 'shipment',
  'address', 'payment', 'refund', 'queue', 'worker', 'cache', 'index', 'route', 'handler', 'request', 'response', 'result', 'status',
  'count', 'limit', 'offset', 'page', 'filter', 'sort', 'value', 'entry', 'record', 'batch', 'event', 'message', 'channel', 'tokenizer',
  'keyboard', 'passenger', 'author', 'secretary', 'monkey', 'keyframe', 'bypass', 'compass', 'credentialsProvider'];

function benign(r, kind, bytes) {
  const { pick, int, str, uuid } = r;
  const id = () => `${pick(words)}${pick(words).replace(/^./, (c) => c.toUpperCase())}`;
  const lines = [];
  let size = 0;
  const push = (l) => { lines.push(l); size += l.length + 1; };
  while (size < bytes) {
    switch (kind) {
      case 'ts':
        push(`export async function ${id()}(${id()}: ${pick(['string', 'number', 'Order', 'User[]'])}): Promise<${pick(['void', 'Result', 'number'])}> {`);
        push(`  // ${pick(words)} the ${pick(words)} before the ${pick(words)} is sent`);
        push(`  const ${id()} = await db.${pick(['query', 'find', 'insert'])}('${pick(words)}', { ${id()}: ${int(0, 999)} });`);
        push(`  if (token.kind === SyntaxKind.${pick(['Identifier', 'StringLiteral', 'EqualsToken'])}) return ${id()};`);
        push(`  const keyName = map.get("${pick(words)}") ?? "${pick(words)}";`);
        push(`  logger.info(\`${pick(words)} \${${id()}} done in \${Date.now() - started} ms\`);`);
        push('}');
        push('');
        break;
      case 'py':
        push(`def ${pick(words)}_${pick(words)}(${pick(words)}, ${pick(words)}=None):`);
        push(`    """Return the ${pick(words)} for a ${pick(words)}."""`);
        push(`    ${pick(words)} = session.query(${id()}).filter_by(id=${int(1, 9999)}).first()`);
        push(`    if len(password) < ${int(8, 16)}:`);
        push(`        raise ValueError("${pick(words)} too short")`);
        push(`    return {"${pick(words)}": ${pick(words)}, "request_id": "${uuid()}"}`);
        push('');
        break;
      case 'json':
        push(`  { "id": "${uuid()}", "${pick(words)}": ${int(0, 99999)}, "name": "${pick(words)} ${pick(words)}", "sha": "${str(40, '0123456789abcdef')}" },`);
        break;
      case 'lock':
        push(`    "node_modules/${pick(words)}-${pick(words)}": {`);
        push(`      "version": "${int(0, 9)}.${int(0, 30)}.${int(0, 20)}",`);
        push(`      "resolved": "https://registry.npmjs.org/${pick(words)}/-/${pick(words)}-1.0.0.tgz",`);
        push(`      "integrity": "sha512-${str(86, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}=="`);
        push('    },');
        break;
      case 'md':
        push(`## ${pick(words)} ${pick(words)}`);
        push('');
        push(`The ${pick(words)} service reads the ${pick(words)} from https://docs.example.org/${pick(words)}/${pick(words)} and writes a ${pick(words)} per ${pick(words)}. Set \`API_KEY\` in your environment; never commit it.`);
        push('');
        break;
      case 'yaml':
        push(`${pick(words)}:`);
        push(`  ${pick(words)}: ${int(0, 500)}`);
        push(`  image: registry.example.org/${pick(words)}@sha256:${str(64, '0123456789abcdef')}`);
        push(`  secretName: ${pick(words)}-${pick(words)}-tls`);
        break;
      case 'min':
        push(Array.from({ length: 300 }, () => `var ${pick(words)}${int(0, 99)}=function(a,b){return a.${pick(words)}+b[${int(0, 9)}]||"${pick(words)}"};`).join(''));
        break;
      default:
        push(`${pick(words)} ${pick(words)} ${pick(words)}`);
    }
  }
  return lines.join('\n') + '\n';
}

const kinds = [['ts', 'src', '.ts'], ['py', 'app', '.py'], ['json', 'data', '.json'], ['lock', 'locks', '-lock.json'], ['md', 'docs', '.md'], ['yaml', 'deploy', '.yaml'], ['min', 'dist', '.min.js']];

/** Writes a tree of about `sizeMB` megabytes under `out` and returns its manifest. */
export function generateTree(base, sizeMB, seed = 6) {
  const r = randomText(prng(seed * 1000 + sizeMB));
  const out = join(base, 'tree');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const target = sizeMB * 1_000_000;
  let written = 0;
  let n = 0;
  const planted = [];
  const write = (rel, text) => {
    const abs = join(out, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    written += Buffer.byteLength(text);
  };
  // One planted case (positive or negative) per ~40 kB of benign text.
  const plantEvery = 40_000;
  let nextPlant = plantEvery;
  let caseSeed = seed;
  let pool = [];
  while (written < target) {
    const [kind, dir, ext] = kinds[n % kinds.length];
    const bytes = kind === 'min' ? r.int(50_000, 200_000) : r.int(2_000, 40_000);
    write(`pkg${n % 37}/${dir}/${kind}-${n}${ext}`, benign(r, kind, bytes));
    n++;
    while (written >= nextPlant) {
      if (pool.length === 0) {
        const { positives, negatives } = generateCases(caseSeed++);
        pool = [...positives, ...negatives].sort(() => r.pick([-1, 1]));
      }
      const c = pool.pop();
      const rel = `pkg${n % 37}/planted-${planted.length}/${c.path}`;
      write(rel, c.text);
      planted.push({ file: rel, detector: c.detector, category: c.category, lines: c.text.split('\n').length });
      nextPlant += plantEvery;
    }
  }
  const manifest = { version, sizeMB, seed, bytes: written, files: n + planted.length, planted };
  writeFileSync(join(base, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

/** The tree for `sizeMB`, generated once and reused while its manifest version matches. */
export function ensureTree(sizeMB, seed = 6) {
  const base = join(here, '.generated', `${sizeMB}mb`);
  const manifestPath = join(base, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.version === version && m.seed === seed) return { dir: join(base, 'tree'), manifest: m };
  }
  return { dir: join(base, 'tree'), manifest: generateTree(base, sizeMB, seed) };
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  for (const size of sizes.length > 0 ? sizes : [10, 100]) {
    const { dir, manifest } = ensureTree(size);
    console.log(`${dir}: ${(manifest.bytes / 1e6).toFixed(1)} MB in ${manifest.files} files, ${manifest.planted.filter((p) => p.detector).length} planted secrets`);
  }
}
