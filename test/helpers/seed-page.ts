/**
 * Parser for the published docs page as text (shared/seed): the Actions list, and each action's
 * Parameters (Name, Key, Required, Type, Description) and Returns (Name, Path, Type,
 * Description) rows, in page order.
 */
export interface SeedParameter {
  name: string;
  key: string;
  required: boolean;
  type: string;
  description: string;
}
export interface SeedReturn {
  name: string;
  path: string;
  type: string;
  description: string;
}
export interface SeedAction {
  summary: string;
  description: string;
  parameters: SeedParameter[];
  returns: SeedReturn[];
}
export interface SeedPage {
  actionList: { summary: string; description: string }[];
  actions: SeedAction[];
  connection: string[][];
}

const TYPE = '(string|integer|boolean|float|double|number|object|date-time|securestring|array of \\w+)';
const PARAM_KV = new RegExp(`^(\\S+)( True)? ${TYPE}$`);
const RETURN_KV = new RegExp(`^(\\S+) ${TYPE}$`);

export function parseSeedPage(text: string): SeedPage {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const actionsAt = lines.indexOf('Actions');
  const definitionsAt = lines.lastIndexOf('Definitions');
  if (actionsAt < 0) throw new Error('seed page: no "Actions" heading');
  const connAt = lines.indexOf('Name Type Description Required');
  const connection = connAt >= 0 ? [lines[connAt + 1]!.split(' ')] : [];

  // The list: summary/description pairs until a summary repeats (the first detail block).
  const actionList: { summary: string; description: string }[] = [];
  let i = actionsAt + 1;
  while (i + 1 < lines.length && !actionList.some((a) => a.summary === lines[i])) {
    actionList.push({ summary: lines[i]!, description: lines[i + 1]! });
    i += 2;
  }
  const actions: SeedAction[] = [];
  const end = definitionsAt > i ? definitionsAt : lines.length;
  while (i < end) {
    const action: SeedAction = { summary: lines[i]!, description: lines[i + 1]!, parameters: [], returns: [] };
    i += 2;
    if (lines[i] === 'Parameters') {
      i += 2; // heading + "Name Key Required Type Description"
      while (i < end && lines[i + 1] !== undefined && PARAM_KV.test(lines[i + 1]!)) {
        const m = PARAM_KV.exec(lines[i + 1]!)!;
        const row: SeedParameter = {
          name: lines[i]!,
          key: m[1]!,
          required: Boolean(m[2]),
          type: m[3]!,
          description: '',
        };
        i += 2;
        if (i < end && !PARAM_KV.test(lines[i + 1] ?? '') && lines[i] !== 'Returns' && !startsAction(lines, i))
          row.description = lines[i++]!;
        action.parameters.push(row);
      }
    }
    if (lines[i] === 'Returns') {
      i += 1;
      if (lines[i] === 'Name Path Type Description') {
        i += 1;
        while (i < end && lines[i + 1] !== undefined && RETURN_KV.test(lines[i + 1]!)) {
          const m = RETURN_KV.exec(lines[i + 1]!)!;
          const row: SeedReturn = { name: lines[i]!, path: m[1]!, type: m[2]!, description: '' };
          i += 2;
          if (i < end && !RETURN_KV.test(lines[i + 1] ?? '') && !startsAction(lines, i)) row.description = lines[i++]!;
          action.returns.push(row);
        }
      } else {
        // A primitive response: "response" then its type, no table.
        action.returns.push({ name: lines[i]!, path: '', type: lines[i + 1]!, description: '' });
        i += 2;
      }
    }
    actions.push(action);
  }
  return { actionList, actions, connection };

  function startsAction(ls: string[], at: number): boolean {
    const next = ls[at + 2];
    return next === 'Parameters' || next === 'Returns';
  }
}
