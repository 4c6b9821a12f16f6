import { describe, expect, it } from 'vitest';
import {
  ACTION_LINES,
  ACTION_LINE_LABELS,
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  NATIONAL_GOALS,
  NATIONAL_GOAL_LABELS,
  PLAN_STATUSES,
  PLAN_STATUS_LABELS,
  ROLLOUT_STATUSES,
  ROLLOUT_STATUS_LABELS,
  COALITION_ROLES,
  COALITION_ROLE_LABELS,
  DOMAINS,
  DOMAIN_LABELS,
  KIND_LABELS,
  LEGAL_BASES,
  LEGAL_BASIS_HINTS,
  LEGAL_BASIS_LABELS,
  ORG_KINDS,
  RELATION_KINDS,
  RELATION_KIND_LABELS,
  errorMessage,
  translate,
  validationMessage,
} from './i18n';
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

  it('labels every relation kind, coalition role and legal basis in both languages', () => {
    expect(RELATION_KINDS).toEqual(['samenwerking', 'verwijzing', 'overleg', 'financiering', 'convenantpartner', 'anders']);
    expect(COALITION_ROLES).toEqual(['bestuurlijk', 'uitvoerend', 'kartrekker']);
    expect(LEGAL_BASES).toEqual(['publieke taak', 'gerechtvaardigd belang', 'toestemming']);
    for (const lang of ['nl', 'en'] as const) {
      for (const k of RELATION_KINDS) expect(RELATION_KIND_LABELS[lang][k]).toBeTruthy();
      for (const r of COALITION_ROLES) expect(COALITION_ROLE_LABELS[lang][r]).toBeTruthy();
      for (const b of LEGAL_BASES) {
        expect(LEGAL_BASIS_LABELS[lang][b]).toBeTruthy();
        expect(LEGAL_BASIS_HINTS[lang][b]).toBeTruthy();
      }
    }
    expect(LEGAL_BASIS_LABELS.en['gerechtvaardigd belang']).toBe('Legitimate interest');
  });

  it('labels the action plan\'s statuses, action lines and national goals in both languages', () => {
    expect(PLAN_STATUSES).toEqual(['concept', 'vastgesteld']);
    expect(ACTION_STATUSES).toEqual(['idee', 'gepland', 'loopt', 'afgerond', 'gestopt']);
    expect(ROLLOUT_STATUSES).toEqual(['niet gestart', 'in voorbereiding', 'actief', 'gestopt']);
    expect(ACTION_LINES).toEqual(['voor de zwangerschap', 'tijdens de zwangerschap', 'na de geboorte']);
    expect(NATIONAL_GOALS).toHaveLength(6);
    for (const lang of ['nl', 'en'] as const) {
      for (const s of PLAN_STATUSES) expect(PLAN_STATUS_LABELS[lang][s]).toBeTruthy();
      for (const s of ACTION_STATUSES) expect(ACTION_STATUS_LABELS[lang][s]).toBeTruthy();
      for (const s of ROLLOUT_STATUSES) expect(ROLLOUT_STATUS_LABELS[lang][s]).toBeTruthy();
      for (const l of ACTION_LINES) expect(ACTION_LINE_LABELS[lang][l]).toBeTruthy();
      for (const g of NATIONAL_GOALS) expect(NATIONAL_GOAL_LABELS[lang][g]).toBeTruthy();
    }
    expect(ROLLOUT_STATUS_LABELS.en['in voorbereiding']).toBe('In preparation');
  });

  it('explains a wrong amount, with a Dutch example in both languages', () => {
    expect(validationMessage('nl', 'invalid_amount')).toMatch(/geen bedrag.*12\.500/);
    expect(validationMessage('en', 'invalid_amount')).toMatch(/not an amount.*12\.500/);
  });

  it('explains a wrong e-mail address and phone number', () => {
    expect(validationMessage('nl', 'invalid_email')).toMatch(/geen e-mailadres/);
    expect(validationMessage('en', 'invalid_email')).toMatch(/not an email address/);
    expect(validationMessage('nl', 'invalid_phone')).toMatch(/geen telefoonnummer/);
    expect(validationMessage('en', 'invalid_phone')).toMatch(/not a phone number/);
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

describe('the words, split by area', () => {
  it('never declares one key in two areas, where the later would silently win', async () => {
    const { FIELD_LABELS } = await import('./fields');
    const areas = {
      fields: FIELD_LABELS.nl,
      common: (await import('./words/common')).nl,
      network: (await import('./words/network')).nl,
      plan: (await import('./words/plan')).nl,
      meetings: (await import('./words/meetings')).nl,
      share: (await import('./words/share')).nl,
    };
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, words] of Object.entries(areas)) {
      for (const key of Object.keys(words)) {
        if (owner.has(key)) twice.push(`${key} (${owner.get(key)}, ${area})`);
        owner.set(key, area);
      }
    }
    expect(twice).toEqual([]);
    expect(owner.size).toBeGreaterThan(700);
  });
});
