// What the network map shows and how: which organisations and relations pass
// the filters, the graph elements, the look of nodes and edges, and a layout
// that stays quick for large networks. Kept free of the map component so the
// rules can be tested without a canvas.
import type { ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape';
import type { CoalitionStatus, Domain, MapGraphInput, MapPosition, Organisation, Relation, RelationKind } from './bindings';

/** The domain colours of app.css, which the canvas cannot read from CSS. */
export const DOMAIN_COLOURS: Record<Domain, string> = {
  medisch: '#2563eb',
  sociaal: '#d97706',
  'publieke gezondheid': '#059669',
  overig: '#7c8a93',
};

export type EdgeLook = {
  colour: string;
  /** Dash and gap lengths; empty for a solid line. */
  dashes: number[];
  /** Whether the relation has a direction (from → to), drawn as an arrow. */
  arrow: boolean;
};

// Each kind differs in more than colour, so the map reads in greyscale too.
export const EDGE_LOOKS: Record<RelationKind, EdgeLook> = {
  samenwerking: { colour: '#64748b', dashes: [], arrow: false },
  verwijzing: { colour: '#64748b', dashes: [], arrow: true },
  overleg: { colour: '#64748b', dashes: [1, 6], arrow: false },
  financiering: { colour: '#64748b', dashes: [8, 4], arrow: true },
  convenantpartner: { colour: '#18794e', dashes: [], arrow: false },
  anders: { colour: '#94a3b8', dashes: [10, 3, 2, 3], arrow: false },
};

export type MapFilter = { municipality: string; domain: Domain | ''; status: CoalitionStatus | '' };

export const NO_FILTER: MapFilter = { municipality: '', domain: '', status: '' };

export type MapGraph = { organisations: Organisation[]; relations: Relation[] };

/** The organisations passing the filter, and the relations between two of them. */
export function visibleGraph(organisations: Organisation[], relations: Relation[], filter: MapFilter): MapGraph {
  const shown = organisations.filter(
    (o) =>
      !o.deleted &&
      (!filter.municipality || o.municipalities.includes(filter.municipality)) &&
      (!filter.domain || o.domain === filter.domain) &&
      (!filter.status || o.status === filter.status),
  );
  const ids = new Set(shown.map((o) => o.id));
  return {
    organisations: shown,
    relations: relations.filter((r) => !r.deleted && ids.has(r.from_org) && ids.has(r.to_org)),
  };
}

/** A node's label: its name, with a check mark for a signed partner. */
export function nodeLabel(organisation: Pick<Organisation, 'name' | 'status'>): string {
  return organisation.status === 'convenant getekend' ? `✓ ${organisation.name}` : organisation.name;
}

/**
 * A name cut to `most` characters with "…": cut here rather than by the
 * map, which measures a label letter by letter to fit it (hundreds of
 * milliseconds for a coalition's names).
 */
export function shortLabel(label: string, most: number): string {
  return label.length <= most ? label : `${label.slice(0, most - 1).trimEnd()}…`;
}

/** How many relations each shown organisation has. */
export function degrees(graph: MapGraph): Map<string, number> {
  const count = new Map(graph.organisations.map((o) => [o.id, 0]));
  for (const r of graph.relations) {
    count.set(r.from_org, (count.get(r.from_org) ?? 0) + 1);
    count.set(r.to_org, (count.get(r.to_org) ?? 0) + 1);
  }
  return count;
}

/** How many names the map shows at the zoom that fits the whole network. */
export const NAMED_AT_FIT = 12;

/**
 * The organisations whose names show even when the whole network is in
 * view: the most connected ones and then signed partners, at most `most`.
 * The rest are named once one zooms in, so names do not pile up. Each
 * comes with its rank, 0 for the most important.
 */
export function importantOrganisations(graph: MapGraph, most = NAMED_AT_FIT): Map<string, number> {
  const degree = degrees(graph);
  const ranked = [...graph.organisations].sort(
    (a, b) =>
      (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) ||
      Number(b.status === 'convenant getekend') - Number(a.status === 'convenant getekend') ||
      a.name.localeCompare(b.name, 'nl'),
  );
  return new Map(ranked.slice(0, most).map((o, rank) => [o.id, rank]));
}

/**
 * The graph as cytoscape elements. Each node stands where the core placed it
 * (no layout runs after); without places, on a circle in list order, where
 * the rings of a large network start from. A node's size follows its number
 * of relations; important ones are named at every zoom.
 */
export function mapElements(graph: MapGraph, placed: MapPosition[] | null = null): ElementDefinition[] {
  const n = graph.organisations.length;
  const radius = Math.max(200, n * 12);
  const degree = degrees(graph);
  const important = importantOrganisations(graph);
  const at = new Map((placed ?? []).map((p) => [p.id, { x: p.x, y: p.y }]));
  const nodes: ElementDefinition[] = graph.organisations.map((o, i) => ({
    group: 'nodes',
    data: {
      id: o.id,
      label: shortLabel(nodeLabel(o), important.has(o.id) ? 32 : 22),
      full: nodeLabel(o),
      domain: o.domain,
      status: o.status,
      degree: degree.get(o.id) ?? 0,
      rank: important.get(o.id),
    },
    classes: important.has(o.id) ? 'important' : '',
    position: at.get(o.id) ?? { x: radius * Math.cos((2 * Math.PI * i) / n), y: radius * Math.sin((2 * Math.PI * i) / n) },
  }));
  const edges: ElementDefinition[] = graph.relations.map((r) => ({
    group: 'edges',
    data: { id: r.id, source: r.from_org, target: r.to_org, kind: r.kind, strength: r.strength },
  }));
  return [...nodes, ...edges];
}

/** Where a name stands beside its node; `null`: no room for it at this zoom. */
export type NameSpot = 'below' | 'above' | 'right' | 'left' | null;

/** A node as drawn on screen, in pixels, with the name it would show. */
export type DrawnNode = { id: string; x: number; y: number; size: number; name: string };

/** The spots a name tries, in order: below reads best, as in every other map. */
const SPOTS: Exclude<NameSpot, null>[] = ['below', 'above', 'right', 'left'];

/**
 * Places the names of the important organisations so that none covers
 * another or runs off the canvas (`width` × `height` pixels): the most
 * important first (the order given), each at the first free spot beside its
 * node. A name without a free spot is left out until
 * one zooms in; hovering its node still shows it. Sizes are estimated from
 * the number of letters, as the canvas would otherwise measure each one.
 */
export function placeNames(nodes: DrawnNode[], fontPx: number, width: number, height: number): Map<string, NameSpot> {
  type Box = { left: number; top: number; right: number; bottom: number };
  const gap = 4;
  const line = fontPx * 1.3;
  const boxFor = (n: DrawnNode, spot: Exclude<NameSpot, null>): Box => {
    const long = n.name.length * fontPx * 0.62;
    const r = n.size / 2 + gap;
    switch (spot) {
      case 'below':
        return { left: n.x - long / 2, right: n.x + long / 2, top: n.y + r, bottom: n.y + r + line };
      case 'above':
        return { left: n.x - long / 2, right: n.x + long / 2, top: n.y - r - line, bottom: n.y - r };
      case 'right':
        return { left: n.x + r, right: n.x + r + long, top: n.y - line / 2, bottom: n.y + line / 2 };
      case 'left':
        return { left: n.x - r - long, right: n.x - r, top: n.y - line / 2, bottom: n.y + line / 2 };
    }
  };
  const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  // The important nodes themselves are kept clear too.
  const taken: Box[] = nodes.map((n) => ({ left: n.x - n.size / 2, right: n.x + n.size / 2, top: n.y - n.size / 2, bottom: n.y + n.size / 2 }));
  const placed = new Map<string, NameSpot>();
  for (const n of nodes) {
    const free = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height && !taken.some((t) => overlaps(t, box));
    const spot = SPOTS.find((s) => free(boxFor(n, s))) ?? null;
    if (spot) taken.push(boxFor(n, spot));
    placed.set(n.id, spot);
  }
  return placed;
}

export function mapStyle(fontFamily = 'sans-serif'): StylesheetJson {
  const domains = (Object.keys(DOMAIN_COLOURS) as Domain[]).map((domain) => ({
    selector: `node[domain = "${domain}"]`,
    style: { 'background-color': DOMAIN_COLOURS[domain] },
  }));
  const kinds = (Object.keys(EDGE_LOOKS) as RelationKind[]).map((kind) => {
    const look = EDGE_LOOKS[kind];
    return {
      selector: `edge[kind = "${kind}"]`,
      style: {
        'line-color': look.colour,
        'target-arrow-color': look.colour,
        'target-arrow-shape': look.arrow ? ('triangle' as const) : ('none' as const),
        'line-style': look.dashes.length ? ('dashed' as const) : ('solid' as const),
        ...(look.dashes.length ? { 'line-dash-pattern': look.dashes } : {}),
      },
    };
  });
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        // Bigger for more relations: the hubs stand out.
        width: 'mapData(degree, 0, 20, 20, 56)',
        height: 'mapData(degree, 0, 20, 20, 56)',
        'border-width': 1,
        'border-color': '#ffffff',
        'font-family': fontFamily,
        'font-size': 11,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'none',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        // Labels vanish when zoomed far out: unreadable anyway, and costly with many nodes.
        'min-zoomed-font-size': 7,
      },
    },
    // Named at every zoom, large enough to read when the whole map is in view.
    {
      selector: 'node.important',
      style: { 'font-size': 22, 'font-weight': 'bold', 'min-zoomed-font-size': 0, 'z-index': 10 },
    },
    // Where placeNames put an important name; a name without room waits for a closer zoom.
    { selector: 'node.name-above', style: { 'text-valign': 'top', 'text-margin-y': -4 } },
    { selector: 'node.name-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': 4 } },
    { selector: 'node.name-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': -4 } },
    { selector: 'node.name-none', style: { label: '' } },
    ...domains,
    { selector: 'node[status = "convenant getekend"]', style: { 'border-width': 4, 'border-color': '#1f2933' } },
    // A partner and its neighbours, the rest faded back.
    { selector: '.faded', style: { opacity: 0.12 } },
    // A partner in focus and its neighbours say their whole name.
    { selector: 'node.focus', style: { label: 'data(full)', 'border-width': 5, 'border-color': '#0b4f63', 'font-weight': 'bold', 'min-zoomed-font-size': 0 } },
    { selector: 'node.neighbour', style: { label: 'data(full)', 'min-zoomed-font-size': 0 } },
    { selector: 'node[status = "gestopt"]', style: { opacity: 0.35 } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(strength, 1, 5, 1, 7)',
        'curve-style': 'bezier',
        'line-cap': 'round',
        'arrow-scale': 1.1,
        opacity: 0.85,
      },
    },
    ...kinds,
  ];
}

