/**
 * The baseline of known findings (`defineConnector({ ..., knownFindings })`): the one place where
 * a finding of any layer (descriptor rules, strict JSON, swagger-parser, the official schemas,
 * the certification rules, the recordings, the client) that an entry names becomes a warning.
 * `pcdk build` (src/synth/build-connector.ts) and `pcdk validate <id>`
 * (validate-target.ts) pass every finding of every layer through one KnownFindings, as it is
 * found and before it can stop the build, and add its report once, at the end: the entries it
 * refuses (errors) and those that matched nothing in a layer that ran (known-finding-fixed).
 *
 * An entry matches a finding with the same code and operation and, when the finding names a
 * descriptor field, that field; otherwise the same file and JSON pointer. Line and column are
 * never compared, and neither is the message, so an entry survives edits elsewhere. The findings
 * are matched as each layer reports them, before validate locates descriptor findings in the
 * built files, so the same entry matches in both commands.
 */
import { DIAGNOSTIC_CATALOG } from '../cli/diagnostic-catalog';
import type { Connector } from '../model/connector';
import type { KnownFinding } from '../model/known-finding';
import { siteOf } from '../model/source-site';
import type { Diagnostic } from '../diagnostics';
import { CERTIFICATION_CODES } from './certification/codes';
import { diagnostic } from './diagnostics';

/** The file a pointer of an entry is in when the entry names none. */
export const DEFAULT_FINDING_FILE = 'apiDefinition.swagger.json';

/** Which layers a run went through: an entry is stale only when the layer that reports its code ran. */
export interface LayersRun {
  /** The emitted files' layers: strict JSON, swagger-parser (the descriptor rules always run). */
  files: boolean;
  /** The official schemas (a folder of them was given and loaded). */
  schemas: boolean;
  /** The certification rules (`pcdk validate`). */
  certification: boolean;
  /** The recordings (`pcdk build` with a recordings folder). */
  recordings: boolean;
  /** The generated client (`pcdk build`). */
  client: boolean;
}

/** A run that stopped before any layer after the descriptor rules: no entry can be called stale. */
export const NO_LAYERS: LayersRun = {
  files: false,
  schemas: false,
  certification: false,
  recordings: false,
  client: false,
};

const CERTIFICATION = new Set<string>(CERTIFICATION_CODES);
const SCHEMA_CODES = new Set(['schema-violation', 'schemas-unavailable']);
const OWN_CODES = new Set(['known-finding-fixed', 'known-finding-refused', 'known-finding-invalid']);
const KEYS = ['code', 'operation', 'field', 'file', 'pointer', 'note'] as const;

/** Why a code can never be baselined, or undefined when it can. */
function refusal(code: string, area: string): string | undefined {
  if (/secret/.test(code)) return 'a secret finding is never baselined: a leaked or missing secret must be fixed';
  if (area === 'load' || code === 'descriptor-value-invalid')
    return 'a load or type error is never baselined: the descriptors must load and type-check';
  return undefined;
}

/** The layer that reports `code`, as the key of LayersRun; undefined for codes build and validate never report. */
function layerOf(code: string, area: string): keyof LayersRun | undefined {
  if (area === 'recordings') return 'recordings';
  if (area === 'synth') return 'client';
  if (area !== 'validate') return undefined;
  if (SCHEMA_CODES.has(code)) return 'schemas';
  // A code the descriptor rules share with the certification rules is checked where both run (validate).
  if (CERTIFICATION.has(code)) return 'certification';
  return 'files';
}

/** `#2 (summary-too-long, operation ListForms, field summary)`: how the baseline's own findings name an entry. */
export function describeEntry(e: Partial<KnownFinding>, index: number): string {
  const where = [
    typeof e.code === 'string' ? e.code : '?',
    e.operation !== undefined ? `operation ${String(e.operation)}` : '',
    e.field !== undefined ? `field ${String(e.field)}` : '',
    e.file !== undefined ? `file ${String(e.file)}` : '',
    e.pointer !== undefined ? `pointer "${String(e.pointer)}"` : '',
  ].filter(Boolean);
  return `#${index} (${where.join(', ')})`;
}

