/**
 * Names and identifiers a Dataverse solution needs, derived deterministically so that a rebuild
 * gives the same solution (and the same connector row when it is imported again).
 */
import { createHash } from 'node:crypto';

/**
 * RFC 4122 name-based UUID, version 5 (SHA-1). The same namespace and name always give the same
 * id, which is what makes the connector GUID stable across builds and machines.
 */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`namespace "${namespace}" is not a UUID`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** pcdk's own namespace for connector GUIDs (a fixed random v4 UUID; never change it). */
export const PCDK_CONNECTOR_NAMESPACE = '5c1f0b6e-8f0a-4d8e-9a43-3d2b7f61c0a9';

/**
 * Dataverse's encoding of a connector name: letters and digits stay, every other character
 * becomes `-` plus its two hex digits (space -20, `_` -5f, `-` -2d), as in exported solutions.
 */
export function encodeConnectorName(raw: string): string {
  return [...raw]
    .map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `-${ch.codePointAt(0)!.toString(16).padStart(2, '0')}`))
    .join('');
}

/** Solution versions have exactly four numeric parts: "1.0" -> "1.0.0.0". Undefined when not numeric. */
export function normalizeSolutionVersion(version: string): string | undefined {
  const parts = version.trim().split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d{1,9}$/.test(p))) return undefined;
  while (parts.length < 4) parts.push('0');
  return parts.map((p) => String(Number(p))).join('.');
}

/** "ConvertKit" -> "ConvertKit", "my api" -> "MyApi": letters and digits, starting with a letter. */
export function pascalIdentifier(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return joined.replace(/^[0-9]+/, '');
}

/** Publisher option-value prefixes must lie in 10000..99999; derive one from the prefix. */
export function optionValuePrefixFor(prefix: string): number {
  const h = createHash('sha1').update(prefix).digest().readUInt32BE(0);
  return 10000 + (h % 90000);
}
