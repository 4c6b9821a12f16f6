// What a form dialog shares with its fields: the errors the core named,
// the problem line, whether it is saving, and the prefix that keeps the
// ids of two forms on one page apart.
import { getContext, setContext } from 'svelte';

export class FormState {
  errors = $state<Record<string, string>>({});
  problem = $state<string | null>(null);
  busy = $state(false);
  /** Set by a field that must be filled in, so the form explains the mark. */
  hasRequired = $state(false);
  constructor(readonly prefix: string) {}

  id(name: string): string {
    return `${this.prefix}-${name.replaceAll('_', '-')}`;
  }
}

const KEY = Symbol('form');

export function provideForm(prefix: string): FormState {
  return setContext(KEY, new FormState(prefix));
}

export function currentForm(): FormState {
  const form = getContext<FormState | undefined>(KEY);
  if (!form) throw new Error('a Field belongs inside a FormDialog or a Form');
  return form;
}
