// Typed calls to the shell. Every command's types come from bindings.ts,
// generated from the Rust types; failures arrive as ErrorPayload and are
// thrown as ApiError so pages can branch on `kind`.
import { invoke } from '@tauri-apps/api/core';
import { errorMessage, type Lang } from './i18n';
import type {
  AppStatus,
  Coalition,
  ConflictView,
  ErrorPayload,
  GrowthPoint,
  Municipality,
  NetworkMetrics,
  NewMunicipality,
  NewOrganisation,
  Organisation,
  OrganisationFilter,
  OrganisationPatch,
  RacedDelete,
  SyncReport,
  SyncStatus,
} from './bindings';

export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.payload = payload;
  }
}

/** A failure in words: the core's Dutch message, or in English its kind and message. */
export function describePayload(lang: Lang, payload: ErrorPayload): string {
  return lang === 'nl' ? payload.message : `${errorMessage(lang, payload.kind)} (${payload.message})`;
}

/** Any caught error in words, for a page's problem line. */
export function describeError(lang: Lang, error: unknown): string {
  return error instanceof ApiError ? describePayload(lang, error.payload) : String(error);
}

export function toPayload(error: unknown): ErrorPayload {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    const e = error as ErrorPayload;
    return { kind: e.kind, message: String(e.message), validation: e.validation ?? null };
  }
  return { kind: 'io', message: String(error), validation: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw new ApiError(toPayload(error));
  }
}

export const api = {
  appStatus: () => call<AppStatus>('app_status'),
  createCoalition: (name: string) => call<Coalition>('create_coalition', { name }),
  loadDemo: () => call<Coalition>('load_demo'),
  setReplicaName: (name: string) => call<AppStatus>('set_replica_name', { name }),
  listOrganisations: (filter: OrganisationFilter) => call<Organisation[]>('list_organisations', { filter }),
  createOrganisation: (input: NewOrganisation) => call<Organisation>('create_organisation', { input }),
  updateOrganisation: (id: string, patch: OrganisationPatch) =>
    call<Organisation>('update_organisation', { id, patch }),
  deleteOrganisation: (id: string) => call<Organisation>('delete_organisation', { id }),
  restoreOrganisation: (id: string) => call<Organisation>('restore_organisation', { id }),
  networkMetrics: () => call<NetworkMetrics>('network_metrics'),
  networkGrowth: () => call<GrowthPoint[]>('network_growth'),
  syncStatus: () => call<SyncStatus>('sync_status'),
  setSyncFolder: (folder: string) => call<SyncStatus>('set_sync_folder', { folder }),
  syncNow: () => call<SyncReport>('sync_now'),
  joinCoalition: (folder: string) => call<Coalition>('join_coalition', { folder }),
  listConflicts: () => call<ConflictView[]>('list_conflicts'),
  restoreConflict: (id: string) => call<ConflictView[]>('restore_conflict', { id }),
  keepCurrent: (id: string) => call<ConflictView[]>('keep_current', { id }),
  listMunicipalities: () => call<Municipality[]>('list_municipalities'),
  createMunicipality: (input: NewMunicipality) => call<Municipality>('create_municipality', { input }),
  deleteMunicipality: (id: string) => call<Municipality>('delete_municipality', { id }),
  setServedMunicipalities: (id: string, municipalities: string[]) =>
    call<Organisation>('set_served_municipalities', { id, municipalities }),
  listRacedDeletes: () => call<RacedDelete[]>('list_raced_deletes'),
  undelete: (id: string) => call<RacedDelete[]>('undelete', { id }),
  keepDeleted: (id: string) => call<RacedDelete[]>('keep_deleted', { id }),
};
