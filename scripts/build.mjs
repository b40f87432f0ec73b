// Bundles the extension (dist/extension.js), the CLI (dist/cli.js) and the mentoring panel's webview
// script (dist/mentor/mentor.js) with esbuild, and copies the runtime assets they load at run time:
// tree-sitter WASM grammars and the codicon font.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const dist = path.join(root, 'dist');

// Only the grammars the engine parses; the package holds many more.
const GRAMMARS = ['go', 'java', 'javascript', 'python', 'typescript', 'tsx'];

function copyAssets() {
  const wasmSrc = path.join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm');
  const wasmOut = path.join(dist, 'wasm');
  fs.mkdirSync(wasmOut, { recursive: true });
  for (const file of ['tree-sitter.wasm', ...GRAMMARS.map((g) => `tree-sitter-${g}.wasm`)]) {
    fs.copyFileSync(path.join(wasmSrc, file), path.join(wasmOut, file));
  }
  const codicons = path.join(root, 'node_modules/@vscode/codicons/dist');
  const codiconsOut = path.join(dist, 'codicons');
  fs.mkdirSync(codiconsOut, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(codicons, file), path.join(codiconsOut, file));
  }
}

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // Prefer ES modules: jsonc-parser's UMD build requires its parts dynamically, which a bundle can't follow.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: [path.join(root, 'src/extension/main.ts')], outfile: path.join(dist, 'extension.js') },
  { ...common, entryPoints: [path.join(root, 'src/cli/bin.ts')], outfile: path.join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  // `redline check` spreads large changes over worker threads; the pool looks for this file next to cli.js.
  { ...common, entryPoints: [path.join(root, 'src/cli/check/worker.ts')], outfile: path.join(dist, 'check-worker.js') },
  // The mentoring panel's webview script: runs in the browser, loaded from dist/mentor/ only.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', external: [], entryPoints: [path.join(root, 'media/mentor/main.ts')], outfile: path.join(dist, 'mentor', 'mentor.js') },
];

copyAssets();
if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[build] watching src/ for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
}
