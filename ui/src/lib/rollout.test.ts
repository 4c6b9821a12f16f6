import { describe, expect, it } from 'vitest';
import type { MatrixIntervention, Rollout } from './bindings';
import { ROLLOUT_SYMBOLS, cellAt, groupByLine, indexCells } from './rollout';

const cell = (municipality: string, intervention: string, status: Rollout['status']): Rollout => ({
  id: `${municipality}/${intervention}`,
  updated_at: '2026-01-01T00:00:00Z',
  municipality,
  intervention,
  status,
  provider: null,
  since: null,
  target_per_year: 12,
  actual_per_year: null,
});

describe('roll-out matrix cells', () => {
  const index = indexCells([cell('venlo', 'nnz', 'actief'), cell('horst', 'nnz', 'gestopt')]);

  it('finds a cell that was set', () => {
    expect(cellAt(index, 'venlo', 'nnz').status).toBe('actief');
    expect(cellAt(index, 'venlo', 'nnz').target_per_year).toBe(12);
    expect(cellAt(index, 'horst', 'nnz').status).toBe('gestopt');
  });

  it('treats a missing cell as not started', () => {
    const missing = cellAt(index, 'venlo', 'voorzorg');
    expect(missing).toMatchObject({ municipality: 'venlo', intervention: 'voorzorg', status: 'niet gestart', provider: null });
  });

  it('gives every status its own symbol', () => {
    expect(new Set(Object.values(ROLLOUT_SYMBOLS)).size).toBe(4);
  });
});

describe('interventions by action line', () => {
  const iv = (id: string, action_line: MatrixIntervention['action_line']): MatrixIntervention => ({
    id,
    name: id,
    action_line,
    active: 0,
  });

  it('orders the lines as a pregnancy goes and leaves out empty ones', () => {
    const groups = groupByLine([iv('a', 'na de geboorte'), iv('b', 'voor de zwangerschap'), iv('c', 'na de geboorte')]);
    expect(groups.map((g) => g.line)).toEqual(['voor de zwangerschap', 'na de geboorte']);
    expect(groups[1].items.map((i) => i.id)).toEqual(['a', 'c']);
  });
});
