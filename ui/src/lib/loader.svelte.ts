// What most pages do to show their data: read it when the page opens, again
// when its inputs change or a sync brought changes, and say in one sentence
// what went wrong when a read fails (the page keeps what it showed).
import { untrack } from 'svelte';
import { describeError } from './api';
import { locale } from './locale.svelte';
import { sync } from './sync.svelte';

export type Loader = {
  /** The failure of the last read or action, as a sentence; null when fine. */
  readonly problem: string | null;
  /** Read again now, e.g. after a save. */
  reload: () => Promise<void>;
  /** Run an action; its failure becomes the problem line. */
  attempt: (action: () => Promise<void>) => Promise<void>;
  /** Run an action, then read again, also when it failed (the page shows what is now stored). */
  act: (action: () => Promise<unknown>) => Promise<void>;
};

/**
 * Call while a component starts: `read` runs at once and again whenever
 * what `inputs` touches changes (only that: `read` itself is not watched),
 * and after every sync with changes. One read runs at a time, so answers
 * arrive in order: a change meanwhile reads once more when the running read
 * is done, with the inputs as they are then (typing a search asks twice, not
 * once per letter, and a slow early answer never overwrites a later one).
 */
export function loader(
  read: () => Promise<void>,
  inputs: () => unknown = () => undefined,
  /** `ready`: the page already shows what the first read would (read at start), so it is skipped. */
  { ready = false }: { ready?: boolean } = {},
): Loader {
  let problem = $state<string | null>(null);

  async function attempt(action: () => Promise<void>) {
    try {
      await action();
      problem = null;
    } catch (e) {
      problem = describeError(locale.lang, e);
    }
  }

  let reading: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  function readInTurn(): Promise<void> {
    if (!reading) {
      reading = attempt(() => untrack(read)).finally(() => (reading = null));
      return reading;
    }
    queued ??= reading.then(() => {
      queued = null;
      return readInTurn();
    });
    return queued;
  }

  let skip = ready;
  $effect(() => {
    void [inputs(), sync.version];
    if (skip) skip = false;
    else readInTurn();
  });

  return {
    get problem() {
      return problem;
    },
    reload: readInTurn,
    attempt,
    act: (action) =>
      attempt(async () => {
        try {
          await action();
        } finally {
          await untrack(read);
        }
      }),
  };
}
