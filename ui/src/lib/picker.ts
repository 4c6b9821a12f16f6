// What the picker offers for what was typed: names that match, whole-word
// starts first, without regard to case or accents ("cafe" finds "Café",
// "ggd" finds "GGD Limburg-Noord"), the chosen ones left out.

export type PickerOption = { value: string; label: string; hint?: string };

/** Lower case, accents off: the form both sides are compared in. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('nl');
}

/** Where `query` starts a word in `label` (0), lies inside it (1), or not (null). */
function rank(label: string, query: string): number | null {
  const at = label.indexOf(query);
  if (at < 0) return null;
  return at === 0 || /[\s\-–(/.,&]/.test(label[at - 1]) ? 0 : 1;
}

/**
 * The options to show for `query`, at most `limit`, and how many more
 * matched. Without a query: all not chosen, in their own order.
 */
export function matchOptions(
  options: PickerOption[],
  query: string,
  chosen: ReadonlySet<string>,
  limit = 50,
): { shown: PickerOption[]; more: number } {
  const q = fold(query.trim());
  const open = options.filter((o) => !chosen.has(o.value));
  let found: PickerOption[];
  if (!q) {
    found = open;
  } else {
    const ranked: { o: PickerOption; r: number; i: number }[] = [];
    open.forEach((o, i) => {
      const r = rank(fold(`${o.label} ${o.hint ?? ''}`), q);
      if (r !== null) ranked.push({ o, r, i });
    });
    found = ranked.sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.o);
  }
  return { shown: found.slice(0, limit), more: Math.max(0, found.length - limit) };
}
