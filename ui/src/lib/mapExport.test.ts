import { describe, expect, it } from 'vitest';
import { graphSvg } from './mapExport';

describe('graphSvg', () => {
  const nodes = [
    { id: 'a', x: 0, y: 0, label: '✓ GGD <Noord> & co', domain: 'publieke gezondheid' as const, status: 'convenant getekend' },
    { id: 'b', x: 200, y: 0, label: 'Wijkteam', domain: 'sociaal' as const, status: 'gestopt' },
  ];

  it('is a parseable SVG document with escaped labels, domain colours and the signed border', () => {
    const text = graphSvg(nodes, [{ source: 'a', target: 'b', kind: 'verwijzing', strength: 5 }]);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.tagName).toBe('svg');
    const labels = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(['✓ GGD <Noord> & co', 'Wijkteam']);
    const circles = [...doc.querySelectorAll('circle')];
    expect(circles[0].getAttribute('fill')).toBe('#059669');
    expect(circles[0].getAttribute('stroke-width')).toBe('4');
    expect(circles[1].parentElement?.getAttribute('opacity')).toBe('0.35');
  });

  it('draws edges by kind: an arrow for a referral, dashes for a meeting, width by strength', () => {
    const text = graphSvg(nodes, [
      { source: 'a', target: 'b', kind: 'verwijzing', strength: 5 },
      { source: 'b', target: 'a', kind: 'overleg', strength: 1 },
      { source: 'a', target: 'missing', kind: 'anders', strength: 3 },
    ]);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const lines = [...doc.querySelectorAll('line')];
    expect(lines).toHaveLength(2);
    expect(lines[0].getAttribute('marker-end')).toBe('url(#arrow-verwijzing)');
    expect(lines[0].getAttribute('stroke-width')).toBe('7');
    expect(Number(lines[0].getAttribute('x2'))).toBeCloseTo(187);
    expect(lines[1].getAttribute('stroke-dasharray')).toBe('1 6');
    expect(lines[1].getAttribute('stroke-width')).toBe('1');
    expect(doc.querySelector('#arrow-verwijzing')).not.toBeNull();
  });
});
