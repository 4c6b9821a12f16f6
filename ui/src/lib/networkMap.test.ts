import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Organisation, Relation } from './bindings';
import { LARGE_NETWORK, MOST_ZOOM, NO_FILTER, RINGS, degrees, importantOrganisations, layoutInput, mapElements, mapStyle, nodeLabel, placeNames, shortLabel, viewportFor, visibleGraph } from './networkMap';

// What the map reads of an organisation; its other fields do not matter here.
function org(id: string, overrides: Partial<Organisation> = {}): Organisation {
  return {
    id,
    name: `Organisatie ${id}`,
    kind: 'overig',
    domain: 'medisch',
    website: '',
    place: '',
    involved_since: null,
    signed_on: null,
    left_on: null,
    status: 'betrokken',
    municipalities: [],
    deleted: false,
    ...overrides,
  } as Organisation;
}

function relation(id: string, from: string, to: string, overrides: Partial<Relation> = {}): Relation {
  return {
    id,
    from_org: from,
    to_org: to,
    kind: 'samenwerking',
    strength: 3,
    start_date: null,
    end_date: null,
    note: '',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    deleted: false,
    ...overrides,
  };
}

const organisations = [
  org('a', { domain: 'medisch', municipalities: ['venlo'], status: 'convenant getekend' }),
  org('b', { domain: 'sociaal', municipalities: ['venlo', 'horst'] }),
  org('c', { domain: 'sociaal', municipalities: ['horst'], status: 'gestopt' }),
];
const relations = [relation('ab', 'a', 'b'), relation('bc', 'b', 'c', { kind: 'verwijzing', strength: 5 }), relation('ca', 'c', 'a')];

describe('map filters', () => {
  it('shows everything without a filter', () => {
    const graph = visibleGraph(organisations, relations, NO_FILTER);
    expect(graph.organisations).toHaveLength(3);
    expect(graph.relations).toHaveLength(3);
  });

  it('keeps only relations whose both ends are shown', () => {
    const graph = visibleGraph(organisations, relations, { ...NO_FILTER, municipality: 'venlo' });
    expect(graph.organisations.map((o) => o.id)).toEqual(['a', 'b']);
    expect(graph.relations.map((r) => r.id)).toEqual(['ab']);
  });

  it('filters on domain and on status, together', () => {
    expect(visibleGraph(organisations, relations, { ...NO_FILTER, domain: 'sociaal' }).organisations.map((o) => o.id)).toEqual(['b', 'c']);
    expect(
      visibleGraph(organisations, relations, { municipality: 'horst', domain: 'sociaal', status: 'gestopt' }).organisations.map((o) => o.id),
    ).toEqual(['c']);
  });

  it('leaves out deleted organisations and relations', () => {
    const graph = visibleGraph([...organisations, org('d', { deleted: true })], [...relations, relation('x', 'a', 'c', { deleted: true }), relation('ad', 'a', 'd')], NO_FILTER);
    expect(graph.organisations.map((o) => o.id)).not.toContain('d');
    expect(graph.relations.map((r) => r.id)).toEqual(['ab', 'bc', 'ca']);
  });
});

