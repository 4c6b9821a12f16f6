// Minutes are plain text with a little Markdown: paragraphs (separated by an
// empty line), lists (lines starting with "- " or "* ") and **bold**. The
// parser returns plain data; the page builds elements from it, so any HTML
// in the text stays text.

/** A run of text, bold or not. */
export type Segment = { text: string; bold: boolean };
/** One line of a paragraph, or one list item. */
export type Line = Segment[];
export type Block = { kind: 'paragraph'; lines: Line[] } | { kind: 'list'; items: Line[] };

const BULLET = /^\s*[-*]\s+(.*)$/;
const BOLD = /\*\*(.+?)\*\*/g;

/** "a **b** c" as [a ][b (bold)][ c]; an unmatched "**" stays as typed. */
export function parseInline(text: string): Line {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(BOLD)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), bold: false });
    out.push({ text: m[1], bold: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), bold: false });
  return out;
}

/** The blocks of a minutes text, in order; empty for blank text. */
export function parseMinutes(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      current = null;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (current?.kind !== 'list') {
        current = { kind: 'list', items: [] };
        blocks.push(current);
      }
      current.items.push(parseInline(bullet[1]));
    } else {
      if (current?.kind !== 'paragraph') {
        current = { kind: 'paragraph', lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line.trim()));
    }
  }
  return blocks;
}
