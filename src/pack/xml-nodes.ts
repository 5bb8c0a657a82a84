/** Finding elements in an XML document the way XPath `//Name` does (document order, exact case). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type OrderedNode = Record<string, unknown>;

export interface XmlElement {
  name: string;
  /** child elements and non-blank text nodes */
  childCount: number;
  attributeCount: number;
}

/** Parses well-formed XML into its elements in document order; returns the first error otherwise. */
export function xmlElements(text: string): { elements?: XmlElement[]; error?: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, ignoreDeclaration: true }).parse(
    text,
  ) as OrderedNode[];
  const out: XmlElement[] = [];
  const walk = (nodes: OrderedNode[]): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@');
      if (!name || name === '#text' || name.startsWith('?')) continue;
      const children = (node[name] as OrderedNode[]) ?? [];
      const attrs = (node[':@'] as Record<string, unknown> | undefined) ?? {};
      out.push({ name, childCount: children.length, attributeCount: Object.keys(attrs).length });
      walk(children);
    }
  };
  walk(tree);
  return { elements: out };
}

/** ConnectorPackageValidator.ps1: SelectSingleNode("//Name") exists and has child nodes or attributes. */
export function hasContent(elements: readonly XmlElement[], name: string): boolean {
  const first = elements.find((e) => e.name === name);
  return first !== undefined && (first.childCount > 0 || first.attributeCount > 0);
}