/**
 * Above this many organisations the map puts them in rings by number of
 * relations (milliseconds) instead of asking the core for a layout whose
 * work grows with the square of their number.
 */
export const LARGE_NETWORK = 300;

/** What the core lays out: the shown organisations and their relations. */
export function layoutInput(graph: MapGraph): MapGraphInput {
  return {
    nodes: graph.organisations.map((o) => o.id),
    edges: graph.relations.map((r) => [r.from_org, r.to_org]),
  };
}

/** Rings by number of relations, for a network too large for the core to place. */
export const RINGS: LayoutOptions = { name: 'concentric', animate: false, fit: true, padding: 30, minNodeSpacing: 12 };

/** The largest a handful of organisations is drawn: they would otherwise fill the canvas. */
export const MOST_ZOOM = 1.5;

/**
 * The zoom and pan that show every placed organisation in a canvas of
 * `width` × `height` pixels, with room around each node for its name.
 */
export function viewportFor(placed: MapPosition[], width: number, height: number, padding = 30): { zoom: number; pan: { x: number; y: number } } {
  if (!placed.length || width <= 0 || height <= 0) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  // A node's half width, and its name below it (in map units).
  const [side, below] = [60, 60];
  const xs = placed.map((p) => p.x);
  const ys = placed.map((p) => p.y);
  const [left, right] = [Math.min(...xs) - side, Math.max(...xs) + side];
  const [top, bottom] = [Math.min(...ys) - 30, Math.max(...ys) + below];
  const zoom = Math.min(MOST_ZOOM, (width - 2 * padding) / (right - left), (height - 2 * padding) / (bottom - top));
  return { zoom, pan: { x: width / 2 - zoom * ((left + right) / 2), y: height / 2 - zoom * ((top + bottom) / 2) } };
}
