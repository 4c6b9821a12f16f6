// Keyboard movement in a tab list, as the WAI-ARIA tabs pattern describes:
// arrows move to the previous or next tab and wrap around, Home and End go
// to the first and last.

/** The tab to move to for `key` from tab `index` of `count`, or null when the key does not move. */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
