import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { ApiError } from './api';
import { formFailure, refuse } from './formFailure';

describe('formFailure', () => {
  it('names the field the core refused and focuses it', () => {
    const form = document.createElement('form');
    form.innerHTML = '<input name="budget" /><input name="title" />';
    document.body.append(form);
    const error = new ApiError({
      kind: 'validation',
      message: 'geen bedrag',
      validation: { field: 'budget', code: 'invalid_amount', message: 'geen bedrag' },
    });
    const failure = formFailure(error, form, 'nl');
    expect(Object.keys(failure.errors)).toEqual(['budget']);
    expect(failure.problem).toBeNull();
    expect(document.activeElement?.getAttribute('name')).toBe('budget');
    form.remove();
  });

  it('focuses the first box of a named group of checkboxes', () => {
    const form = document.createElement('form');
    form.innerHTML = '<fieldset name="invited"><input type="checkbox" value="a" /><input type="checkbox" value="b" /></fieldset>';
    document.body.append(form);
    const error = new ApiError({
      kind: 'validation',
      message: 'onbekende persoon',
      validation: { field: 'invited', code: 'invalid_choice', message: 'onbekende persoon' },
    });
    expect(Object.keys(formFailure(error, form, 'nl').errors)).toEqual(['invited']);
    expect(document.activeElement).toBe(form.querySelector('input[value="a"]'));
    form.remove();
  });

  it('puts other failures, or a field the form lacks, in the problem line', () => {
    const form = document.createElement('form');
    const unknownField = new ApiError({
      kind: 'validation',
      message: 'de noemer is groter dan 0',
      validation: { field: 'denominator', code: 'invalid_choice', message: 'de noemer is groter dan 0' },
    });
    expect(formFailure(unknownField, form, 'nl')).toEqual({ errors: {}, problem: 'De noemer is groter dan 0.' });
    expect(formFailure(new Error('weg'), form, 'nl').problem).toMatch(/weg/);
  });

  it('shows a check the form makes itself as the core would', () => {
    const form = document.createElement('form');
    form.innerHTML = '<select name="to_org"><option value="">kies</option></select>';
    document.body.append(form);
    let caught: unknown;
    try {
      refuse('to_org', 'required');
    } catch (e) {
      caught = e;
    }
    const failure = formFailure(caught, form, 'nl');
    expect(failure.errors.to_org).toBe('Dit veld is verplicht.');
    expect(document.activeElement?.getAttribute('name')).toBe('to_org');
    form.remove();
  });

  it('says a check of its own in its own words when it has them', () => {
    const form = document.createElement('form');
    form.innerHTML = '<input name="duration_min" />';
    let caught: unknown;
    try {
      refuse('duration_min', 'required', 'Een duur blijft staan; vul een nieuwe in.');
    } catch (e) {
      caught = e;
    }
    expect(formFailure(caught, form, 'nl').errors.duration_min).toBe('Een duur blijft staan; vul een nieuwe in.');
  });
});
