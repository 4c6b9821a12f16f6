// The export panel in jsdom, with the shell and the save dialog stood in for.
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportRequest, SyncStatus } from './bindings';

type Args = Record<string, unknown>;
const calls: { command: string; args: Args }[] = [];
const answers: Record<string, (args: Args) => unknown> = {};

vi.mock('@tauri-apps/api/core', () => ({
  invoke: async (command: string, args: Args) => {
    calls.push({ command, args });
    const answer = answers[command];
    if (!answer) throw { kind: 'io', message: `geen antwoord op ${command}`, validation: null };
    return answer(args);
  },
}));
const saveDialog = vi.fn();
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => saveDialog(options) }));

import ExportButton from './ExportButton.svelte';
import { sync } from './sync.svelte';

const refused = (message: string) => () => {
  throw { kind: 'io', message, validation: null };
};
const el = <T extends HTMLElement = HTMLButtonElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
async function settle() {
  for (let i = 0; i < 5; i++) await tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
}
const escape = () => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

describe('the export button', () => {
  let component: ReturnType<typeof mount> | null = null;
  const show = (request: ExportRequest, subject?: string) => {
    component = mount(ExportButton, { target: document.body, props: { request, subject } });
    return el('export-button')!;
  };

  beforeEach(() => {
    calls.length = 0;
    saveDialog.mockReset();
    for (const key of Object.keys(answers)) delete answers[key];
  });

  afterEach(() => {
    if (component) unmount(component);
    component = null;
    sync.status = null;
    document.body.innerHTML = '';
  });

  it('saves minutes where the user chooses, confidential items only when ticked, then opens or shows the file', async () => {
    const opener = show({ kind: 'minutes', meeting: 'm1', confidential: false }, 'Notulen');
    expect(opener.dataset.kind).toBe('minutes');
    expect(opener.getAttribute('aria-label')).toBe('Notulen exporteren');
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    opener.click();
    await settle();
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(el('export-format-docx'));
    expect(el('export-format-xlsx')).toBeNull();
    expect(el<HTMLInputElement>('export-confidential')!.checked).toBe(false);

    el<HTMLInputElement>('export-format-pdf')!.click();
    el<HTMLInputElement>('export-confidential')!.click();
    answers.export_file_name = () => 'Notulen 2026-11-30 Stuurgroep.pdf';
    answers.export_to_path = (args) => args.path;
    saveDialog.mockResolvedValue('/tmp/notulen');
    el('export-save-as')!.click();
    await settle();
    expect(saveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'Notulen 2026-11-30 Stuurgroep.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    );
    expect(calls.find((c) => c.command === 'export_to_path')?.args).toEqual({
      request: { kind: 'minutes', meeting: 'm1', confidential: true },
      format: 'pdf',
      path: '/tmp/notulen.pdf',
    });
    expect(el('export-notice')?.textContent).toBe('Opgeslagen: /tmp/notulen.pdf');
    expect(document.activeElement).toBe(el('export-open'));

    answers.reveal_exported = () => null;
    el('export-reveal')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({ command: 'reveal_exported', args: { path: '/tmp/notulen.pdf' } });
    answers.open_exported = refused('Dit bestand is niet in deze sessie geëxporteerd.');
    el('export-open')!.click();
    await settle();
    expect(el('export-problem')?.textContent).toBe('Dit bestand is niet in deze sessie geëxporteerd.');

    // Escape closes and puts focus back on the button; opened again, confidential is off.
    el('export-open')!.focus();
    escape();
    await settle();
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(opener);
    opener.click();
    await settle();
    expect(el<HTMLInputElement>('export-confidential')!.checked).toBe(false);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    show({ kind: 'plan' }).click();
    await settle();
    answers.export_file_name = () => 'Actieplan 2024-2027.docx';
    saveDialog.mockResolvedValue(null);
    el('export-save-as')!.click();
    await settle();
    expect(saveDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'Word', extensions: ['docx'] }] }));
    expect(calls.map((c) => c.command)).toEqual(['export_file_name']);
    expect(el('export-notice')).toBeNull();
    expect(el('export-problem')).toBeNull();
    expect(el('export-save-as')!.disabled).toBe(false);
  });

  it('is busy while the file is written, and shows the shared folder refusal', async () => {
    const opener = show({ kind: 'action_items' });
    expect(opener.getAttribute('aria-label')).toBeNull();
    expect(opener.textContent).toBe('Exporteren');
    opener.click();
    await settle();
    expect(document.activeElement).toBe(el('export-format-xlsx'));
    expect(el('export-confidential')).toBeNull();
    // Without a shared folder there is nowhere to put it, and the button says so.
    const hint = () => document.getElementById(el('export-to-shared')!.getAttribute('aria-describedby')!)?.textContent;
    expect(el('export-to-shared')!.disabled).toBe(true);
    expect(hint()).toMatch(/zodra er een gedeelde map is gekozen/);
    sync.status = { folder: '/gedeeld' } as SyncStatus;
    flushSync();
    expect(el('export-to-shared')!.disabled).toBe(false);
    expect(hint()).toMatch(/^In de map exports/);

    let refuse: (reason: unknown) => void = () => {};
    answers.export_to_shared_folder = () => new Promise((_, reject) => (refuse = reject));
    el('export-to-shared')!.click();
    await settle();
    expect(el('export-busy')?.textContent).toBe('Bezig met exporteren…');
    expect(el('export-save-as')!.disabled).toBe(true);
    expect(el('export-to-shared')!.disabled).toBe(true);
    // The outcome stays in view: Escape and a click elsewhere wait for it.
    el('export-format-csv')!.focus();
    escape();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await settle();
    expect(opener.getAttribute('aria-expanded')).toBe('true');

    refuse({ kind: 'sync_folder_missing', message: 'de gedeelde map is niet bereikbaar (/gedeeld)', validation: null });
    await settle();
    expect(el('export-busy')).toBeNull();
    expect(el('export-problem')?.textContent).toBe('De gedeelde map is niet bereikbaar (/gedeeld).');
    expect(el('export-to-shared')!.disabled).toBe(false);
    expect(calls.at(-1)?.args).toEqual({ request: { kind: 'action_items' }, format: 'xlsx' });

    // Now a click elsewhere closes it, without taking focus.
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await settle();
    expect(opener.getAttribute('aria-expanded')).toBe('false');
  });
});
