/** Finding elements in an XML document the way XPath `//Name` does (document order, exact case). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type OrderedNode = Record<string, unknown>;

export interface XmlElement {
  name: string;
  /** child elements and non-blank text nodes */
  childCount: number;
  attributeCount: number;
}

/**
 * fast-xml-parser's own limit on nesting, stated here because a package's XML is user input: a
 * solution's customizations.xml nests about 10 levels, so 100 refuses only crafted files, with
 * the parser's error (never a stack overflow in it or in the walk below).
 */
const MAX_NESTED_TAGS = 100;

/** Parses well-formed XML into its elements in document order; returns the first error otherwise. */
export function xmlElements(text: string): { elements?: XmlElement[]; error?: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
  let tree: OrderedNode[];
  try {
    tree = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      ignoreDeclaration: true,
      maxNestedTags: MAX_NESTED_TAGS,
    }).parse(text) as OrderedNode[];
  } catch (e) {
    // Well-formed but beyond the parser's limits (nesting deeper than MAX_NESTED_TAGS).
    return { error: `${(e as Error).message} (at most ${MAX_NESTED_TAGS} levels are read)` };
  }
  const out: XmlElement[] = [];
  // Document order with an explicit stack: the walk must not recurse once per level either.
  const stack: OrderedNode[][] = [tree];
  const next: number[] = [0];
  while (stack.length > 0) {
    const nodes = stack[stack.length - 1]!;
    const i = next[next.length - 1]!;
    if (i >= nodes.length) {
      stack.pop();
      next.pop();
      continue;
    }
    next[next.length - 1] = i + 1;
    const node = nodes[i]!;
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const children = (node[name] as OrderedNode[]) ?? [];
    const attrs = (node[':@'] as Record<string, unknown> | undefined) ?? {};
    out.push({ name, childCount: children.length, attributeCount: Object.keys(attrs).length });
    stack.push(children);
    next.push(0);
  }
  return { elements: out };
}

/** ConnectorPackageValidator.ps1: SelectSingleNode("//Name") exists and has child nodes or attributes. */
export function hasContent(elements: readonly XmlElement[], name: string): boolean {
  const first = elements.find((e) => e.name === name);
  return first !== undefined && (first.childCount > 0 || first.attributeCount > 0);
}
