/**
 * Names and texts within the certification limits (reference/power-platform.md): operationIds
 * PascalCase and alphanumeric; summaries at most 80 characters, without / \ < > * % & ? and
 * without closing punctuation; descriptions full sentences that differ from the summary; a
 * connector title of at most 30 characters without "API" or "Connector"; a connector
 * description of 30 to 500 characters. Each function maps any text to a compliant one.
 */
import { RESTRICTED_TITLE_WORDS as CERTIFICATION_RESTRICTED } from '../../validate/certification/info-rules';
import { RESERVED_WORDS } from '../names';

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `findPetsByStatus`, `pets.list`, `get /pets/{id}` -> `FindPetsByStatus`, `PetsList`, `GetPetsId`. */
export function operationIdFrom(text: string): string {
  let id = words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  if (!id) id = 'Operation';
  if (/^[0-9]/.test(id)) id = `Op${id}`;
  return id.slice(0, 80);
}

/** An operationId for an operation the description does not name: method and static path segments. */
export function operationIdForRoute(method: string, path: string): string {
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? `By ${s.slice(1, -1)}` : s));
  return operationIdFrom(`${method} ${parts.join(' ')}`);
}

/** The exported const (and client method) name: camelCase of the operationId, never a reserved word. */
export function constNameFrom(operationId: string): string {
  const name = operationId.charAt(0).toLowerCase() + operationId.slice(1);
  return RESERVED_WORDS.has(name) ? `${name}Op` : name;
}

const RESTRICTED_SUMMARY = /[/\\<>*%&?]/g;

/** Plain one-line text: markdown emphasis, links and line breaks out. */
export function plainText(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^#+\s*/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut at a word boundary to at most `max` characters. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max + 1);
  const at = slice.lastIndexOf(' ');
  return (at > max / 2 ? slice.slice(0, at) : text.slice(0, max)).trim();
}

/** A summary certification accepts, from the source summary or, without one, from the operationId. */
export function summaryFrom(source: string | undefined, operationId: string): string {
  let s = plainText(source ?? '');
  if (!s) {
    const ws = words(operationId).map((w) => w.toLowerCase());
    s = ws.join(' ');
  }
  s = s
    .replace(RESTRICTED_SUMMARY, (ch) => (ch === '&' ? ' and ' : ch === '%' ? ' percent ' : ' '))
    .replace(/\s+/g, ' ')
    .trim();
  s = cut(s, 80).replace(/[\s.!,;:]+$/, '');
  if (!s) s = 'Operation';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A description that is a sentence and not the summary. */
export function operationDescriptionFrom(
  source: string | undefined,
  summary: string,
  method: string,
  path: string,
): string {
  const d = (source ?? '').trim();
  const route = `${method.toUpperCase()} ${path}`;
  if (!d || plainText(d) === summary) return `${sentence(summary)} Sends ${route}.`;
  return sentence(d);
}

// Certification's list, plus the plural and the publisher suffix a description's title may carry.
const RESTRICTED_TITLE_WORDS = [
  ...CERTIFICATION_RESTRICTED.map((w) => w.toLowerCase()),
  'apis',
  'independent publisher',
];

/** The connector title: the info.title's words without restricted words, at most 30 characters, ending with a letter or digit. */
export function connectorTitleFrom(infoTitle: string | undefined, fallback: string): string {
  let text = ` ${(infoTitle ?? '').replace(/[^A-Za-z0-9 .'-]+/g, ' ').replace(/\s+/g, ' ')} `;
  // Bounded as the certification rule bounds them: by anything not a letter ("api2" holds "api").
  for (const phrase of RESTRICTED_TITLE_WORDS) {
    const re = new RegExp(`(^|[^A-Za-z])${phrase.replace(/ /g, '\\s+')}(?=[^A-Za-z]|$)`, 'gi');
    text = text.replace(re, '$1 ');
  }
  // A one-word name too long for the title (ApplicationInsightsManagementClient) is split where
  // its case changes, so the title keeps its first words rather than falling back.
  const words = text
    .split(' ')
    // What a removed word leaves dangling ("Petstore-API" -> "Petstore-") goes with it.
    .map((w) => w.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, ''))
    .filter(Boolean)
    .flatMap((w) => (w.length > 30 ? w.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ') : [w]));
  let title = '';
  for (const w of words) {
    const next = title ? `${title} ${w}` : w;
    if (next.length > 30) break;
    title = next;
  }
  title = title.replace(/[^A-Za-z0-9]+$/, '');
  return title || fallback;
}

/** The connector description: 30 to 500 characters of plain sentences. */
export function connectorDescriptionFrom(infoDescription: string | undefined, title: string): string {
  let d = plainText(infoDescription ?? '');
  if (d.length > 500) {
    // Whole sentences while they fit, else a cut at a word.
    const sentences = d.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
    let kept = '';
    for (const s of sentences) {
      if ((kept + s).trim().length > 500) break;
      kept += s;
    }
    d = kept.trim() || `${cut(d, 496)}...`;
  }
  if (d.length < 30) {
    const lead = `${title} connects Power Automate and Power Apps to the ${title} service.`;
    d = d ? `${lead} ${sentence(d)}` : lead;
  }
  return cut(sentence(d), 500);
}

/** Text ending as a sentence (certification: descriptions are full sentences). */
export function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return /[.!?)]["')]?$/.test(t) ? t : `${t}.`;
}

/** The names of a path template's placeholders, in order (`/a/{x}/b/{y}` -> x, y). */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}

/** A path template with every placeholder's name left out (`/a/{x}` -> `/a/{}`): what tells routes apart. */
export function blankedPath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
