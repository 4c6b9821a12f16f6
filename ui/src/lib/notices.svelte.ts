// Short messages after an action ("Opgeslagen", "… is verwijderd" with a
// way to undo it). One place shows them, beside the page rather than over
// it, so they never cover an input. A confirmation goes away by itself
// (later when it offers an undo, and not while the pointer or focus rests
// on it); an error stays until it is dismissed. Moving to another page
// clears them: a message belongs to the page it was about.

export type Notice = { id: number; text: string; error: boolean; undo?: () => void };

/** How long a confirmation stays, in milliseconds. */
export const NOTICE_MS = 5000;
export const NOTICE_UNDO_MS = 10000;

export const notices = $state<Notice[]>([]);

const timers = new Map<number, ReturnType<typeof setTimeout>>();
let nextId = 1;

function schedule(notice: Notice) {
  if (notice.error) return;
  clearTimeout(timers.get(notice.id));
  timers.set(
    notice.id,
    setTimeout(() => dismiss(notice.id), notice.undo ? NOTICE_UNDO_MS : NOTICE_MS),
  );
}

/**
 * Show a message. A new confirmation replaces the one before (only the
 * latest action is worth reading); errors stay beside it. With `undo`, the
 * notice offers "Ongedaan maken" and goes once it is used.
 */
export function notify(text: string, options: { undo?: () => void; error?: boolean } = {}): Notice {
  const error = options.error ?? false;
  if (!error) {
    for (const n of notices.filter((n) => !n.error)) dismiss(n.id);
  }
  const id = nextId++;
  const undo = options.undo;
  const notice: Notice = {
    id,
    text,
    error,
    undo: undo
      ? () => {
          dismiss(id);
          undo();
        }
      : undefined,
  };
  notices.push(notice);
  schedule(notice);
  return notice;
}

export function dismiss(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
  const index = notices.findIndex((n) => n.id === id);
  if (index >= 0) notices.splice(index, 1);
}

/** Keep a confirmation while someone reads or reaches for it. */
export function hold(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

/** …and let it go again, with its full time. */
export function release(id: number) {
  const notice = notices.find((n) => n.id === id);
  if (notice) schedule(notice);
}

export function clearNotices() {
  for (const n of [...notices]) dismiss(n.id);
}
