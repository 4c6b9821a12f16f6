// The sync state the frame and pages show, kept current by the shell's
// events (a sync may run in the background at any time).
import { listen } from '@tauri-apps/api/event';
import { api, ApiError } from './api';
import type { ErrorPayload, SyncReport, SyncStatus } from './bindings';

export const sync = $state({
  status: null as SyncStatus | null,
  lastReport: null as SyncReport | null,
  running: false,
  /** Bumped after every sync that brought changes: pages reload their data. */
  version: 0,
  conflicts: 0,
});

export async function refreshSync() {
  try {
    sync.status = await api.syncStatus();
    sync.conflicts = sync.status.open_conflicts;
  } catch {
    // The status is a courtesy; the pages report their own errors.
  }
}

function finished(report: SyncReport) {
  sync.lastReport = report;
  if (report.imported_changes > 0) sync.version += 1;
}

/** Sync now, as the button does. Errors come back as the shell's payload. */
export async function syncNow(): Promise<ErrorPayload | null> {
  sync.running = true;
  try {
    finished(await api.syncNow());
    return null;
  } catch (e) {
    return e instanceof ApiError ? e.payload : { kind: 'io', message: String(e), validation: null };
  } finally {
    sync.running = false;
    await refreshSync();
  }
}

export async function startSyncEvents() {
  await refreshSync();
  await listen<SyncReport>('sync-finished', (event) => {
    finished(event.payload);
    refreshSync();
  });
  await listen<ErrorPayload>('sync-failed', () => refreshSync());
}
