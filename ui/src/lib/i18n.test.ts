import { describe, expect, it } from 'vitest';
import { DOMAINS, DOMAIN_LABELS, KIND_LABELS, ORG_KINDS, errorMessage, translate, validationMessage } from './i18n';
import { toPayload } from './api';

describe('translations', () => {
  it('fills placeholders and speaks Dutch first', () => {
    expect(translate('nl', 'org.count', { n: 3 })).toBe('3 organisaties');
    expect(translate('en', 'org.count', { n: 3 })).toBe('3 organisations');
    expect(translate('nl', 'org.deletedToast', {})).toBe('{name} is verwijderd.');
  });

  it('labels every kind and domain in both languages', () => {
    expect(ORG_KINDS).toHaveLength(15);
    expect(DOMAINS).toEqual(['medisch', 'sociaal', 'publieke gezondheid', 'overig']);
    for (const lang of ['nl', 'en'] as const) {
      for (const k of ORG_KINDS) expect(KIND_LABELS[lang][k]).toBeTruthy();
      for (const d of DOMAINS) expect(DOMAIN_LABELS[lang][d]).toBeTruthy();
    }
    expect(KIND_LABELS.nl['jgz/ggd']).toBe('JGZ/GGD');
  });

  it('turns validation codes and error kinds into sentences', () => {
    expect(validationMessage('nl', 'required')).toBe('Dit veld is verplicht.');
    expect(validationMessage('en', 'invalid_url')).toMatch(/web address/);
    expect(errorMessage('nl', 'not_found')).toMatch(/Niet gevonden/);
  });
});

describe('errors from the shell', () => {
  it('keeps a structured error as it is', () => {
    const payload = toPayload({
      kind: 'validation',
      message: 'vul de naam in',
      validation: { field: 'name', code: 'required', message: 'vul de naam in' },
    });
    expect(payload.kind).toBe('validation');
    expect(payload.validation?.field).toBe('name');
  });

  it('wraps anything else as an io error with its text', () => {
    expect(toPayload('kapot')).toEqual({ kind: 'io', message: 'kapot', validation: null });
  });
});