describe('map elements and style', () => {
  it('cuts long names itself, and keeps the whole name for focus and export', () => {
    expect(shortLabel('GGD Limburg-Noord', 22)).toBe('GGD Limburg-Noord');
    expect(shortLabel('Verloskundigenpraktijk De Wiekslag', 22)).toBe('Verloskundigenpraktij…');
    expect(shortLabel('Verloskundigenpraktijk De Wiekslag', 22)).toHaveLength(22);
    const long = org('v', { name: 'Verloskundigenpraktijk De Wiekslag Venlo' });
    const [node] = mapElements(visibleGraph([long], [], NO_FILTER));
    // Alone it is the most connected, so named at every zoom: a longer cut.
    expect(node.data.label).toBe('Verloskundigenpraktijk De Wieks…');
    expect(node.data.full).toBe('Verloskundigenpraktijk De Wiekslag Venlo');
  });

  it('marks signed partners with a check mark in the label', () => {
    expect(nodeLabel({ name: 'GGD', status: 'convenant getekend' })).toBe('✓ GGD');
    expect(nodeLabel({ name: 'GGD', status: 'betrokken' })).toBe('GGD');
  });

  it('places the same network the same way every time', () => {
    const graph = visibleGraph(organisations, relations, NO_FILTER);
    expect(mapElements(graph)).toEqual(mapElements(graph));
  });

  it('colours by domain, marks signed and faded partners, and styles edges by kind and strength', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: mapElements(visibleGraph(organisations, relations, NO_FILTER)), style: mapStyle() });
    expect(cy.nodes()).toHaveLength(3);
    expect(cy.edges()).toHaveLength(3);
    expect(cy.$id('a').style('background-color')).toBe('rgb(37,99,235)');
    expect(cy.$id('b').style('background-color')).toBe('rgb(217,119,6)');
    expect(cy.$id('a').style('border-width')).toBe('4px');
    expect(cy.$id('b').style('border-width')).toBe('1px');
    expect(Number(cy.$id('c').style('opacity'))).toBeLessThan(0.5);
    expect(cy.$id('bc').style('target-arrow-shape')).toBe('triangle');
    expect(cy.$id('ab').style('target-arrow-shape')).toBe('none');
    expect(parseFloat(cy.$id('bc').style('width'))).toBeGreaterThan(parseFloat(cy.$id('ab').style('width')));
    cy.destroy();
  });
});

