// The network map as an image file's content: PNG as a data URL (cytoscape's
// own renderer), SVG as text written here from the laid-out positions and
// the same looks as the canvas, so lines, dashes, arrows and labels stay
// sharp and editable in a drawing program.
import type { Core } from 'cytoscape';
import type { Domain, RelationKind } from './bindings';
import { DOMAIN_COLOURS, EDGE_LOOKS } from './networkMap';

export function mapPng(cy: Core): string {
  return cy.png({ output: 'base64uri', full: true, bg: '#fff' });
}

export type SvgNode = { id: string; x: number; y: number; label: string; domain: Domain; status: string };
export type SvgEdge = { source: string; target: string; kind: RelationKind; strength: number };

const NODE_RADIUS = 13;
const MARGIN = 90;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** An SVG document of nodes and edges at their map positions, on white. */
export function graphSvg(nodes: SvgNode[], edges: SvgEdge[]): string {
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const minX = Math.min(0, ...xs) - MARGIN;
  const minY = Math.min(0, ...ys) - MARGIN;
  const width = Math.max(0, ...xs) + MARGIN - minX;
  const height = Math.max(0, ...ys) + MARGIN - minY;
  const at = new Map(nodes.map((n) => [n.id, n]));
  const lines = edges.flatMap((e) => {
    const from = at.get(e.source);
    const to = at.get(e.target);
    if (!from || !to) return [];
    const look = EDGE_LOOKS[e.kind];
    // Stop at the target's rim, so an arrow head is not hidden under the node.
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const endX = to.x - (dx / length) * NODE_RADIUS;
    const endY = to.y - (dy / length) * NODE_RADIUS;
    const dash = look.dashes.length ? ` stroke-dasharray="${look.dashes.join(' ')}"` : '';
    const arrow = look.arrow ? ` marker-end="url(#arrow-${e.kind})"` : '';
    const width = 1 + ((Math.min(5, Math.max(1, e.strength)) - 1) * 6) / 4;
    return [
      `<line x1="${round(from.x)}" y1="${round(from.y)}" x2="${round(endX)}" y2="${round(endY)}" stroke="${look.colour}" stroke-width="${round(width)}" stroke-linecap="round" opacity="0.85"${dash}${arrow}/>`,
    ];
  });
  const markers = (Object.keys(EDGE_LOOKS) as RelationKind[])
    .filter((k) => EDGE_LOOKS[k].arrow)
    .map(
      (k) =>
        `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_LOOKS[k].colour}"/></marker>`,
    );
  const circles = nodes.map((n) => {
    const signed = n.status === 'convenant getekend';
    const faded = n.status === 'gestopt' ? ' opacity="0.35"' : '';
    return (
      `<g${faded}><title>${escape(n.label)}</title>` +
      `<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${NODE_RADIUS}" fill="${DOMAIN_COLOURS[n.domain]}" stroke="${signed ? '#1f2933' : '#ffffff'}" stroke-width="${signed ? 4 : 1}"/>` +
      `<text x="${round(n.x)}" y="${round(n.y + NODE_RADIUS + 14)}" text-anchor="middle" font-family="sans-serif" font-size="11" fill="#1f2933" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escape(n.label)}</text></g>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="${round(minX)} ${round(minY)} ${round(width)} ${round(height)}">`,
    `<rect x="${round(minX)}" y="${round(minY)}" width="${round(width)}" height="${round(height)}" fill="#ffffff"/>`,
    `<defs>${markers.join('')}</defs>`,
    `<g>${lines.join('')}</g>`,
    `<g>${circles.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

/** The map as SVG, from the visible elements at their laid-out positions. */
export function mapSvg(cy: Core): string {
  const nodes: SvgNode[] = cy
    .nodes(':visible')
    .map((n) => ({ id: n.id(), ...n.position(), label: n.data('full'), domain: n.data('domain'), status: n.data('status') }));
  const edges: SvgEdge[] = cy
    .edges(':visible')
    .map((e) => ({ source: e.data('source'), target: e.data('target'), kind: e.data('kind'), strength: e.data('strength') }));
  return graphSvg(nodes, edges);
}
