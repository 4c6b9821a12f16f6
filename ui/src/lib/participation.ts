// Who takes part: the years to choose from, and a gathering's numbers per
// organisation as the form edits them (counts as typed, checked by the core).
import type { Gathering, Period, TurnoutInput } from './bindings';

/** The years from `first` up to this one, the latest first. */
export function yearsSince(first: number, today: Date): number[] {
  const out: number[] = [];
  for (let y = today.getFullYear(); y >= first; y--) out.push(y);
  return out;
}

/** One calendar year as a period, or every year for an empty choice. */
export function yearPeriod(year: string): Period {
  return year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
}

/** One organisation's row in the form: counts as typed. */
export type TurnoutRow = { organisation: string; name: string; registered: string; attended: string; welcomed: boolean };

/** A saved gathering's numbers as rows to edit. */
export function turnoutRows(gathering: Gathering | null): TurnoutRow[] {
  return (gathering?.turnout ?? []).map((t) => ({
    organisation: t.organisation,
    name: t.name,
    registered: String(t.registered),
    attended: String(t.attended),
    welcomed: t.welcomed,
  }));
}

/** The rows as the core takes them: exactly these organisations; a count left empty is none. */
export function turnoutInput(rows: TurnoutRow[]): TurnoutInput[] {
  return rows.map((r) => ({
    organisation: r.organisation,
    registered: r.registered.trim() || '0',
    attended: r.attended.trim() || '0',
    welcomed: r.welcomed,
  }));
}

/** A count as typed (`1.200`, `35`, empty for none), or null when it is no count. */
export function countOf(text: string): number | null {
  const cleaned = text.replace(/[.\s]/g, '');
  if (!cleaned) return 0;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/** Sums of the rows as typed (what is no count yet adds nothing). */
export function turnoutTotals(rows: TurnoutRow[]): { registered: number; attended: number } {
  return rows.reduce(
    (sum, r) => ({ registered: sum.registered + (countOf(r.registered) ?? 0), attended: sum.attended + (countOf(r.attended) ?? 0) }),
    { registered: 0, attended: 0 },
  );
}

/** The first organisation whose numbers are no counts, to name in the refusal. */
export function badTurnout(rows: TurnoutRow[]): string | null {
  return rows.find((r) => countOf(r.registered) === null || countOf(r.attended) === null)?.name ?? null;
}

/** A parents' group's count of one year, as typed. */
export type YearRow = { year: string; members: string; sessions: string };

/** The first year row that is no year with counts, by what was typed as its year. */
export function badYear(rows: YearRow[]): string | null {
  const seen = new Set<string>();
  for (const r of rows) {
    const year = r.year.trim();
    if (!/^(19|20|21)\d\d$/.test(year) || seen.has(year) || countOf(r.members) === null || countOf(r.sessions) === null) return year || '?';
    seen.add(year);
  }
  return null;
}
