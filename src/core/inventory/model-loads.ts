// Model loading in code: which calls fetch or unpickle model artefacts, and what makes each unsafe
// (no pinned revision, remote code, pickle-based formats, plain HTTP). Shared by the guardrail rules
// (`model-*`, on parsed calls) and the inventory's whole-file scan (on text).

/** The rule a model-loading issue belongs to. */
export type ModelRuleId = 'model-load-unpinned' | 'model-remote-code' | 'model-unsafe-deserialization';

/** One problem with a model-loading call. */
export interface ModelIssue {
  readonly ruleId: ModelRuleId;
  /** Says what and how to fix, e.g. "`from_pretrained(\"org/x\")` fetches ... Pin `revision=`". */
  readonly message: string;
  /** What the guardrail engine names (`trust_remote_code=True`, `torch.load`). */
  readonly label: string;
  /** The message without the advice, for the guardrail engine (which adds where it happened). */
  readonly summary: string;
}

/** What a call loads and how. */
export interface ModelCall {
  /** `from_pretrained`, `hf_hub_download`, `pipeline`, `torch.load`, `joblib.load`... */
  readonly loader: string;
  /** The model, dataset, URL or file it loads, when written as a literal. */
  readonly model?: string;
  /** Fetched from a hub or URL (not a local path). */
  readonly remote: boolean;
  /** A revision pinned to a commit (40 hex) or given by a variable. */
  readonly pinned: boolean;
  readonly issues: readonly ModelIssue[];
}

/** Per-file cache of variable and constant lookups (each one scans the file; at most 64 per file). */
export type Memo = Map<string, boolean | string | null>;

/** The language a call is written in. */
export type ModelLanguage = 'python' | 'js';

