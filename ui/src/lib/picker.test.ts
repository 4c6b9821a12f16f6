import { describe, expect, it } from 'vitest';
import { fold, matchOptions, type PickerOption } from './picker';

const orgs: PickerOption[] = [
  { value: '1', label: 'Verloskundigenpraktijk De Wieg', hint: 'Venlo' },
  { value: '2', label: 'GGD Limburg-Noord' },
  { value: '3', label: 'Café Moeder & Kind' },
  { value: '4', label: 'Wijkteam Venlo-Zuid' },
  { value: '5', label: 'Stichting Ggd-vrienden' },
];
const labels = (r: { shown: PickerOption[] }) => r.shown.map((o) => o.label);

describe('the picker', () => {
  it('folds case and accents', () => {
    expect(fold('Café ÉÉN')).toBe('cafe een');
  });

  it('finds word starts first, then matches inside a word, each in list order', () => {
    expect(labels(matchOptions(orgs, 'ggd', new Set()))).toEqual(['GGD Limburg-Noord', 'Stichting Ggd-vrienden']);
    expect(labels(matchOptions(orgs, 'venlo', new Set()))).toEqual(['Verloskundigenpraktijk De Wieg', 'Wijkteam Venlo-Zuid']);
    expect(labels(matchOptions(orgs, 'kundig', new Set()))).toEqual(['Verloskundigenpraktijk De Wieg']);
    expect(labels(matchOptions(orgs, 'cafe', new Set()))).toEqual(['Café Moeder & Kind']);
    expect(labels(matchOptions(orgs, 'noord', new Set()))).toEqual(['GGD Limburg-Noord']);
  });

  it('leaves out what is chosen, and says how many more there are', () => {
    expect(labels(matchOptions(orgs, '', new Set(['2', '3'])))).toEqual([
      'Verloskundigenpraktijk De Wieg',
      'Wijkteam Venlo-Zuid',
      'Stichting Ggd-vrienden',
    ]);
    const r = matchOptions(orgs, '', new Set(), 2);
    expect(labels(r)).toHaveLength(2);
    expect(r.more).toBe(3);
  });
});
