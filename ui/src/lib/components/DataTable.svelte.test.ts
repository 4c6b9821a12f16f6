// The shared table: sorting with aria-sort, the empty state, and the row
// menu as a keyboard user works it.
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import People from './fixtures/People.svelte';

const people = [
  { id: '1', name: 'Zeynep', age: 41 },
  { id: '2', name: 'anne', age: 9 },
  { id: '3', name: 'Bram', age: 100 },
];
const names = () => [...document.querySelectorAll('[data-testid="person"] td:first-child')].map((td) => td.textContent);
const header = (label: string) => [...document.querySelectorAll('th')].find((th) => th.textContent?.startsWith(label))!;
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the data table', () => {
  it('sorts on a header, Dutch order for words and number order for figures', () => {
    const c = mount(People, { target: document.body, props: { rows: people, onedit: () => {} } });
    flushSync();
    expect(names()).toEqual(['Zeynep', 'anne', 'Bram']);
    header('Naam').querySelector('button')!.click();
    flushSync();
    expect(names()).toEqual(['anne', 'Bram', 'Zeynep']);
    expect(header('Naam').getAttribute('aria-sort')).toBe('ascending');
    header('Naam').querySelector('button')!.click();
    flushSync();
    expect(names()).toEqual(['Zeynep', 'Bram', 'anne']);
    expect(header('Naam').getAttribute('aria-sort')).toBe('descending');
    header('Leeftijd').querySelector('button')!.click();
    flushSync();
    expect(names()).toEqual(['anne', 'Zeynep', 'Bram']);
    expect(header('Naam').getAttribute('aria-sort')).toBeNull();
    // A column without a sort value has no button.
    expect(header('Notitie').querySelector('button')).toBeNull();
    // Columns carry their priority, for the narrow-card rule.
    expect(header('Notitie').classList.contains('prio-3')).toBe(true);
    unmount(c);
  });

  it('shows a long list a page at a time, sorted as a whole', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ id: String(i), name: `Persoon ${String(i).padStart(3, '0')}`, age: i }));
    const c = mount(People, { target: document.body, props: { rows: many, onedit: () => {}, pageSize: 50 } });
    flushSync();
    const more = () => document.querySelector<HTMLButtonElement>('[data-testid="table-more"]');
    expect(names()).toHaveLength(50);
    expect(more()?.textContent).toBe('Volgende 50 tonen (van 120)');
    more()!.click();
    flushSync();
    expect(names()).toHaveLength(100);
    expect(more()?.textContent).toBe('Volgende 20 tonen (van 120)');
    // Sorting orders all rows, not just those shown.
    header('Naam').querySelector('button')!.click();
    header('Naam').querySelector('button')!.click();
    flushSync();
    expect(names()[0]).toBe('Persoon 119');
    more()!.click();
    flushSync();
    expect(names()).toHaveLength(120);
    expect(more()).toBeNull();
    unmount(c);
  });

  it('says so in words when there are no rows', () => {
    const c = mount(People, { target: document.body, props: { rows: [], onedit: () => {} } });
    flushSync();
    expect(document.querySelector('table')).toBeNull();
    expect(document.querySelector('.empty')?.textContent).toBe('Nog niemand.');
    unmount(c);
  });

  it('puts the row actions in one menu that works from the keyboard', async () => {
    const onedit = vi.fn();
    const c = mount(People, { target: document.body, props: { rows: people, onedit } });
    flushSync();
    expect(document.querySelectorAll('button[aria-haspopup="menu"]')).toHaveLength(3);
    const trigger = document.querySelector<HTMLButtonElement>('button[aria-label="Acties voor Bram"]')!;
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    key(trigger, 'ArrowDown');
    await tick();
    flushSync();
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const items = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent)).toEqual(['Bewerken', 'Verwijderen']);
    expect(document.activeElement).toBe(items[0]);
    key(items[0], 'ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    key(items[1], 'ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    key(items[0], 'Escape');
    flushSync();
    expect(document.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    trigger.click();
    await tick();
    flushSync();
    document.querySelector<HTMLElement>('[role="menuitem"]')!.click();
    flushSync();
    expect(onedit).toHaveBeenCalledWith(people[2]);
    expect(document.querySelector('[role="menu"]')).toBeNull();
    unmount(c);
  });
});
