// The picker as a keyboard user and a mouse user work it.
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PickerForm from './fixtures/PickerForm.svelte';

// jsdom lays nothing out, so it cannot scroll an option into view.
Element.prototype.scrollIntoView ??= () => {};

afterEach(() => {
  document.body.innerHTML = '';
});

const input = () => document.querySelector<HTMLInputElement>('input[name="partners"]')!;
const options = () => [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent?.trim());
const chips = () => [...document.querySelectorAll('.chip span')].map((c) => c.textContent);
function type(text: string) {
  input().value = text;
  input().dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}
function key(k: string) {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  input().dispatchEvent(event);
  flushSync();
  return event;
}

describe('the picker', () => {
  it('filters as one types, takes the active suggestion on Enter without submitting', async () => {
    const props = $state({ value: [] as string[], onsubmit: vi.fn() });
    const c = mount(PickerForm, { target: document.body, props });
    flushSync();
    input().focus();
    input().dispatchEvent(new FocusEvent('focus'));
    flushSync();
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(options()).toHaveLength(3);
    type('ge');
    expect(options()).toEqual(['Gemeente Venlo']);
    type('g');
    key('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe('p-option-1');
    const enter = key('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(props.onsubmit).not.toHaveBeenCalled();
    expect(props.value).toEqual(['b']);
    expect(chips()).toEqual(['Gemeente Venlo']);
    expect(input().value).toBe('');
    // What is chosen is not offered again.
    expect(options()).not.toContain('Gemeente Venlo');
    await tick();
    unmount(c);
  });

  it('removes a chip by its button, or the last with Backspace', () => {
    const props = $state({ value: ['a', 'c'], onsubmit: vi.fn() });
    const c = mount(PickerForm, { target: document.body, props });
    flushSync();
    expect(chips()).toEqual(['GGD Limburg-Noord', 'Café Moeder & Kind']);
    document.querySelector<HTMLButtonElement>('button[aria-label="GGD Limburg-Noord weghalen"]')!.click();
    flushSync();
    expect(props.value).toEqual(['c']);
    key('Backspace');
    expect(props.value).toEqual([]);
    unmount(c);
  });

  it('closes its list on Escape without letting the key reach a dialog', () => {
    const props = $state({ value: [] as string[], onsubmit: vi.fn() });
    const c = mount(PickerForm, { target: document.body, props });
    flushSync();
    type('caf');
    expect(options()).toEqual(['Café Moeder & Kind']);
    const outer = vi.fn();
    window.addEventListener('keydown', outer);
    const first = key('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    // The dialog closes on an Escape nobody took.
    expect(first.defaultPrevented).toBe(true);
    expect(outer).not.toHaveBeenCalled();
    // A second Escape is the dialog's again.
    expect(key('Escape').defaultPrevented).toBe(false);
    expect(outer).toHaveBeenCalledOnce();
    window.removeEventListener('keydown', outer);
    unmount(c);
  });
});
