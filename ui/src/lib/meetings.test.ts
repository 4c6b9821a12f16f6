import { describe, expect, it } from 'vitest';
import type { Meeting } from './bindings';
import {
  invitedFirst,
  moveInOrder,
  outsideAgenda,
  ownerChoices,
  ownerLabel,
  splitMeetings,
  splitSnippet,
  suggestNextDate,
  timeSpan,
  webLink,
} from './meetings';

function meeting(id: string, date: string | null, start_time = ''): Meeting {
  return {
    id,
    title: id,
    kind: 'stuurgroep',
    pillar: null,
    date,
    start_time,
    end_time: '',
    location: '',
    online_link: '',
    status: 'gepland',
    chair: null,
    minute_taker: null,
    created_at: '',
    updated_at: '',
  };
}

describe('search snippets', () => {
  it('marks the words between U+0002 and U+0003', () => {
    expect(splitSnippet('de \u0002begroting\u0003 voor \u0002Venlo\u0003.')).toEqual([
      { text: 'de ', mark: false },
      { text: 'begroting', mark: true },
      { text: ' voor ', mark: false },
      { text: 'Venlo', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('keeps plain text and HTML as text', () => {
    expect(splitSnippet('geen treffer')).toEqual([{ text: 'geen treffer', mark: false }]);
    expect(splitSnippet('\u0002<img src=x onerror=alert(1)>\u0003')).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: true },
    ]);
    expect(splitSnippet('')).toEqual([]);
  });

  it('survives a snippet cut off inside a match', () => {
    expect(splitSnippet('…eind \u0002begr')).toEqual([
      { text: '…eind ', mark: false },
      { text: 'begr', mark: true },
    ]);
  });
});

describe('the meeting list', () => {
  it('puts today and later under upcoming, soonest first, and the rest under past, latest first', () => {
    const list = [
      meeting('old', '2024-01-10'),
      meeting('today', '2025-03-01', '14:00'),
      meeting('later', '2025-05-01'),
      meeting('recent', '2025-02-20'),
      meeting('undated', null),
      meeting('morning', '2025-03-01', '09:00'),
    ];
    const { upcoming, past } = splitMeetings(list, '2025-03-01');
    expect(upcoming.map((m) => m.id)).toEqual(['morning', 'today', 'later', 'undated']);
    expect(past.map((m) => m.id)).toEqual(['recent', 'old']);
  });

  it('writes the time span', () => {
    expect(timeSpan({ start_time: '14:00', end_time: '16:00' })).toBe('14:00–16:00');
    expect(timeSpan({ start_time: '14:00', end_time: '' })).toBe('14:00');
    expect(timeSpan({ start_time: '', end_time: '' })).toBe('');
  });
});

describe('the agenda order', () => {
  const order = ['a', 'b', 'c'];

  it('moves an item one place up or down', () => {
    expect(moveInOrder(order, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(order, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(order, 'c', -1)).toEqual(['a', 'c', 'b']);
  });

  it('keeps the order at the ends and for an unknown item, and lists every item once', () => {
    expect(moveInOrder(order, 'a', -1)).toEqual(order);
    expect(moveInOrder(order, 'c', 1)).toEqual(order);
    expect(moveInOrder(order, 'x', 1)).toEqual(order);
    expect(moveInOrder([], 'a', 1)).toEqual([]);
    const moved = moveInOrder(order, 'a', 1);
    expect([...moved].sort()).toEqual(order);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('decisions and action items outside the agenda', () => {
  it('keeps those under no item or under a deleted item', () => {
    const agenda = [{ id: 'a1' }, { id: 'a2' }];
    const list = [
      { id: 'd1', agenda_item: 'a1' },
      { id: 'd2', agenda_item: null },
      { id: 'd3', agenda_item: 'gone' },
      { id: 'd4', agenda_item: 'a2' },
    ];
    expect(outsideAgenda(list, agenda).map((d) => d.id)).toEqual(['d2', 'd3']);
    expect(outsideAgenda(list, []).map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
  });
});

describe('people to choose', () => {
  it('lists contact persons and then living organisations, each by name', () => {
    const owners = ownerChoices(
      [
        { id: 'c2', name: 'Sanne', organisation: 'o1' },
        { id: 'c1', name: 'Inge', organisation: 'o9' },
      ],
      [
        { id: 'o1', name: 'GGD', deleted: false },
        { id: 'o2', name: 'Gemeente', deleted: true },
        { id: 'o3', name: 'Buurtzorg', deleted: false },
      ],
    );
    expect(owners).toEqual([
      { id: 'c1', name: 'Inge', group: 'contact', sub: '' },
      { id: 'c2', name: 'Sanne', group: 'contact', sub: 'GGD' },
      { id: 'o3', name: 'Buurtzorg', group: 'organisation', sub: '' },
      { id: 'o1', name: 'GGD', group: 'organisation', sub: '' },
    ]);
  });

  it('puts the invited persons first', () => {
    const people = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(invitedFirst(people, ['c', 'a', 'x'])).toEqual({ invited: [{ id: 'a' }, { id: 'c' }], others: [{ id: 'b' }] });
    expect(invitedFirst(people, [])).toEqual({ invited: [], others: people });
  });
});

describe('the online link', () => {
  it('is a link only for http and https addresses', () => {
    expect(webLink('https://teams.microsoft.com/l/meetup-join/abc')).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    expect(webLink('  http://example.nl/x ')).toBe('http://example.nl/x');
    expect(webLink('javascript:alert(1)')).toBeNull();
    expect(webLink('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(webLink('teams.microsoft.com/abc')).toBeNull();
    expect(webLink('https://')).toBeNull();
    expect(webLink('https://a b')).toBeNull();
    expect(webLink('')).toBeNull();
  });
});

describe('the date suggested for the next meeting', () => {
  it('is four weeks after the previous one', () => {
    expect(suggestNextDate('2026-11-23', '2026-11-29')).toBe('2026-12-21');
  });

  it('is never in the past: it moves on in the same rhythm, same weekday', () => {
    // 7 October 2026 was a Wednesday; four weeks on is 4 November, past on 29 November.
    const next = suggestNextDate('2026-10-07', '2026-11-29');
    expect(next).toBe('2026-12-02');
    expect(new Date(`${next}T12:00:00Z`).getUTCDay()).toBe(3);
    expect(suggestNextDate('2025-03-10', '2026-11-29') >= '2026-11-29').toBe(true);
  });

  it('may be today, and is four weeks from today without a previous date', () => {
    expect(suggestNextDate('2026-11-01', '2026-11-29')).toBe('2026-11-29');
    expect(suggestNextDate(null, '2026-11-29')).toBe('2026-12-27');
  });

  it('crosses a change to summer time without losing a day', () => {
    expect(suggestNextDate('2027-03-15', '2027-03-01')).toBe('2027-04-12');
  });
});

describe('owners in a list', () => {
  it('name a person with their organisation, an organisation alone', () => {
    expect(ownerLabel({ id: 'p', name: 'Inge Bakker', group: 'contact', sub: 'GGD' })).toBe('Inge Bakker (GGD)');
    expect(ownerLabel({ id: 'o', name: 'GGD', group: 'organisation', sub: '' })).toBe('GGD');
  });
});
