// Model-loading calls: what each loads and which rules it breaks, from text and through the guardrail engine.
import * as assert from 'node:assert/strict';
import { classifyModelCall, scanModelLoads } from '../../../src/core/inventory';
import { GuardrailEngine } from '../../../src/core/guardrails';
import { modelTextPatterns } from '../../../src/core/inventory/model-guardrails';
import { analyze, lines } from '../guardrails/helpers';

const HF = 'from transformers import AutoModel, pipeline\n';
const rules = (callee: string, args: string[], text = HF, lang: 'python' | 'js' = 'python'): string[] =>
  (classifyModelCall(callee, args, lang, text)?.issues ?? []).map((i) => i.ruleId);

describe('classifyModelCall', () => {
  it('flags Hub loads without a commit revision, and accepts a sha or a variable', () => {
    assert.deepEqual(rules('AutoModel.from_pretrained', ['"org/model"']), ['model-load-unpinned']);
    assert.deepEqual(rules('AutoModel.from_pretrained', ['"org/model"', 'revision="main"']), ['model-load-unpinned']);
    assert.deepEqual(rules('AutoModel.from_pretrained', ['"org/model"', 'revision="0123456789abcdef0123456789abcdef01234567"']), []);
    assert.deepEqual(rules('AutoModel.from_pretrained', ['"org/model"', 'revision=REV']), []);
    assert.deepEqual(rules('hf_hub_download', ['repo_id="org/model"', 'filename="model.safetensors"']), ['model-load-unpinned']);
    assert.deepEqual(rules('pipeline', ['"sentiment-analysis"']), ['model-load-unpinned']);
  });

  it('leaves local paths and local-only loads alone', () => {
    assert.deepEqual(rules('AutoModel.from_pretrained', ['"./models/bert"']), []);
    assert.deepEqual(rules('AutoModel.from_pretrained', ['"org/model"', 'local_files_only=True']), []);
    assert.deepEqual(rules('AutoModel.from_pretrained', ['model_dir']), []);
  });

  it('flags trust_remote_code=True, torch.load without weights_only=True and allow_pickle=True', () => {
    assert.deepEqual(rules('AutoModel.from_pretrained', ['"org/m"', 'revision="0123456789abcdef0123456789abcdef01234567"', 'trust_remote_code=True']), ['model-remote-code']);
    assert.deepEqual(rules('torch.load', ['path']), ['model-unsafe-deserialization']);
    assert.deepEqual(rules('torch.load', ['path', 'weights_only=False']), ['model-unsafe-deserialization']);
    assert.deepEqual(rules('torch.load', ['path', 'weights_only=True']), []);
    assert.deepEqual(rules('np.load', ['path', 'allow_pickle=True']), ['model-unsafe-deserialization']);
  });

  it('flags pickle, dill and joblib loads of downloaded files only', () => {
    const text = 'import joblib\np = hf_hub_download("org/m", "model.joblib", revision=REV)\n';
    assert.deepEqual(rules('joblib.load', ['p'], text), ['model-unsafe-deserialization']);
    assert.deepEqual(rules('joblib.load', ['"local.joblib"'], 'import joblib\n'), []);
    const opened = 'path = urlretrieve(URL)[0]\nwith open(path, "rb") as fh:\n    m = pickle.load(fh)\n';
    assert.deepEqual(rules('pickle.load', ['fh'], opened), ['model-unsafe-deserialization']);
  });

  it('flags model files downloaded over plain HTTP', () => {
    assert.deepEqual(rules('urllib.request.urlretrieve', ['"http://files.example/m.onnx"', 'dest']), ['model-load-unpinned']);
    assert.deepEqual(rules('urllib.request.urlretrieve', ['"https://files.example/m.onnx"', 'dest']), []);
    assert.deepEqual(rules('urllib.request.urlretrieve', ['"http://localhost:8000/m.onnx"', 'dest']), []);
  });

  it('knows transformers.js: remote unless pinned or allowRemoteModels is false', () => {
    const js = "import { pipeline, env } from '@huggingface/transformers';\n";
    assert.deepEqual(rules('pipeline', ["'summarization'", "'org/m'"], js, 'js'), ['model-load-unpinned']);
    assert.deepEqual(rules('pipeline', ["'summarization'", "'org/m'", "{ revision: '0123456789abcdef0123456789abcdef01234567' }"], js, 'js'), []);
    assert.deepEqual(rules('pipeline', ["'summarization'", "'org/m'"], `${js}env.allowRemoteModels = false;\n`, 'js'), []);
    assert.equal(classifyModelCall('pipeline', ["'summarization'", "'org/m'"], 'js', 'import { pipeline } from "./local";\n'), undefined);
  });
});

