// The shared form parts: labels, marks and descriptions tied to their
// controls, and the core's refusal shown at the field it names.
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { ApiError } from '../api';
import TwoFields from './fixtures/TwoFields.svelte';

beforeAll(() => {
  // jsdom has <dialog> without its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});

afterEach(() => {
  document.body.innerHTML = '';
});

const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const submit = () => document.querySelector<HTMLFormElement>('form')!.requestSubmit();

describe('a form dialog with fields', () => {
  it('labels each control and marks what must be filled in', () => {
    const c = mount(TwoFields, { target: document.body, props: { save: async () => '', onsaved: () => {} } });
    flushSync();
    const name = input('name');
    expect(document.querySelector(`label[for="${name.id}"]`)?.textContent).toContain('Naam');
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(name.maxLength).toBe(200);
    const email = input('email');
    expect(email.getAttribute('aria-required')).toBeNull();
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe('Werkadres');
    expect(document.querySelector('.required-note')?.textContent).toContain('*');
    unmount(c);
  });

  it('shows the refusal at the field the core named, focused, and stays open', async () => {
    const save = vi.fn(async () => {
      throw new ApiError({
        kind: 'validation',
        message: 'geen e-mailadres',
        validation: { field: 'email', code: 'invalid_email', message: 'geen e-mailadres' },
      });
    });
    const onsaved = vi.fn();
    const c = mount(TwoFields, { target: document.body, props: { save, onsaved } });
    flushSync();
    input('name').value = 'Anne';
    input('name').dispatchEvent(new Event('input'));
    submit();
    await tick();
    await tick();
    flushSync();
    expect(save).toHaveBeenCalledWith({ name: 'Anne', email: '' });
    const email = input('email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const described = email.getAttribute('aria-describedby')!.split(' ');
    expect(described).toHaveLength(2);
    expect(document.getElementById(described[1])?.textContent).toMatch(/^Dit is geen e-mailadres/);
    expect(document.activeElement).toBe(email);
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Controleer');
    expect(document.querySelector('dialog')!.open).toBe(true);
    expect(onsaved).not.toHaveBeenCalled();
    unmount(c);
  });

  it('closes and hands over what the core saved', async () => {
    const onsaved = vi.fn();
    const c = mount(TwoFields, { target: document.body, props: { save: async () => 'id-1', onsaved } });
    flushSync();
    submit();
    await tick();
    await tick();
    expect(onsaved).toHaveBeenCalledWith('id-1');
    expect(document.querySelector('dialog')!.open).toBe(false);
    unmount(c);
  });
});
