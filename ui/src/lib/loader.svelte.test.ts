// The loader: reads when inputs change, one read at a time, and says what
// went wrong while keeping what it showed.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { loader, type Loader } from './loader.svelte';

/** A promise to settle by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('the loader', () => {
  it('reads once more after a slow read when the input changed meanwhile, and shows the last answer', async () => {
    const input = $state({ text: 'a' });
    const asked: string[] = [];
    const answers: ReturnType<typeof deferred<string>>[] = [];
    let shown = '';
    let data!: Loader;
    const stop = $effect.root(() => {
      data = loader(
        async () => {
          asked.push(input.text);
          const answer = deferred<string>();
          answers.push(answer);
          shown = await answer.promise;
        },
        () => input.text,
      );
    });
    flushSync();
    expect(asked).toEqual(['a']);
    // Typing while the first read runs: no read per letter.
    input.text = 'ab';
    flushSync();
    input.text = 'abc';
    flushSync();
    expect(asked).toEqual(['a']);
    answers[0].resolve('for a');
    await new Promise((r) => setTimeout(r));
    expect(asked).toEqual(['a', 'abc']);
    answers[1].resolve('for abc');
    await new Promise((r) => setTimeout(r));
    expect(shown).toBe('for abc');
    expect(data.problem).toBeNull();
    stop();
  });

  it('says what went wrong and keeps what it showed; the next good read clears it', async () => {
    let fail = true;
    let shown = 'before';
    let data!: Loader;
    const stop = $effect.root(() => {
      data = loader(async () => {
        if (fail) throw new Error('de schijf is vol');
        shown = 'after';
      });
    });
    flushSync();
    await new Promise((r) => setTimeout(r));
    expect(data.problem).toMatch(/de schijf is vol/);
    expect(shown).toBe('before');
    fail = false;
    await data.reload();
    expect(data.problem).toBeNull();
    expect(shown).toBe('after');
    stop();
  });

  it('reads again after an action, also when the action failed', async () => {
    let reads = 0;
    let data!: Loader;
    const stop = $effect.root(() => {
      data = loader(async () => {
        reads++;
      });
    });
    flushSync();
    await new Promise((r) => setTimeout(r));
    expect(reads).toBe(1);
    await data.act(() => Promise.reject(new Error('geweigerd')));
    expect(reads).toBe(2);
    expect(data.problem).toMatch(/geweigerd/);
    stop();
  });

  it('skips the first read of a page that already shows it, and reads after the next change', async () => {
    const input = $state({ n: 1 });
    let reads = 0;
    const stop = $effect.root(() => {
      loader(
        async () => {
          reads++;
        },
        () => input.n,
        { ready: true },
      );
    });
    flushSync();
    await new Promise((r) => setTimeout(r));
    expect(reads).toBe(0);
    input.n = 2;
    flushSync();
    await new Promise((r) => setTimeout(r));
    expect(reads).toBe(1);
    stop();
  });
});
