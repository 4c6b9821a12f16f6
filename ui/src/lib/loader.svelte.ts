// What most pages do to show their data: read it when the page opens, again
// when its inputs change or a sync brought changes, and say in one sentence
// what went wrong when a read fails (the page keeps what it showed).
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
};

/**
 * Call while a component starts: `read` runs at once and again whenever
 * what `inputs` touches changes, and after every sync with changes.
 */
export function loader(read: () => Promise<void>, inputs: () => unknown = () => undefined): Loader {
  let problem = $state<string | null>(null);

  async function attempt(action: () => Promise<void>) {
    try {
      await action();
      problem = null;
    } catch (e) {
      problem = describeError(locale.lang, e);
    }
  }

  $effect(() => {
    void [inputs(), sync.version];
    attempt(read);
  });

  return {
    get problem() {
      return problem;
    },
    reload: () => attempt(read),
    attempt,
  };
}
