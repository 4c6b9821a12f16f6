import { describe, expect, it } from 'vitest';
import { parseInline, parseMinutes } from './minutes';

describe('light Markdown in minutes', () => {
  it('splits paragraphs on empty lines and keeps line breaks within one', () => {
    expect(parseMinutes('Eerste regel\nTweede regel\n\nNieuwe alinea')).toEqual([
      { kind: 'paragraph', lines: [[{ text: 'Eerste regel', bold: false }], [{ text: 'Tweede regel', bold: false }]] },
      { kind: 'paragraph', lines: [[{ text: 'Nieuwe alinea', bold: false }]] },
    ]);
  });

  it('makes a list of lines starting with a dash', () => {
    const blocks = parseMinutes('Besproken:\n- begroting\n- **planning** 2025\n\nEinde');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(blocks[1]).toEqual({
      kind: 'list',
      items: [
        [{ text: 'begroting', bold: false }],
        [
          { text: 'planning', bold: true },
          { text: ' 2025', bold: false },
        ],
      ],
    });
  });

  it('marks bold text and leaves an unmatched ** as typed', () => {
    expect(parseInline('a **b** c **d')).toEqual([
      { text: 'a ', bold: false },
      { text: 'b', bold: true },
      { text: ' c **d', bold: false },
    ]);
    expect(parseInline('****')).toEqual([{ text: '****', bold: false }]);
  });

  it('keeps HTML as literal text', () => {
    const script = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';
    expect(parseMinutes(`${script}\n\n- ${img}`)).toEqual([
      { kind: 'paragraph', lines: [[{ text: script, bold: false }]] },
      { kind: 'list', items: [[{ text: img, bold: false }]] },
    ]);
    expect(parseInline(`**${img}**`)).toEqual([{ text: img, bold: true }]);
  });

  it('returns nothing for blank text and accepts Windows line ends', () => {
    expect(parseMinutes('')).toEqual([]);
    expect(parseMinutes('  \n\n ')).toEqual([]);
    expect(parseMinutes('a\r\n- b')).toHaveLength(2);
  });
});