describe('map layout', () => {
  it('asks the core for the shown organisations and the relations between them', () => {
    const graph = visibleGraph([org('a'), org('b'), org('c', { domain: 'sociaal' })], [relation('ab', 'a', 'b'), relation('bc', 'b', 'c')], {
      ...NO_FILTER,
      domain: 'medisch',
    });
    expect(layoutInput(graph)).toEqual({ nodes: ['a', 'b'], edges: [['a', 'b']] });
  });

  it('puts each organisation where the core placed it', () => {
    const graph = visibleGraph([org('a'), org('b')], [relation('ab', 'a', 'b')], NO_FILTER);
    const placed = [
      { id: 'a', x: 10, y: 20 },
      { id: 'b', x: 130, y: 20 },
    ];
    // Added, as the map does: elements given to the constructor would be laid out at (0, 0).
    const cy = cytoscape({ headless: true });
    cy.add(mapElements(graph, placed));
    expect(cy.$id('a').position()).toEqual({ x: 10, y: 20 });
    expect(cy.$id('b').position()).toEqual({ x: 130, y: 20 });
    cy.destroy();
  });

  it('fits the placed organisations and their names in the canvas, never larger than the most zoom', () => {
    const placed = [
      { id: 'a', x: -400, y: 100 },
      { id: 'b', x: 900, y: -250 },
      { id: 'c', x: 30, y: 700 },
    ];
    const { zoom, pan } = viewportFor(placed, 800, 500);
    const screen = (p: { x: number; y: number }) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });
    for (const p of placed) {
      const { x, y } = screen(p);
      expect(x).toBeGreaterThanOrEqual(30);
      expect(x).toBeLessThanOrEqual(770);
      expect(y).toBeGreaterThanOrEqual(30);
      // Room below the lowest node for its name.
      expect(y + 40 * zoom).toBeLessThanOrEqual(470);
    }
    expect(viewportFor([{ id: 'a', x: 5, y: 5 }], 800, 500).zoom).toBe(MOST_ZOOM);
  });

  it('puts a large network in rings, no two organisations on one spot', () => {
    const many = Array.from({ length: LARGE_NETWORK + 700 }, (_, i) => org(`n${i}`));
    const links = Array.from({ length: 1500 }, (_, i) => relation(`e${i}`, `n${i % 1000}`, `n${(i * 7 + 1) % 1000}`));
    const cy = cytoscape({ headless: true, elements: mapElements(visibleGraph(many, links, NO_FILTER)) });
    cy.layout(RINGS).run();
    const positions = new Set(cy.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`));
    expect(positions.size).toBe(1000);
    cy.destroy();
  });
});

describe('names on the map', () => {
  const node = (id: string, x: number, y: number, name = 'Wijkteam Venlo') => ({ id, x, y, size: 20, name });

  it('puts a name below its node when there is room', () => {
    expect(placeNames([node('a', 100, 100), node('b', 400, 100)], 13, 800, 500)).toEqual(
      new Map([
        ['a', 'below'],
        ['b', 'below'],
      ]),
    );
  });

  it('moves a name aside for a more important one, and leaves it out when no spot is free', () => {
    // A column of nodes: below a lies b's node, so a's name goes above.
    const spots = placeNames([node('a', 100, 100), node('b', 100, 125), node('c', 100, 150), node('d', 100, 175), node('e', 100, 200)], 13, 800, 500);
    expect(spots.get('a')).toBe('above');
    expect(spots.get('b')).toBe('right');
    expect(spots.get('e')).toBe('below');
    // Everything on one spot: only the most important is named.
    const crowd = placeNames([node('a', 200, 200), node('b', 200, 200), node('c', 200, 200), node('d', 200, 200), node('e', 200, 200), node('f', 200, 200)], 13, 800, 500);
    expect(crowd.get('a')).toBe('below');
    expect(crowd.get('f')).toBeNull();
  });

  it('keeps names on the canvas: at its edge a name moves to the side that has room', () => {
    const long = 'Centrum voor Jeugd en Gezin Venlo';
    const spots = placeNames([node('right', 790, 250, long), node('left', 10, 200, long), node('bottom', 400, 495), node('corner', 790, 480, long)], 13, 800, 500);
    expect(spots.get('right')).toBe('left');
    expect(spots.get('left')).toBe('right');
    expect(spots.get('bottom')).toBe('above');
    // Below and above, its name would run off the right edge as well.
    expect(spots.get('corner')).toBe('left');
    // No side has room: the name waits for a closer zoom.
    expect(placeNames([node('squeezed', 50, 50, long)], 13, 100, 100).get('squeezed')).toBeNull();
  });

  it('never lets two placed names cover each other', () => {
    let seed = 5;
    const rnd = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
    const nodes = Array.from({ length: 12 }, (_, i) => node(`n${i}`, rnd(600), rnd(400), 'x'.repeat(8 + rnd(20))));
    const spots = placeNames(nodes, 13, 800, 500);
    const box = (n: (typeof nodes)[number]) => {
      const w = n.name.length * 13 * 0.62;
      const h = 13 * 1.3;
      const r = n.size / 2 + 4;
      switch (spots.get(n.id)) {
        case 'below':
          return [n.x - w / 2, n.y + r, n.x + w / 2, n.y + r + h];
        case 'above':
          return [n.x - w / 2, n.y - r - h, n.x + w / 2, n.y - r];
        case 'right':
          return [n.x + r, n.y - h / 2, n.x + r + w, n.y + h / 2];
        case 'left':
          return [n.x - r - w, n.y - h / 2, n.x - r, n.y + h / 2];
        default:
          return null;
      }
    };
    const boxes = nodes.map(box).filter((b) => b !== null);
    expect(boxes.length).toBeGreaterThan(3);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]).toBe(false);
  });
});

describe('importance on the map', () => {
  const hub = [org('h', { name: 'Hub' }), org('x', { name: 'X' }), org('y', { name: 'Y', status: 'convenant getekend' }), org('z', { name: 'Z' })];
  const spokes = [relation('hx', 'h', 'x'), relation('hy', 'h', 'y'), relation('hz', 'z', 'h')];

  it('counts relations per organisation, both ends', () => {
    const graph = visibleGraph(hub, spokes, NO_FILTER);
    expect(Object.fromEntries(degrees(graph))).toEqual({ h: 3, x: 1, y: 1, z: 1 });
  });

  it('names the most connected first, then signed partners', () => {
    const graph = visibleGraph(hub, spokes, NO_FILTER);
    expect([...importantOrganisations(graph, 2)]).toEqual([
      ['h', 0],
      ['y', 1],
    ]);
    const nodes = mapElements(graph).filter((e) => e.group === 'nodes');
    expect(nodes.find((n) => n.data.id === 'h')?.data.degree).toBe(3);
    expect(nodes.filter((n) => n.classes === 'important').length).toBe(4);
  });
});
