/**
 * Who owns the solution and what it is called. Everything has a default derived from the
 * descriptor, and every value can be overridden from the command line; values Dataverse would
 * reject at import are reported here, before anything is written.
 */
import type { Connector } from '../model/connector';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from './diagnostics';
import { normalizeSolutionVersion, optionValuePrefixFor, pascalIdentifier } from './dataverse-names';

export interface SolutionOptions {
  uniqueName?: string;
  displayName?: string;
  publisher?: string;
  publisherName?: string;
  prefix?: string;
  optionValuePrefix?: number;
}

export interface SolutionSettings {
  uniqueName: string;
  displayName: string;
  /** Four-part version from the descriptor. */
  version: string;
  publisher: { uniqueName: string; displayName: string; prefix: string; optionValuePrefix: number };
}

const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,64}$/;
const PREFIX = /^[a-z][a-z0-9]{1,7}$/;

/** "Troy Taylor, Hitachi Solutions" -> "tths": the initials, at least two characters. */
function defaultPrefix(publisher: string): string {
  const words = publisher
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let p = words
    .map((w) => w[0])
    .join('')
    .replace(/^[0-9]+/, '')
    .slice(0, 8);
  if (p.length < 2) p = `${words.join('').replace(/^[0-9]+/, '')}pcdk`.slice(0, 4);
  return p.startsWith('mscrm') ? `p${p}`.slice(0, 8) : p;
}

export function resolveSolutionSettings(
  c: Connector,
  o: SolutionOptions = {},
): { settings?: SolutionSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (setting: string, value: unknown, reason: string): void => {
    // Options are named as typed on the command line; the version comes from the descriptor.
    const label = setting === 'version' ? 'version (connector.ts)' : `--${setting}`;
    diagnostics.push(
      diagnostic(
        'pack-setting-invalid',
        { setting: label, value: String(value), reason },
        { connector: c.id, field: setting },
      ),
    );
  };
  const publisherUnique = o.publisher ?? (pascalIdentifier(c.publisher).toLowerCase() || 'pcdk');
  const prefix = o.prefix ?? defaultPrefix(c.publisher);
  const settings: SolutionSettings = {
    uniqueName: o.uniqueName ?? `${pascalIdentifier(c.title) || 'Pcdk'}Connector`,
    displayName: o.displayName ?? `${c.title} connector`,
    version: normalizeSolutionVersion(c.version) ?? c.version,
    publisher: {
      uniqueName: publisherUnique,
      displayName: o.publisherName ?? c.publisher,
      prefix,
      optionValuePrefix: o.optionValuePrefix ?? optionValuePrefixFor(prefix),
    },
  };
  if (!UNIQUE_NAME.test(settings.uniqueName))
    bad(
      'solution',
      settings.uniqueName,
      'a solution unique name is letters, digits and _, starting with a letter or _, at most 65 characters',
    );
  if (!settings.displayName.trim()) bad('solution-name', settings.displayName, 'the display name is empty');
  if (normalizeSolutionVersion(c.version) === undefined)
    bad('version', c.version, 'a solution version is one to four whole numbers separated by dots, e.g. 1.0 or 1.2.3.4');
  if (!UNIQUE_NAME.test(publisherUnique))
    bad('publisher', publisherUnique, 'a publisher unique name is letters, digits and _, starting with a letter or _');
  if (!settings.publisher.displayName.trim())
    bad('publisher-name', settings.publisher.displayName, 'the publisher display name is empty');
  if (!PREFIX.test(prefix) || prefix.startsWith('mscrm'))
    bad(
      'prefix',
      prefix,
      'a customization prefix is 2 to 8 lower-case letters and digits, starting with a letter, not "mscrm"',
    );
  const ovp = settings.publisher.optionValuePrefix;
  if (!Number.isInteger(ovp) || ovp < 10000 || ovp > 99999)
    bad('option-value-prefix', ovp, 'the option value prefix is a whole number from 10000 to 99999');
  return diagnostics.length ? { diagnostics } : { settings, diagnostics };
}
