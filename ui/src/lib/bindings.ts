// Generated from the Rust types in src/ by `WIEG_UPDATE_BINDINGS=1 cargo test`. Do not edit.

export type ErrorKind = "validation" | "not_found" | "no_coalition" | "coalition_exists" | "invalid_input" | "newer_schema" | "database" | "io";

export type ValidationCode = "required" | "too_long" | "invalid_url" | "invalid_choice" | "invalid_date";

export type ValidationError = { field: string, code: ValidationCode, message: string, };

export type ErrorPayload = { kind: ErrorKind, message: string, validation: ValidationError | null, };

export type Replica = { id: string, name: string, };

export type Coalition = { id: string, name: string, start_date: string | null, created_at: string, updated_at: string, };

export type AppStatus = { coalition: Coalition | null, replica: Replica, data_dir: string, };

export type OrgKind = "verloskundigenpraktijk" | "ziekenhuis/vsv" | "kraamzorg" | "jgz/ggd" | "wijkteam/sociaal team" | "gemeente" | "zorgverzekeraar" | "kinderopvang" | "welzijn" | "ggz" | "huisarts" | "veilig thuis" | "schuldhulp" | "provincie" | "overig";

export type Domain = "medisch" | "sociaal" | "publieke gezondheid" | "overig";

export type Organisation = { id: string, name: string, kind: OrgKind, domain: Domain, website: string, notes: string, created_at: string, updated_at: string, deleted: boolean, };

export type NewOrganisation = { name: string, kind: OrgKind | null, domain: Domain | null, website?: string, notes?: string, };

export type OrganisationPatch = { name?: string, kind?: OrgKind, domain?: Domain, website?: string, notes?: string, };

export type OrganisationFilter = { 
/**
 * Matched against name, website and notes, ignoring case and diacritics.
 */
text?: string, kind?: OrgKind, domain?: Domain, 
/**
 * Also list deleted organisations (to restore them).
 */
include_deleted?: boolean, };

export type DomainCount = { domain: Domain, count: number, };

export type NetworkSummary = { organisations: number, by_domain: Array<DomainCount>, };

export type Conflict = { hlc: string, entity: string, entity_id: string, field: string, 
/**
 * The losing value as JSON text.
 */
value: string, };