/** Does entry `e` name finding `d`? Exact: every key of the finding's place, none extra. */
export function matchesFinding(e: KnownFinding, d: Diagnostic): boolean {
  if (e.code !== d.code || e.operation !== d.operation) return false;
  if (d.field !== undefined) return e.field === d.field && e.file === undefined && e.pointer === undefined;
  if (e.field !== undefined || e.pointer !== d.pointer) return false;
  return (e.file ?? (e.pointer !== undefined ? DEFAULT_FINDING_FILE : undefined)) === d.file;
}

/** The entry naming `d`, as `pcdk import` writes it: only the keys the finding has. */
export function entryFor(d: Diagnostic): KnownFinding {
  const e: { -readonly [K in keyof KnownFinding]: KnownFinding[K] } = { code: d.code };
  if (d.operation !== undefined) e.operation = d.operation;
  if (d.field !== undefined) e.field = d.field;
  else {
    if (d.file !== undefined && !(d.pointer !== undefined && d.file === DEFAULT_FINDING_FILE)) e.file = d.file;
    if (d.pointer !== undefined) e.pointer = d.pointer;
  }
  return e;
}

interface Slot {
  entry: KnownFinding;
  index: number;
  layer?: keyof LayersRun;
  matched: boolean;
}

/**
 * One run's baseline. `apply` each layer's findings as they come (it demotes those an entry names
 * and remembers which entries matched); `report` once at the end.
 */
export class KnownFindings {
  private readonly slots: Slot[] = [];
  private readonly own: Diagnostic[] = [];
  private readonly seen: Diagnostic[] | undefined;

  private constructor(
    private readonly c: Connector,
    collect: boolean,
  ) {
    this.seen = collect ? [] : undefined;
    const list: unknown = (c as { knownFindings?: unknown }).knownFindings;
    if (list === undefined || collect) return;
    if (!Array.isArray(list)) {
      this.own.push(
        this.problem('known-finding-invalid', 'knownFindings', 'knownFindings is not a list', 'knownFindings'),
      );
      return;
    }
    for (const [index, raw] of (list as unknown[]).entries()) {
      const entry = raw as KnownFinding;
      const name = describeEntry(typeof raw === 'object' && raw !== null ? entry : {}, index);
      const field = `knownFindings[${index}]`;
      const invalid = this.invalidReason(raw, index, list);
      if (invalid) {
        this.own.push(this.problem('known-finding-invalid', name, invalid, field));
        continue;
      }
      const area = DIAGNOSTIC_CATALOG.get(entry.code)!.area;
      const refused = refusal(entry.code, area);
      if (refused) this.own.push(this.problem('known-finding-refused', name, refused, field));
      else this.slots.push({ entry, index, layer: layerOf(entry.code, area), matched: false });
    }
  }

  /** The connector's own baseline. */
  static of(c: Connector): KnownFindings {
    return new KnownFindings(c, false);
  }

  /**
   * A baseline that demotes nothing and keeps every error it is shown, as the layers report it:
   * what `pcdk import` writes as the knownFindings of the connector it imported.
   */
  static collecting(c: Connector): KnownFindings {
    return new KnownFindings(c, true);
  }

  /** The findings of one layer, each one an entry names as a warning saying so. */
  apply(ds: readonly Diagnostic[]): Diagnostic[] {
    if (this.seen) {
      this.seen.push(...ds.filter((d) => d.severity === 'error'));
      return [...ds];
    }
    if (this.slots.length === 0) return [...ds];
    return ds.map((d) => {
      const slot = this.slots.find((s) => matchesFinding(s.entry, d));
      if (!slot) return d;
      slot.matched = true;
      const note = slot.entry.note ? ` (${slot.entry.note})` : '';
      return {
        ...d,
        severity: 'warning',
        message: `known finding, kept as a warning by knownFindings[${slot.index}]${note}: ${d.message}`,
        hint: `${d.hint} It was there when the connector was imported; once it is fixed, delete entry ${slot.index} from knownFindings in defineConnector.`,
      };
    });
  }

