// The risk library's content: the three risk families, every rule under its family, and the team
// practices that keep AI-assisted coding safe.
import type { RiskFamily, RuleMeta } from '../../core/model';
import type { LibraryFamily } from './protocol';

export const FAMILIES: Readonly<Record<RiskFamily, { label: string; summary: string }>> = {
  inference: {
    label: 'Inference-time behaviour',
    summary: 'What the assistant writes: it drops or weakens guardrails (auth checks, validation, escaping, limits) while "cleaning up" code, or introduces unsafe calls.',
  },
  'supply-chain': {
    label: 'Supply-chain poisoning',
    summary: 'What the assistant pulls in: packages that do not exist, look-alike names, unpinned or unusual sources and install scripts.',
  },
  integration: {
    label: 'Integration risks',
    summary: 'How the assistant is wired into your work: what it can read (secrets, sensitive files), and what can steer it (instruction files, hidden Unicode).',
  },
};

const ORDER: readonly RiskFamily[] = ['inference', 'supply-chain', 'integration'];

/** Team practices, short enough to read in a minute. */
export const PRACTICES: ReadonlyArray<{ readonly title: string; readonly text: string }> = [
  { title: 'Treat each AI assistant as a new service', text: 'Write down what it can see, what it logs and where that goes, and how it is sandboxed (which files, which commands, which network). Review that like any other integration.' },
  { title: 'Keep review checkpoints that cannot be skipped', text: 'Changes to authentication, data access and infrastructure code get a human review every time, whoever wrote them. Mark those paths with `redline.reviewRequired`.' },
  { title: 'Keep an audit trail', text: 'Record which edits came from an assistant, what was found, what was restored and why a finding was acknowledged. Commit small, so changes stay traceable.' },
  { title: 'Send only the data that is needed', text: 'Keep secrets, customer data and keys out of the assistant\'s reach: exclude sensitive files, use placeholders in prompts, and never paste production data.' },
  { title: 'Mentor, don\'t just merge', text: 'When an assistant drops a guardrail, walk through why it mattered with the person who accepted the edit. The goal is a reviewer who spots it next time.' },
];

/** Every rule under its family, in the library's order. */
export function libraryFamilies(metas: readonly RuleMeta[]): LibraryFamily[] {
  return ORDER.map((id) => ({
    id,
    ...FAMILIES[id],
    rules: metas.filter((m) => m.family === id).map((m) => ({ id: m.id, title: m.title, description: m.description, severity: m.defaultSeverity })),
  }));
}
