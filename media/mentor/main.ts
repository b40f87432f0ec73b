// The mentoring panel's script (bundled by esbuild into dist/mentor/mentor.js). Says `ready`, then
// renders each page the extension posts. Builds the DOM with textContent; only the rule pages'
// HTML, rendered by markdown-it with raw HTML disabled in the extension host, goes in as markup.
import type {
  CodeExcerpt, CodeLine, FindingPage, HostMessage, LibraryPage, Page, PanelState, RuleInfo, RulePage, WebviewMessage,
} from '../../src/extension/mentor/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const announcer = document.getElementById('announce')!;

type Child = Node | string | undefined | false;

/** `h('p', { class: 'x' }, 'text', child)`: a small element builder (text is always textContent). */
function h(tag: string, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** HTML rendered by markdown-it (html: false) in the extension host. */
function rendered(html: string, className = 'doc'): HTMLElement {
  const div = h('div', { class: className });
  div.innerHTML = html;
  return div;
}

function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

function button(label: string, iconName: string, onClick: () => void, attrs: Record<string, string | boolean> = {}): HTMLElement {
  const b = h('button', { type: 'button', ...attrs }, icon(iconName), ` ${label}`);
  b.addEventListener('click', onClick);
  return b;
}

function linkButton(label: string, onClick: () => void, attrs: Record<string, string | boolean> = {}): HTMLElement {
  const b = h('button', { type: 'button', class: 'link', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

function codeLine(line: CodeLine, side: 'removed' | 'added'): HTMLElement {
  const code = h('span', { class: 'code' });
  let change: HTMLElement | undefined;  // consecutive changed tokens share one <del>/<ins>
  for (const t of line.tokens) {
    const span = h('span', { class: `tok-${t.kind}` }, t.text);
    if (!t.changed) {
      change = undefined;
      code.append(span);
      continue;
    }
    if (!change) code.append(change = h(side === 'removed' ? 'del' : 'ins', { class: 'chg' }));
    change.append(span);
  }
  const label = line.mark === 'removed' ? 'removed' : line.mark === 'added' ? 'added' : undefined;
  return h('div', { class: `line${line.mark ? ` ${line.mark}` : ''}`, 'data-line': String(line.number) },
    h('span', { class: 'ln', 'aria-hidden': 'true' }, String(line.number)),
    h('span', { class: 'sign', 'aria-hidden': 'true' }, line.mark === 'removed' ? '−' : line.mark === 'added' ? '+' : ' '),
    label ? h('span', { class: 'visually-hidden' }, `${label}: `) : undefined,
    code);
}

function pane(excerpt: CodeExcerpt, side: 'removed' | 'added'): HTMLElement {
  return h('figure', { class: `pane ${side === 'removed' ? 'before' : 'after'}` },
    h('figcaption', {}, excerpt.label),
    h('pre', { tabindex: '0', 'aria-label': `${excerpt.label}, code` }, h('code', {}, ...excerpt.lines.map((l) => codeLine(l, side)))));
}

function ruleHeader(rule: RuleInfo, ...extra: Child[]): HTMLElement {
  return h('header', {},
    h('h1', { tabindex: '-1' }, rule.title),
    h('p', { class: 'meta' },
      h('span', { class: `badge ${rule.severity}` }, rule.severity),
      h('span', { class: 'family' }, icon('shield'), ` ${rule.familyLabel}`),
      h('code', { class: 'rule-id' }, rule.id)),
    ...extra);
}

function ruleSections(rule: RuleInfo, fixActions?: HTMLElement): HTMLElement[] {
  const answerId = `answer-${rule.id}`;
  const answer = rendered(rule.sections.answer, 'doc answer');
  answer.id = answerId;
  answer.hidden = true;
  const reveal = button('Reveal answer', 'eye', () => {
    answer.hidden = !answer.hidden;
    reveal.setAttribute('aria-expanded', String(!answer.hidden));
    reveal.lastChild!.textContent = answer.hidden ? ' Reveal answer' : ' Hide answer';
    if (!answer.hidden) answer.focus();
  }, { 'aria-expanded': 'false', 'aria-controls': answerId, class: 'secondary' });
  answer.tabIndex = -1;
  return [
    section('why', 'Why it matters',
      h('p', { class: 'family-note' }, h('strong', {}, `${rule.familyLabel}: `), rule.familySummary),
      rendered(rule.sections.whyItMatters)),
    section('fix', 'How to fix', rendered(rule.sections.howToFix), fixActions),
    section('check', 'Check yourself', rendered(rule.sections.question), reveal, answer),
    section('refs', 'References', rendered(rule.sections.references)),
  ];
}

function libraryLink(): HTMLElement {
  return h('nav', { 'aria-label': 'Mentor pages' }, linkButton('Open the risk library', () => post({ type: 'openLibrary' })));
}

function findingView(page: FindingPage): HTMLElement[] {
  const where = `${page.file}:${page.line}${page.context ? ` · ${page.context}` : ''}`;
  const edit = page.edit
    ? h('p', { class: 'edit' }, icon('sparkle'), ` Changed by a ${page.edit.kind}${page.edit.source ? ` (likely ${page.edit.source})` : ''} at ${page.edit.time}.`)
    : undefined;
  const status = h('p', { id: 'restore-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const actions = h('div', { class: 'actions' },
    page.canRestore
      ? button('Restore guardrail', 'discard', () => {
        status.textContent = 'Restoring…';
        post({ type: 'restore', ref: page.ref });
      }, { id: 'restore', class: 'primary' })
      : h('p', {}, 'This one cannot be restored mechanically: fix it by hand, or acknowledge it with a reason.'),
    button('Show removed code', 'diff', () => post({ type: 'showRemovedCode', ref: page.ref }), { class: 'secondary' }),
    status);
  return [
    ruleHeader(page.rule, rendered(page.messageHtml, 'message'), h('p', { class: 'where' }, icon('file-code'), ` ${where}`)),
    section('what', 'What happened in this change',
      edit,
      h('div', { class: 'sides' }, page.before ? pane(page.before, 'removed') : undefined, pane(page.after, 'added')),
      page.removedSnippet && !page.before ? h('pre', { class: 'snippet', tabindex: '0', 'aria-label': 'Removed code' }, h('code', {}, page.removedSnippet)) : undefined,
      h('details', {}, h('summary', {}, 'About this rule'), rendered(page.rule.sections.whatHappened))),
    ...ruleSections(page.rule, actions),
    libraryLink(),
  ];
}

function ruleView(page: RulePage): HTMLElement[] {
  return [
    ruleHeader(page.rule, page.note ? h('p', { class: 'note' }, icon('info'), ` ${page.note}`) : undefined),
    section('what', 'What happened', rendered(page.rule.sections.whatHappened)),
    ...ruleSections(page.rule),
    libraryLink(),
  ];
}

function libraryView(page: LibraryPage): HTMLElement[] {
  const families = page.families.map((f) => section(`family-${f.id}`, f.label,
    h('p', {}, f.summary),
    h('ul', { class: 'rules' }, ...f.rules.map((r) => h('li', {},
      linkButton(r.title, () => post({ type: 'openRule', ruleId: r.id }), { 'aria-describedby': `desc-${r.id}` }),
      h('span', { class: `badge ${r.severity}` }, r.severity),
      h('p', { id: `desc-${r.id}`, class: 'description' }, r.description))))));
  const practices = section('practices', 'Team practices',
    h('ul', { class: 'practices' }, ...page.practices.map((p) => h('li', {}, h('strong', {}, p.title), rendered(p.html, 'doc inline')))));
  const met = section('met', 'Rules you have met',
    page.met.length === 0
      ? h('p', {}, 'None yet. Rules appear here the first time they flag one of your changes.')
      : h('ul', { class: 'met' }, ...page.met.map((m) => h('li', {},
        linkButton(m.title, () => post({ type: 'openRule', ruleId: m.ruleId })),
        h('span', { class: 'when' }, ` first seen ${new Date(m.firstSeen).toLocaleDateString()}`)))));
  return [
    h('header', {}, h('h1', { tabindex: '-1' }, 'Risk library'),
      h('p', {}, 'What can go wrong when an AI assistant writes code with you, grouped in three families, and the team habits that catch it.')),
    ...families, practices, met,
  ];
}

function title(page: Page): string {
  return page.kind === 'library' ? 'Risk library' : page.rule.title;
}

function render(page: Page): void {
  const nodes = page.kind === 'finding' ? findingView(page) : page.kind === 'rule' ? ruleView(page) : libraryView(page);
  app.replaceChildren(...nodes);
  app.querySelector<HTMLElement>('h1')?.focus();
  announcer.textContent = `Showing ${title(page)}`;
  const removed = [...app.querySelectorAll('.pane.before .line')];
  post({
    type: 'rendered',
    page: page.kind,
    ...(page.kind === 'library' ? {} : { ruleId: page.rule.id }),
    ...(removed.length > 0 ? {
      removedCode: removed.map((l) => l.querySelector('.code')?.textContent ?? '').join('\n'),
      removedLines: removed.filter((l) => l.classList.contains('removed')).map((l) => l.querySelector('.code')?.textContent ?? ''),
    } : {}),
    hasRestoreButton: app.querySelector('#restore') !== null,
  });
}

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'show') {
    vscode.setState(message.state);
    render(message.page);
  } else if (message.type === 'restoreResult') {
    const status = document.getElementById('restore-status');
    if (status) status.textContent = message.text;
    const restore = document.getElementById('restore') as HTMLButtonElement | null;
    if (restore && message.ok) restore.disabled = true;
  }
});

// Tell the extension we can take a page; it answers with the current one (or rebuilds the saved one).
const saved = vscode.getState();
post(saved ? { type: 'ready', state: saved } : { type: 'ready' });
