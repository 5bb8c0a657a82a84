/** Text and JSON renderings of a diff, breaking changes first. Pure. */
import { CHANGE_RULES, type Change } from './breaking-changes';

export interface DiffSummary {
  breaking: number;
  nonBreaking: number;
}

export function summarize(changes: readonly Change[]): DiffSummary {
  const breaking = changes.filter((c) => c.breaking).length;
  return { breaking, nonBreaking: changes.length - breaking };
}

function ordered(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
}

export function formatDiffText(changes: readonly Change[], labels: { old: string; new: string }): string {
  const out = [`pcdk diff ${labels.old} -> ${labels.new}`];
  for (const c of ordered(changes)) {
    out.push(
      `${c.breaking ? 'BREAKING' : 'ok      '} [${c.rule}] ${c.operationId}: ${c.detail} (${CHANGE_RULES[c.rule].text})`,
    );
  }
  const s = summarize(changes);
  out.push(
    `${s.breaking} breaking change${s.breaking === 1 ? '' : 's'}, ${s.nonBreaking} non-breaking change${s.nonBreaking === 1 ? '' : 's'}`,
  );
  return `${out.join('\n')}\n`;
}

export function formatDiffJson(changes: readonly Change[], labels: { old: string; new: string }): string {
  const body = {
    old: labels.old,
    new: labels.new,
    ...summarize(changes),
    changes: ordered(changes).map((c) => ({ ...c, text: CHANGE_RULES[c.rule].text })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