describe('scanModelLoads', () => {
  it('finds multi-line calls with their 1-based lines and skips comments', () => {
    const text = lines(
      'from transformers import AutoModel',
      '# AutoModel.from_pretrained("org/commented")',
      'model = AutoModel.from_pretrained(',
      '    "org/model",',
      '    trust_remote_code=True,',
      ')',
    );
    assert.deepEqual(scanModelLoads(text, 'python').map((l) => `${l.line}:${l.model}:${l.issues.map((i) => i.ruleId).join('+')}`), ['3:org/model:model-load-unpinned+model-remote-code']);
  });

  it('returns nothing for files that load no model', () => {
    assert.deepEqual(scanModelLoads('import json\nd = json.load(open("a.json"))\n', 'python'), []);
  });
});

describe('model rules in the guardrail engine', () => {
  it('reports trust_remote_code added by an edit, with the model named', async () => {
    const before = lines(HF.trim(), 'm = AutoModel.from_pretrained("org/m", revision="0123456789abcdef0123456789abcdef01234567")');
    const after = lines(HF.trim(), 'm = AutoModel.from_pretrained("org/m", revision="0123456789abcdef0123456789abcdef01234567", trust_remote_code=True)');
    const { findings } = await analyze(before, after, 'python');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line + 1, f.change]), [['model-remote-code', 2, 'downgraded']]);
    assert.match(findings[0]?.message ?? '', /^`trust_remote_code=True` runs the code shipped with `org\/m`/);
  });

  it('stays silent when an unpinned load was already there before the edit', async () => {
    const before = lines(HF.trim(), 'm = AutoModel.from_pretrained("org/m")', 'x = 1');
    const after = lines(HF.trim(), 'm = AutoModel.from_pretrained("org/m")', 'x = 2');
    assert.deepEqual((await analyze(before, after, 'python')).findings, []);
  });
});

describe('model rules in the textual layer', () => {
  it('reports trust_remote_code and torch.load added to a file whose grammar is not loaded', () => {
    const bare = new GuardrailEngine(async () => { throw new Error('no grammar in this test'); });
    const { findings, language } = bare.analyzeEdit({
      before: 'model = load()\n',
      after: 'model = AutoModel.from_pretrained("org/m", trust_remote_code=True)\nstate = torch.load(path)\n',
      languageId: 'python',
    });
    assert.equal(language, 'text');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line + 1, f.confidence]), [
      ['model-load-unpinned', 1, 'low'], ['model-remote-code', 1, 'low'], ['model-unsafe-deserialization', 2, 'low'],
    ]);
  });

  it('matches 100 kB lines in bounded time', () => {
    const lines = ['from_pretrained("a/b"' + ' x'.repeat(50_000), 'torch.load(' + 'a'.repeat(100_000), `"http://h/${'a'.repeat(100_000)}.bin`, 'trust_remote_code' + ' '.repeat(100_000) + '= True'];
    const start = Date.now();
    for (const patterns of Object.values(modelTextPatterns)) for (const p of patterns) for (const l of lines) p.re.test(l);
    assert.ok(Date.now() - start < 1000);
  });
});
