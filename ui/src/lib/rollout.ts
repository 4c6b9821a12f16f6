// The roll-out matrix: the core only sends cells that were ever set, so a
// missing cell means "niet gestart".
import type { ActionLine, MatrixIntervention, Rollout, RolloutStatus } from './bindings';
import { ACTION_LINES } from './i18n';

/** A symbol per status, so the matrix does not rely on colour alone. */
export const ROLLOUT_SYMBOLS: Record<RolloutStatus, string> = {
  'niet gestart': '–',
  'in voorbereiding': '◐',
  actief: '●',
  gestopt: '✕',
};

/** A cell of the matrix, set or not: one never set has no id yet. */
export type Cell = Omit<Rollout, 'id' | 'updated_at'>;

export type CellIndex = Map<string, Rollout>;

const key = (municipality: string, intervention: string) => `${municipality}|${intervention}`;

export function indexCells(cells: Rollout[]): CellIndex {
  return new Map(cells.map((c) => [key(c.municipality, c.intervention), c]));
}

/** The cell for this municipality and intervention; not started when never set. */
export function cellAt(index: CellIndex, municipality: string, intervention: string): Cell {
  return (
    index.get(key(municipality, intervention)) ?? {
      municipality,
      intervention,
      status: 'niet gestart',
      provider: null,
      since: null,
      target_per_year: null,
      actual_per_year: null,
    }
  );
}

/** Interventions grouped by action line, in the order of pregnancy; empty lines left out. */
export function groupByLine(interventions: MatrixIntervention[]): { line: ActionLine; items: MatrixIntervention[] }[] {
  return ACTION_LINES.map((line) => ({ line, items: interventions.filter((i) => i.action_line === line) })).filter(
    (g) => g.items.length > 0,
  );
}