  /** The baseline's own findings: refused or invalid entries, and entries nothing matched in a layer that ran. */
  report(ran: LayersRun): Diagnostic[] {
    const stale = this.slots
      .filter((s) => !s.matched && s.layer !== undefined && ran[s.layer])
      .map((s) =>
        this.problem('known-finding-fixed', describeEntry(s.entry, s.index), undefined, `knownFindings[${s.index}]`),
      );
    return [...this.own, ...stale];
  }

  /** Every error a collecting baseline was shown that can be baselined, once each, in a stable order. */
  collected(): { entry: KnownFinding; message: string }[] {
    const out = new Map<string, { entry: KnownFinding; message: string }>();
    for (const d of this.seen ?? []) {
      const def = DIAGNOSTIC_CATALOG.get(d.code);
      if (!def || refusal(d.code, def.area) || OWN_CODES.has(d.code) || !layerOf(d.code, def.area)) continue;
      const entry = entryFor(d);
      const key = JSON.stringify(KEYS.map((k) => entry[k] ?? null));
      if (!out.has(key)) out.set(key, { entry, message: d.message });
    }
    return [...out.values()].sort((a, b) => compareEntries(a.entry, b.entry));
  }

  private invalidReason(raw: unknown, index: number, list: readonly unknown[]): string | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'it is not an object';
    const e = raw as Record<string, unknown>;
    const unknown = Object.keys(e).filter((k) => !(KEYS as readonly string[]).includes(k));
    if (unknown.length) return `unknown key ${unknown.join(', ')}`;
    for (const k of KEYS) if (e[k] !== undefined && typeof e[k] !== 'string') return `${k} is not a string`;
    const code = e.code as string | undefined;
    if (!code) return 'it has no code';
    if (OWN_CODES.has(code)) return 'the baseline cannot list its own findings';
    const def = DIAGNOSTIC_CATALOG.get(code);
    if (!def) return `"${code}" is not a pcdk diagnostic code (pcdk validate --rules lists them)`;
    if (!refusal(code, def.area) && !layerOf(code, def.area))
      return `"${code}" is reported by pcdk ${def.area}, not by pcdk build or validate`;
    if (e.field !== undefined && (e.file !== undefined || e.pointer !== undefined))
      return 'a finding names a descriptor field or a file and pointer, not both';
    const first = list.findIndex(
      (o) => typeof o === 'object' && o !== null && sameEntry(o as KnownFinding, raw as KnownFinding),
    );
    if (first < index) return `it repeats entry #${first}`;
    return undefined;
  }

  private problem(
    code: 'known-finding-fixed' | 'known-finding-refused' | 'known-finding-invalid',
    entry: string,
    reason: string | undefined,
    field: string,
  ): Diagnostic {
    const source = siteOf(this.c);
    const where = { connector: this.c.id, field, ...(source ? { source } : {}) };
    return code === 'known-finding-fixed'
      ? diagnostic(code, { entry }, where)
      : diagnostic(code, { entry, reason: reason ?? '' }, where);
  }
}

function sameEntry(a: KnownFinding, b: KnownFinding): boolean {
  return KEYS.every((k) => k === 'note' || (a[k] ?? undefined) === (b[k] ?? undefined));
}

/** By operation (connector-level first), then code, then field, file and pointer. */
export function compareEntries(a: KnownFinding, b: KnownFinding): number {
  const key = (e: KnownFinding) => [e.operation ?? '', e.code, e.field ?? '', e.file ?? '', e.pointer ?? ''];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}
