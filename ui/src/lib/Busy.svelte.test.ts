// The busy line: silent for quick work, then the label with a live region.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Busy from './Busy.svelte';

describe('the busy line', () => {
  afterEach(() => vi.useRealTimers());

  it('says what it is doing only once the work takes more than a moment', () => {
    vi.useFakeTimers();
    const props = $state({ busy: true, label: 'Bestand lezen…' });
    const component = mount(Busy, { target: document.body, props });
    const line = () => document.querySelector('[data-testid="busy"]')!;
    flushSync();
    expect(line().getAttribute('role')).toBe('status');
    expect(line().textContent?.trim()).toBe('');
    vi.advanceTimersByTime(300);
    flushSync();
    expect(line().textContent?.trim()).toBe('Bestand lezen…');
    props.busy = false;
    flushSync();
    expect(line().textContent?.trim()).toBe('');
    unmount(component);
  });
});