const HF_LOADERS = /^(?:from_pretrained|hf_hub_download|snapshot_download|load_dataset|pipeline|SentenceTransformer|CrossEncoder|load_model_from_hub|from_hub)$/;
const PICKLE_LOADERS = /^(?:pickle\.loads?|cPickle\.loads?|dill\.loads?|cloudpickle\.loads?|joblib\.load|pd\.read_pickle|pandas\.read_pickle|read_pickle)$/;
const DOWNLOADED = /hf_hub_download|snapshot_download|cached_download|cached_path|urlretrieve|urlopen|requests\.get|httpx\.get|wget|download|\.content\b|https?:\/\//;
const MODEL_FILE = /\.(?:bin|pt|pth|ckpt|onnx|safetensors|pkl|pickle|joblib|h5|keras|gguf|ggml|tflite|pb|npz|npy|parquet|arrow|jsonl|csv|zip|tar|gz|tgz|model)(?:[?#]|$)/i;
const SHA = /^[0-9a-f]{40}$/;

/** A string literal's value, or undefined when the text is not one literal. */
export function literal(text: string): string | undefined {
  const t = text.trim();
  const m = /^(?:[rbuRBU]{0,2})(["'`])([^"'`\n]{0,500})\1$/.exec(t);
  return m ? m[2] : undefined;
}

interface Arg { readonly name?: string; readonly value: string }

function splitArg(text: string, lang: ModelLanguage): Arg {
  const m = lang === 'python' ? /^([A-Za-z_]\w{0,40})\s*=(?!=)\s*([\s\S]*)$/.exec(text.trim()) : undefined;
  return m ? { name: m[1] ?? '', value: (m[2] ?? '').trim() } : { value: text.trim() };
}

/** Options of a JS call written as an object literal: `{ revision: 'abc', local_files_only: true }`. */
function jsOptions(args: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of args) {
    const t = a.trim();
    if (!t.startsWith('{')) continue;
    for (const m of t.slice(1, 2000).matchAll(/([A-Za-z_$][\w$]{0,40})\s*:\s*([^,}\n]{1,200})/g)) out.set(m[1] ?? '', (m[2] ?? '').trim());
  }
  return out;
}

function isLocalPath(value: string): boolean {
  return /^(?:\.{1,2}[\\/]|\/|~|[A-Za-z]:\\|file:)/.test(value) || (MODEL_FILE.test(value) && !/^https?:/.test(value));
}

/** Whether a `revision` value pins: a commit sha literal, or a variable (assumed pinned elsewhere). */
function pins(value: string | undefined): boolean {
  if (value === undefined) return false;
  const lit = literal(value);
  return lit === undefined ? !/^(?:None|null|undefined)$/.test(value.trim()) : SHA.test(lit);
}

/**
 * Classifies one call by its callee (`AutoModel.from_pretrained`, `torch.load`) and argument texts
 * (`"org/model"`, `revision="…"`). `fileText` tells which library a bare `pipeline` comes from.
 * Returns undefined for calls that load no model.
 */
export function classifyModelCall(callee: string, args: readonly string[], lang: ModelLanguage, fileText: string, memo: Memo = new Map()): ModelCall | undefined {
  const name = callee.slice(callee.lastIndexOf('.') + 1);
  if (callee === 'torch.load') return torchLoad(args, lang);
  if (PICKLE_LOADERS.test(callee)) return pickleLoad(callee, args, lang, fileText, memo);
  if (/^(?:np|numpy)\.load$/.test(callee)) return numpyLoad(args, lang);
  if (HF_LOADERS.test(name)) return hubLoad(callee, name, args, lang, fileText, memo);
  if (/^(?:urlretrieve|urllib\.request\.urlretrieve|wget\.download|load_state_dict_from_url|torch\.hub\.load_state_dict_from_url|download_url_to_file|torch\.hub\.download_url_to_file|requests\.get|fetch)$/.test(callee)) return urlFetch(callee, args);
  return undefined;
}

function torchLoad(args: readonly string[], lang: ModelLanguage): ModelCall | undefined {
  if (lang !== 'python') return undefined;
  const parsed = args.map((a) => splitArg(a, lang));
  const wo = parsed.find((a) => a.name === 'weights_only');
  const model = literal(parsed.find((a) => !a.name)?.value ?? '');
  const safe = wo !== undefined && /^True$/.test(wo.value);
  const issues: ModelIssue[] = safe ? [] : [{
    ruleId: 'model-unsafe-deserialization', label: 'torch.load',
    summary: `\`torch.load\` unpickles the checkpoint without \`weights_only=True\``,
    message: wo ? `\`torch.load(..., weights_only=${wo.value})\` unpickles the checkpoint: a crafted file runs code when loaded. Use \`weights_only=True\`, or safetensors.`
      : '`torch.load` without `weights_only=True` unpickles the checkpoint: a crafted file runs code when loaded. Pass `weights_only=True`, or use safetensors.',
  }];
  return { loader: 'torch.load', ...(model ? { model } : {}), remote: false, pinned: false, issues };
}

function pickleLoad(callee: string, args: readonly string[], lang: ModelLanguage, fileText: string, memo: Memo): ModelCall | undefined {
  if (lang !== 'python') return undefined;
  const argText = args.join(',');
  const first = literal(splitArg(args[0] ?? '', lang).value);
  // A pickle of a downloaded file: the argument (or the file it is read from) comes from a hub or URL.
  const downloaded = DOWNLOADED.test(argText) || downloadedFileInScope(argText, fileText, memo);
  if (!downloaded) return undefined;
  return {
    loader: callee, ...(first ? { model: first } : {}), remote: true, pinned: false,
    issues: [{ ruleId: 'model-unsafe-deserialization', label: callee, summary: `\`${callee}\` unpickles a downloaded file`,
      message: `\`${callee}\` loads a downloaded file with pickle: whoever controls that file runs code on this machine. Use a format that holds only data (safetensors, ONNX, JSON), or verify a pinned hash first.` }],
  };
}

/** True when the variable passed to a loader was assigned from a download in the same file. */
function downloadedFileInScope(argText: string, fileText: string, memo: Memo, depth = 0): boolean {
  const v = /^\s*(?:open\(\s*)?([A-Za-z_]\w{0,60})/.exec(argText)?.[1];
  if (!v || depth > 2) return false;
  const known = memo.get(v);
  if (typeof known === 'boolean') return known;
  // Each lookup scans the file: a bounded number per file keeps adversarial input linear.
  if (memo.size >= 64) return false;
  memo.set(v, false);
  const result = downloadedVariable(v, fileText, memo, depth);
  memo.set(v, result);
  return result;
}

function downloadedVariable(v: string, fileText: string, memo: Memo, depth: number): boolean {
  const assign = new RegExp(`\\b${v}\\s*=(?!=)\\s*([^\\n]{0,300})`).exec(fileText);
  if (assign) return DOWNLOADED.test(assign[1] ?? '') || downloadedFileInScope(assign[1] ?? '', fileText, memo, depth + 1);
  // `with open(path, "rb") as f:` then `pickle.load(f)`.
  const opened = new RegExp(`open\\(\\s*([A-Za-z_]\\w{0,60})\\b[^\\n]{0,100}\\bas\\s+${v}\\b`).exec(fileText);
  return opened ? DOWNLOADED.test(opened[1] ?? '') || downloadedFileInScope(opened[1] ?? '', fileText, memo, depth + 1) : false;
}

function numpyLoad(args: readonly string[], lang: ModelLanguage): ModelCall | undefined {
  if (lang !== 'python') return undefined;
  const ap = args.map((a) => splitArg(a, lang)).find((a) => a.name === 'allow_pickle');
  if (!ap || ap.value !== 'True') return undefined;
  return { loader: 'numpy.load', remote: false, pinned: false, issues: [{ ruleId: 'model-unsafe-deserialization', label: 'allow_pickle=True', summary: '`numpy.load` unpickles object arrays (`allow_pickle=True`)',
    message: '`numpy.load(..., allow_pickle=True)` unpickles object arrays: a crafted file runs code when loaded. Keep `allow_pickle=False`.' }] };
}

function hubLoad(callee: string, name: string, args: readonly string[], lang: ModelLanguage, fileText: string, memo: Memo): ModelCall | undefined {
  const js = lang === 'js';
  if (js && !/@xenova\/transformers|@huggingface\/transformers/.test(fileText)) return undefined;
  if (!js && name === 'pipeline' && !/\btransformers\b/.test(fileText)) return undefined;
  if (!js && (name === 'SentenceTransformer' || name === 'CrossEncoder') && !/sentence_transformers/.test(fileText)) return undefined;
  const parsed = args.map((a) => splitArg(a, lang));
  const positional = parsed.filter((a) => !a.name);
  const kw = new Map(parsed.filter((a) => a.name).map((a) => [a.name as string, a.value]));
  const opts = js ? jsOptions(args) : new Map<string, string>();
  const get = (k: string): string | undefined => kw.get(k) ?? opts.get(k);
  const modelArg = name === 'pipeline'
    ? (get('model') ?? positional[1]?.value)
    : (get('repo_id') ?? get('pretrained_model_name_or_path') ?? get('model_name_or_path') ?? get('path') ?? positional[0]?.value);
  const model = modelArg !== undefined ? literal(modelArg) ?? constantValue(modelArg, fileText, memo) : undefined;
  const localOnly = /^(?:True|true)$/.test(get('local_files_only') ?? '') || (js && /env\.allowRemoteModels\s*=\s*false/.test(fileText));
  // A variable may hold a local folder: only literals (and a pipeline's default model) are known to be fetched.
  const remote = !localOnly && (model !== undefined ? !isLocalPath(model) : modelArg === undefined && name === 'pipeline');
  const pinned = pins(get('revision'));
  const issues: ModelIssue[] = [];
  if (remote && !pinned) {
    const what = model !== undefined ? `\`${model}\`` : 'the library\'s default model';
    const http = model !== undefined && /^http:\/\//i.test(model) ? ' over plain HTTP' : '';
    issues.push({ ruleId: 'model-load-unpinned', label: 'no pinned revision',
      summary: `\`${name}\` fetches ${what}${js ? '' : http} from the Hugging Face Hub without a pinned revision`,
      message: js
        ? `\`${name}\` fetches ${what} from the Hugging Face Hub at run time, unpinned: whatever is pushed next is what runs. Pin \`revision: '<commit sha>'\`, or serve it locally (\`env.allowRemoteModels = false\`).`
        : `\`${name}\` fetches ${what}${http} from the Hugging Face Hub without a pinned \`revision\`: whatever is pushed next is what runs. Pin \`revision="<commit sha>"\`.` });
  }
  const trc = get('trust_remote_code');
  if (trc !== undefined && /^(?:True|true)$/.test(trc)) {
    issues.push({ ruleId: 'model-remote-code', label: 'trust_remote_code=True',
      summary: `\`trust_remote_code=True\` runs the code shipped with ${model !== undefined ? `\`${model}\`` : 'the model'}`,
      message: `\`trust_remote_code=True\` runs the Python code shipped with ${model !== undefined ? `\`${model}\`` : 'the model'} on this machine${pinned ? '' : ', and without a pinned revision that code can change at any time'}. Drop it, or pin a reviewed \`revision\`.` });
  }
  return { loader: name, ...(model !== undefined ? { model } : {}), remote, pinned, issues };
}

/** The string a module-level constant holds (`MODEL_ID = "org/model"`), looked up once per name. */
function constantValue(name: string, fileText: string, memo: Memo): string | undefined {
  const id = name.trim();
  if (!/^[A-Za-z_$][\w$]{0,60}$/.test(id)) return undefined;
  const key = `const:${id}`;
  const known = memo.get(key);
  if (known !== undefined) return typeof known === 'string' ? known : undefined;
  if (memo.size >= 64) return undefined;
  const m = new RegExp(`(?:^|\\n)(?:export\\s+)?(?:const\\s+|let\\s+|var\\s+)?${id.replace(/\$/g, '\\$')}\\s*(?::\\s*[\\w.]{1,40}\\s*)?=\\s*(["'\`])([^"'\`\\n]{1,200})\\1`).exec(fileText);
  memo.set(key, m?.[2] ?? null);
  return m?.[2];
}

function urlFetch(callee: string, args: readonly string[]): ModelCall | undefined {
  const url = literal(args[0] ?? '');
  if (!url || !/^http:\/\//i.test(url) || /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])[:/]/i.test(url)) return undefined;
  if (!MODEL_FILE.test(url) && !/huggingface\.co|\/models?\/|\/datasets?\//i.test(url)) return undefined;
  return { loader: callee, model: url, remote: true, pinned: false, issues: [{ ruleId: 'model-load-unpinned', label: 'plain HTTP download', summary: `\`${callee}\` downloads \`${url}\` over plain HTTP`,
    message: `\`${callee}\` downloads \`${url}\` over plain HTTP: anyone on the network path can swap the file. Use HTTPS and check a pinned hash.` }] };
}

/** One model-loading call found in a file, with its 1-based line. */
export interface ModelLoad extends ModelCall {
  readonly line: number;
  readonly callee: string;
}

const CALL_START = /\b((?:[A-Za-z_$][\w$]{0,60}\.){0,4}(?:from_pretrained|hf_hub_download|snapshot_download|load_dataset|pipeline|SentenceTransformer|CrossEncoder|load|loads|read_pickle|urlretrieve|download|load_state_dict_from_url|download_url_to_file|get|fetch))\s*\(/g;
const MAX_ARGS = 4000;

/** Quick test: may this text load a model? (Saves parsing files that cannot.) */
export function mayLoadModels(text: string): boolean {
  return /from_pretrained|hf_hub_download|snapshot_download|load_dataset|pipeline\s*\(|SentenceTransformer|torch\.load|pickle|joblib|dill\.load|allow_pickle|urlretrieve|load_state_dict_from_url|http:\/\//.test(text);
}

/** The language of a source path, or undefined for files the scan skips. */
export function modelLanguageOf(path: string): ModelLanguage | undefined {
  if (/\.py$/i.test(path)) return 'python';
  if (/\.(?:[cm]?[jt]s|[jt]sx)$/i.test(path)) return 'js';
  return undefined;
}

/**
 * Every model-loading call in a whole file, from its text (no grammar needed): calls are found by name,
 * their arguments by bracket matching that skips strings and comments. Linear in the text.
 */
export function scanModelLoads(text: string, lang: ModelLanguage): ModelLoad[] {
  if (!mayLoadModels(text)) return [];
  const out: ModelLoad[] = [];
  const memo: Memo = new Map();
  const budget = { left: 4 * text.length + 20_000 };
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const m of text.matchAll(CALL_START)) {
    const start = m.index ?? 0;
    const line = lineOf(start);
    const lineText = text.slice(lineStarts[line] ?? 0, start);
    if (/^\s*(?:#|\/\/|\*)/.test(lineText) || /\b(?:def|function)\s+$/.test(lineText)) continue;
    const callee = (m[1] ?? '').replace(/^(?:await|new)\s+/, '');
    // Unbalanced calls make each scan run to its bound: a budget keeps the whole file linear.
    if (budget.left <= 0) break;
    const args = argumentsAt(text, start + m[0].length, budget);
    if (!args) continue;
    const call = classifyModelCall(callee, args, lang, text, memo);
    if (call) out.push({ ...call, callee, line: line + 1 });
  }
  return out;
}

/** Splits the arguments of a call whose `(` ends just before `from`, or undefined when unbalanced within the bound. */
function argumentsAt(text: string, from: number, budget: { left: number }): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let quote = 0;
  let argStart = from;
  const end = Math.min(text.length, from + MAX_ARGS);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 0x5c) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x22 || c === 0x27 || c === 0x60) quote = c;
    else if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      if (depth === 0) {
        budget.left -= i - from;
        const last = text.slice(argStart, i).trim();
        if (last) args.push(last);
        return args;
      }
      depth--;
    } else if (c === 0x2c && depth === 0) {
      args.push(text.slice(argStart, i).trim());
      argStart = i + 1;
    }
  }
  budget.left -= end - from;
  return undefined;
}
