// Typed calls to the shell. Every command's types come from bindings.ts,
// generated from the Rust types; failures arrive as ErrorPayload and are
// thrown as ApiError so pages can branch on `kind`.
import { invoke } from '@tauri-apps/api/core';
import { errorMessage, type Lang } from './i18n';
import type {
  AppStatus,
  Coalition,
  ConflictView,
  Contact,
  ContactFilter,
  ContactInput,
  ErrorPayload,
  GrowthPoint,
  ImportDone,
  ImportPreview,
  ImportRecord,
  UndoReport,
  Municipality,
  NetworkMetrics,
  NewMunicipality,
  NewOrganisation,
  NewRelation,
  Organisation,
  OrganisationFilter,
  OrganisationPatch,
  RacedDelete,
  Relation,
  RelationPatch,
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
  /** Relations between living organisations; with an id, only that organisation's. */
  listRelations: (organisation: string | null) => call<Relation[]>('list_relations', { organisation }),
  createRelation: (input: NewRelation) => call<Relation>('create_relation', { input }),
  deleteRelation: (id: string) => call<Relation>('delete_relation', { id }),
  updateRelation: (id: string, patch: RelationPatch) => call<Relation>('update_relation', { id, patch }),
  listContacts: (filter: ContactFilter) => call<Contact[]>('list_contacts', { filter }),
  createContact: (input: ContactInput) => call<Contact>('create_contact', { input }),
  updateContact: (id: string, input: ContactInput) => call<Contact>('update_contact', { id, input }),
  eraseContact: (id: string) => call<null>('erase_contact', { id }),
  saveContactInzage: (id: string, path: string) => call<null>('save_contact_inzage', { id, path }),
  /** content: SVG text for a .svg path, a `data:image/png;base64,…` URL for a .png path. */
  saveMapImage: (path: string, content: string) => call<null>('save_map_image', { path, content }),
  /** What importing the file would do, row by row; nothing is written. */
  previewImport: (path: string) => call<ImportPreview>('preview_import', { path }),
  /** All rows or none: refused while any row has an error. */
  importFile: (path: string) => call<ImportDone>('import_file', { path }),
  listImports: () => call<ImportRecord[]>('list_imports'),
  undoImport: (id: string) => call<UndoReport>('undo_import', { id }),
  /** csv: two files next to `path`; xlsx: Kumu's workbook. Returns the files written. */
  exportNetwork: (format: 'csv' | 'xlsx', path: string) => call<string[]>('export_network', { format, path }),
};
