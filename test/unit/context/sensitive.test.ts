// Sensitive paths: the default globs, templates that are not sensitive, and settings that add or remove globs.
import * as assert from 'node:assert/strict';
import { defaultSensitiveGlobs, sensitiveMatcher } from '../../../src/core/context';

describe('sensitiveMatcher', () => {
  const isSensitive = sensitiveMatcher();

  const cases: [string, string][] = [
    ['.env', '.env*'], ['services/api/.env.production', '.env*'], ['certs/server.pem', '*.pem'], ['tls/private.key', '*.key'],
    ['home/.ssh/id_rsa', 'id_rsa*'], ['deploy/id_ed25519', 'id_ed25519*'], ['android/release.p12', '*.p12'], ['win/cert.pfx', '*.pfx'],
    ['app/keystore.jks', '*.jks'], ['app/upload.keystore', '*.keystore'], ['config/credentials.json', 'credentials*'],
    ['config/secrets.yaml', 'secrets.*'], ['infra/terraform.tfstate.backup', '*.tfstate*'], ['.npmrc', '.npmrc'], ['.pypirc', '.pypirc'],
    ['.netrc', '.netrc'], ['.git-credentials', '.git-credentials'], ['ops/kubeconfig', 'kubeconfig'], ['.aws/config', '**/.aws/**'],
    ['home/.ssh/known_hosts', '**/.ssh/**'], ['keys/service-account-prod.json', 'service-account*.json'],
  ];
  for (const [path, glob] of cases) {
    it(`marks ${path} sensitive through ${glob}`, () => {
      assert.deepEqual(isSensitive(path), { sensitive: true, glob });
    });
  }

  for (const path of ['.env.example', 'api/.env.sample', '.env.template', 'src/index.ts', 'README.md', 'keys/deploy.pub', 'docs/secrets-management.md']) {
    it(`does not mark ${path} sensitive`, () => {
      assert.deepEqual(isSensitive(path), { sensitive: false });
    });
  }

  it('lists the defaults of issue 6 in order', () => {
    assert.equal(defaultSensitiveGlobs[0], '.env*');
    assert.equal(defaultSensitiveGlobs.length, 20);
  });

  it('adds globs from settings and drops removed ones', () => {
    const custom = sensitiveMatcher({ add: ['customers/**/*.csv'], remove: ['*.key', 'fixtures/**'] });
    assert.deepEqual(custom('customers/eu/2024.csv'), { sensitive: true, glob: 'customers/**/*.csv' });
    assert.deepEqual(custom('tls/private.key'), { sensitive: false });
    assert.deepEqual(custom('fixtures/certs/test.pem'), { sensitive: false });
    assert.deepEqual(custom('certs/real.pem'), { sensitive: true, glob: '*.pem' });
  });

  it('accepts Windows separators and a leading ./', () => {
    assert.deepEqual(isSensitive('.\\config\\.env.local'), { sensitive: true, glob: '.env*' });
  });
});
