import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearNotices, hold, notices, notify, NOTICE_MS, NOTICE_UNDO_MS, release } from './notices.svelte';

describe('notices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    clearNotices();
    vi.useRealTimers();
  });

  it('a confirmation goes by itself; an error stays until dismissed', () => {
    notify('Opgeslagen.');
    notify('De map is weg.', { error: true });
    expect(notices.map((n) => n.text)).toEqual(['Opgeslagen.', 'De map is weg.']);
    vi.advanceTimersByTime(NOTICE_MS);
    expect(notices.map((n) => n.text)).toEqual(['De map is weg.']);
    vi.advanceTimersByTime(60_000);
    expect(notices).toHaveLength(1);
  });

  it('a new confirmation replaces the one before', () => {
    notify('Eerste.');
    notify('Tweede.');
    expect(notices.map((n) => n.text)).toEqual(['Tweede.']);
  });

  it('an undo stays longer, and using it closes the notice', () => {
    const undo = vi.fn();
    const n = notify('Verwijderd.', { undo });
    vi.advanceTimersByTime(NOTICE_MS);
    expect(notices).toHaveLength(1);
    n.undo!();
    expect(undo).toHaveBeenCalledOnce();
    expect(notices).toHaveLength(0);
    notify('Weer verwijderd.', { undo });
    vi.advanceTimersByTime(NOTICE_UNDO_MS);
    expect(notices).toHaveLength(0);
  });

  it('stays while held and gets its full time again when let go', () => {
    const n = notify('Opgeslagen.');
    vi.advanceTimersByTime(NOTICE_MS - 100);
    hold(n.id);
    vi.advanceTimersByTime(NOTICE_MS * 3);
    expect(notices).toHaveLength(1);
    release(n.id);
    vi.advanceTimersByTime(NOTICE_MS - 100);
    expect(notices).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(notices).toHaveLength(0);
  });

  it('moving to another page clears them all', () => {
    notify('Opgeslagen.');
    notify('Mislukt.', { error: true });
    clearNotices();
    expect(notices).toHaveLength(0);
  });
});
