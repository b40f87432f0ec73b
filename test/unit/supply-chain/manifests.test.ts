import * as assert from 'node:assert/strict';
import { addedDependencies, manifestKind, parseManifest, type Dependency } from '../../../src/core/supply-chain';

function deps(path: string, text: string): Dependency[] {
  const r = parseManifest(path, text);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value;
}

function brief(d: Dependency): string {
  return `${d.name}|${d.spec}|${d.section}|${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`;
}

describe('supply-chain manifests', () => {
  it('recognises manifests by base name, including requirements variants and Gradle Kotlin', () => {
    assert.equal(manifestKind('/repo/requirements-dev.txt'), 'requirements.txt');
    assert.equal(manifestKind('C:\\repo\\app\\build.gradle.kts'), 'build.gradle');
    assert.equal(manifestKind('/repo/package.json'), 'package.json');
    assert.equal(manifestKind('/repo/package-lock.json'), undefined);
  });

  it('reads every dependency section of package.json with the range of the name', () => {
    const text = '{\n  "name": "shop",\n  "dependencies": {\n    "express": "^4.19.2"\n  },\n  "devDependencies": { "@types/node": "^20.0.0" },\n  "peerDependencies": { "react": ">=18" }\n}\n';
    assert.deepEqual(deps('package.json', text).map(brief), [
      'express|^4.19.2|dependencies|3:5-12',
      '@types/node|^20.0.0|devDependencies|5:24-35',
      'react|>=18|peerDependencies|6:25-30',
    ]);
  });

  it('reads requirements.txt with extras, markers, URLs, -e and comments', () => {
    const text = [
      '# web',
      'requests[security]>=2.31 ; python_version >= "3.8"  # http',
      'Django==5.0.6',
      '-r base.txt',
      '--index-url https://example.com/simple',
      '-e git+https://github.com/acme/toolkit.git#egg=acme-toolkit',
      'payments @ https://example.com/payments-1.0.tar.gz',
      'https://example.com/wheels/fastjson-2.0-py3-none-any.whl',
      '',
    ].join('\n');
    assert.deepEqual(deps('requirements.txt', text).map((d) => `${d.name}|${d.spec}|${d.range.start.line}`), [
      'requests|>=2.31|1',
      'Django|==5.0.6|2',
      'acme-toolkit|git+https://github.com/acme/toolkit.git#egg=acme-toolkit|5',
      'payments|https://example.com/payments-1.0.tar.gz|6',
      'https://example.com/wheels/fastjson-2.0-py3-none-any.whl|https://example.com/wheels/fastjson-2.0-py3-none-any.whl|7',
    ]);
  });

  it('reads PEP 621 dependency arrays and Poetry tables from pyproject.toml', () => {
    const text = [
      '[project]', 'name = "shop"', 'dependencies = [', '  "fastapi>=0.111",', "  'pydantic[email]>=2',", ']',
      '[project.optional-dependencies]', 'test = ["pytest>=8"]',
      '[tool.poetry.dependencies]', 'python = "^3.11"', 'httpx = "^0.27"', 'payments = { git = "https://github.com/acme/payments.git", rev = "0a1b2c3d4e5f" }',
      '',
    ].join('\n');
    assert.deepEqual(deps('pyproject.toml', text).map(brief), [
      'fastapi|>=0.111|project.dependencies|3:3-10',
      'pydantic|>=2|project.dependencies|4:3-11',
      'pytest|>=8|project.optional-dependencies.test|7:9-15',
      'httpx|^0.27|tool.poetry.dependencies|10:0-5',
      'payments|git+https://github.com/acme/payments.git#0a1b2c3d4e5f|tool.poetry.dependencies|11:0-8',
    ]);
  });

  it('skips multi-line strings in TOML and per-requirement options like --hash', () => {
    const toml = [
      '[project]', 'name = "shop"', 'description = """', 'A shop.', '[not a table]', '"""', 'dependencies = ["rich>=13"]', '',
      '[tool.black]', "extend-exclude = '''", '/(', '  migrations', ')/', "'''", '',
    ].join('\n');
    assert.deepEqual(deps('pyproject.toml', toml).map(brief), ['rich|>=13|project.dependencies|6:17-21']);
    assert.deepEqual(deps('requirements.txt', 'requests==2.32.3 --hash=sha256:0123abcd \\\n    --hash=sha256:4567ef\n').map((d) => `${d.name}|${d.spec}`), ['requests|==2.32.3']);
    assert.equal(parseManifest('pyproject.toml', '[project]\ndescription = """\nnever closed\n').ok, false);
  });

  it('reads Pipfile, go.mod, Cargo.toml, pom.xml, Gradle, Gemfile and composer.json', () => {
    assert.deepEqual(deps('Pipfile', '[packages]\ndjango = "==5.0"\n\n[dev-packages]\npytest = "*"\n').map(brief),
      ['django|==5.0|packages|1:0-6', 'pytest|*|dev-packages|4:0-6']);
    assert.deepEqual(deps('go.mod', 'module example.com/shop\n\nrequire github.com/pkg/errors v0.9.1\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0 // indirect\n)\n').map(brief),
      ['github.com/pkg/errors|v0.9.1|require|2:8-29', 'github.com/gin-gonic/gin|v1.10.0|require|4:1-25']);
    assert.deepEqual(deps('Cargo.toml', '[package]\nname = "shop"\n\n[dependencies]\nserde = { version = "1", features = ["derive"] }\n\n[dev-dependencies.mockito]\nversion = "1.4"\n').map(brief),
      ['serde|1|dependencies|4:0-5', 'mockito|1.4|dev-dependencies|6:18-25']);
    const pom = '<project>\n<dependencies>\n  <dependency>\n    <groupId>com.google.guava</groupId>\n    <artifactId>guava</artifactId>\n    <version>33.2.1-jre</version>\n  </dependency>\n</dependencies>\n</project>\n';
    assert.deepEqual(deps('pom.xml', pom).map((d) => `${d.name}|${d.spec}|${d.range.start.line}`), ['com.google.guava:guava|33.2.1-jre|4']);
    assert.deepEqual(deps('build.gradle.kts', 'dependencies {\n    implementation("com.squareup.okhttp3:okhttp:4.12.0")\n    testImplementation(group = "junit", name = "junit", version = "4.13.2")\n}\n').map((d) => `${d.name}|${d.spec}|${d.range.start.line}`),
      ['com.squareup.okhttp3:okhttp|4.12.0|1', 'junit:junit|4.13.2|2']);
    assert.deepEqual(deps('Gemfile', "source 'https://rubygems.org'\ngem 'rails', '~> 7.1', '>= 7.1.3'\ngem 'pay', github: 'acme/pay'\n").map((d) => `${d.name}|${d.spec}|${d.range.start.line}`),
      ['rails|~> 7.1, >= 7.1.3|1', 'pay|github:acme/pay|2']);
    assert.deepEqual(deps('composer.json', '{"require": {"php": "^8.2", "ext-json": "*", "laravel/framework": "^11.0"}}').map((d) => `${d.name}|${d.spec}`),
      ['laravel/framework|^11.0']);
  });

  it('returns an error, never throws, for malformed manifests', () => {
    for (const [path, text] of [
      ['package.json', '{ "dependencies": { "express": '],
      ['pyproject.toml', '[project]\ndependencies = [\n  "fastapi",\n'],
      ['go.mod', 'module x\nrequire (\n\tgithub.com/a/b v1\n'],
      ['pom.xml', '<project><dependencies><dependency><groupId>a</groupId>'],
      ['requirements.txt', 'requests\n===\n'],
      ['Cargo.toml', '[dependencies]\nthis is not toml\n'],
    ] as const) {
      const r = parseManifest(path, text);
      assert.equal(r.ok, false, path);
    }
  });

  it('lists dependencies an edit added, and those whose specifier changed', () => {
    const before = '{"dependencies": {"express": "^4.19.2", "lodash": "^4.17.21"}}';
    const after = '{"dependencies": {"express": "^4.19.2", "lodash": "github:someone/lodash", "expresss": "^1.0.0"}}';
    const r = addedDependencies('package.json', before, after);
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((d) => `${d.name}|${d.change}|${d.previousSpec ?? ''}`), ['lodash|changed|^4.17.21', 'expresss|added|']);
  });

  it('treats PyPI names that differ only in case and separators as the same dependency', () => {
    const r = addedDependencies('requirements.txt', 'PyYAML==6.0\nzope.interface\n', 'pyyaml==6.0\nzope-interface\nrich\n');
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((d) => d.name), ['rich']);
  });

  it('counts every dependency as added when there was no file before', () => {
    const r = addedDependencies('requirements.txt', undefined, 'rich\n');
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((d) => `${d.name}|${d.change}`), ['rich|added']);
  });
});
