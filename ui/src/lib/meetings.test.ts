import { describe, expect, it } from 'vitest';
import type { Meeting } from './bindings';
import { splitMeetings, splitSnippet, timeSpan } from './meetings';

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
