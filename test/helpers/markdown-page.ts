/**
 * Reads a generated reference.md back: its headings in order, each with the pipe tables under
 * it (header and rows, cells unescaped, links reduced to their text).
 */
export interface MdTable {
  header: string[];
  rows: string[][];
}
export interface MdSection {
  level: number;
  title: string;
  lines: string[];
  tables: MdTable[];
}

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (inner[i] === '|') {
      out.push(cur);
      cur = '';
    } else cur += inner[i];
  }
  out.push(cur);
  return out.map((c) => c.trim().replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
}

export function parseMarkdownPage(text: string): MdSection[] {
  const sections: MdSection[] = [{ level: 0, title: '', lines: [], tables: [] }];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      sections.push({ level: h[1]!.length, title: h[2]!.trim(), lines: [], tables: [] });
      continue;
    }
    const sec = sections[sections.length - 1]!;
    if (line.startsWith('|') && /^\|(\s*-+\s*\|)+\s*$/.test(lines[i + 1] ?? '')) {
      const table: MdTable = { header: cells(line), rows: [] };
      i += 2;
      while (i < lines.length && lines[i]!.startsWith('|')) table.rows.push(cells(lines[i++]!));
      i--;
      sec.tables.push(table);
      continue;
    }
    if (line.trim()) sec.lines.push(line.trim());
  }
  return sections;
}
