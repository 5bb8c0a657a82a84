/** Text and JSON renderings of a diff, breaking changes first, then warnings. Pure. */
import { CHANGE_RULES, type Change, type ChangeLevel } from './breaking-changes';

export interface DiffSummary {
  breaking: number;
  /** Changes flows survive but some runs may not: each rule's text says which. */
  warnings: number;
  nonBreaking: number;
}

export function summarize(changes: readonly Change[]): DiffSummary {
  const breaking = changes.filter((c) => c.level === 'breaking').length;
  const warnings = changes.filter((c) => c.level === 'warning').length;
  return { breaking, warnings, nonBreaking: changes.length - breaking - warnings };
}

const RANK: Record<ChangeLevel, number> = { breaking: 0, warning: 1, compatible: 2 };
const LABEL: Record<ChangeLevel, string> = { breaking: 'BREAKING', warning: 'WARNING ', compatible: 'ok      ' };

/** Breaking first, then warnings; the order found within a level (stable sort). */
function ordered(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => RANK[a.level] - RANK[b.level]);
}

/** The rule's words, and whether Microsoft's ValidateChange would refuse the update for it. */
function explanation(c: Change): string {
  const rule: { text: string; validateChange?: true } = CHANGE_RULES[c.rule];
  return `(${rule.text})${rule.validateChange ? " [Microsoft's ValidateChange rejects this]" : ''}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatDiffText(changes: readonly Change[], labels: { old: string; new: string }): string {
  const out = [`pcdk diff ${labels.old} -> ${labels.new}`];
  for (const c of ordered(changes))
    out.push(`${LABEL[c.level]} [${c.rule}] ${c.operationId}: ${c.detail} ${explanation(c)}`);
  const s = summarize(changes);
  // Warnings are named only when there are some, so a clean diff reads as before.
  const warnings = s.warnings ? `, ${plural(s.warnings, 'warning')}` : '';
  out.push(`${plural(s.breaking, 'breaking change')}${warnings}, ${plural(s.nonBreaking, 'non-breaking change')}`);
  return `${out.join('\n')}\n`;
}

export function formatDiffJson(changes: readonly Change[], labels: { old: string; new: string }): string {
  const body = {
    old: labels.old,
    new: labels.new,
    ...summarize(changes),
    changes: ordered(changes).map((c) => {
      const rule: { text: string; validateChange?: true } = CHANGE_RULES[c.rule];
      return { ...c, text: rule.text, ...(rule.validateChange ? { validateChange: true } : {}) };
    }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
