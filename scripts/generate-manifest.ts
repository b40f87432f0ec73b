// `npm run generate`: writes package.json's settings and schemas/policy.schema.json from src/core/config/definitions.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatJson, policySchema, updateManifest } from '../src/core/config';

/** Repository root, from out/scripts/ (compiled) or scripts/ (ts-node). */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'scripts', 'generate-manifest.ts'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

function writeIfChanged(file: string, text: string): void {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (old === text) {
    console.log(`unchanged ${path.relative(process.cwd(), file)}`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

function main(): void {
  const root = repoRoot();
  const manifest = path.join(root, 'package.json');
  writeIfChanged(manifest, updateManifest(fs.readFileSync(manifest, 'utf8')));
  writeIfChanged(path.join(root, 'schemas', 'policy.schema.json'), formatJson(policySchema()));
}

main();
