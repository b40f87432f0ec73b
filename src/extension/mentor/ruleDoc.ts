// Splits a rule's docs page (docs/rules/<id>.md) into its five sections and renders each to HTML
// with markdown-it, raw HTML disabled, so the webview gets escaped, script-free markup.
import MarkdownIt from 'markdown-it';
import type { RuleSections } from './protocol';

/** The section headings every rule page has, in order. */
export const RULE_SECTIONS = ['What happened', 'Why it matters', 'How to fix', 'Check yourself', 'References'] as const;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Links open outside the panel; keep them from carrying a referrer.
markdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]!.attrSet('rel', 'noreferrer');
  return self.renderToken(tokens, idx, options);
};

/** The raw Markdown of each `## ` section, keyed by heading. */
export function splitSections(markdownText: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let body: string[] = [];
  for (const line of markdownText.replace(/\r\n/g, '\n').split('\n')) {
    const m = /^## (.+?)\s*$/.exec(line);
    if (m) {
      if (heading !== undefined) sections.set(heading, body.join('\n').trim());
      heading = m[1]!;
      body = [];
    } else if (heading !== undefined) {
      body.push(line);
    }
  }
  if (heading !== undefined) sections.set(heading, body.join('\n').trim());
  return sections;
}

/** Renders a docs page to the panel's sections; a missing section renders as a short note. */
export function renderRuleDoc(markdownText: string | undefined): RuleSections {
  const sections = splitSections(markdownText ?? '');
  const html = (name: string): string => {
    const text = sections.get(name);
    return text ? markdown.render(text) : `<p>${markdown.utils.escapeHtml(`No "${name}" section in this rule's page yet.`)}</p>`;
  };
  const check = sections.get('Check yourself') ?? '';
  const at = check.search(/^\*\*Answer:\*\*/m);
  const question = at >= 0 ? check.slice(0, at).trim() : check.trim();
  const answer = at >= 0 ? check.slice(at).replace(/^\*\*Answer:\*\*\s*/, '').trim() : '';
  return {
    whatHappened: html('What happened'),
    whyItMatters: html('Why it matters'),
    howToFix: html('How to fix'),
    question: question ? markdown.render(question) : '',
    answer: answer ? markdown.render(answer) : '',
    references: html('References'),
  };
}

/** Renders a short Markdown string (practices, notes) the same safe way. */
export function renderInline(text: string): string {
  return markdown.renderInline(text);
}
