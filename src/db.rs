//! Opening the SQLite file: per-connection pragmas and append-only
//! migrations counted by `PRAGMA user_version`. A shipped migration is never
//! edited; a change to the schema is a new entry at the end.

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::Connection;

use crate::error::{Error, Result};

/// The schema, one entry per version. Typed tables hold the current state;
/// every column of a synced entity is nullable or defaulted, because its
/// fields may arrive from other laptops one by one, in any order.
pub const MIGRATIONS: &[&str] = &[
    // 1: the change log, conflicts, sync bookkeeping, replica-local settings,
    // coalition, organisations.
    r#"
    CREATE TABLE local_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    -- Every field change ever made or received. The typed tables below are
    -- a materialised view of it.
    CREATE TABLE changes (
        hlc       TEXT PRIMARY KEY,
        replica   TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field     TEXT NOT NULL,
        value     TEXT NOT NULL,
        prev      TEXT,
        -- 1 when made on this laptop: those are what sync exports.
        local     INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    -- Ids are UUIDs, unique across entities: the id alone finds an entity's history.
    CREATE INDEX changes_by_entity ON changes (entity_id);
    CREATE INDEX changes_local ON changes (hlc) WHERE local = 1;

    -- Batches taken from the shared folder (and written to it): a batch is
    -- applied once, whatever its file is called.
    CREATE TABLE sync_batches (
        replica    TEXT NOT NULL,
        seq        INTEGER NOT NULL,
        sha256     TEXT NOT NULL,
        changes    INTEGER NOT NULL,
        applied_at TEXT NOT NULL,
        PRIMARY KEY (replica, seq, sha256)
    ) WITHOUT ROWID;

    -- The other laptops, as their files in the shared folder describe them.
    CREATE TABLE known_replicas (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        app_version TEXT NOT NULL DEFAULT '',
        last_sync   TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    -- Changes for entities or fields this version does not know (made by a
    -- newer Wieg): kept, and applied after an upgrade.
    CREATE TABLE parked_changes (
        hlc    TEXT PRIMARY KEY,
        change TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Values that lost a concurrent edit: kept so the user can see and restore them.
    CREATE TABLE conflicts (
        hlc       TEXT PRIMARY KEY,
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field     TEXT NOT NULL,
        value     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX conflicts_by_field ON conflicts (entity, entity_id, field);

    CREATE TABLE coalition (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL DEFAULT '',
        start_date TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT '',
        deleted    INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;

    CREATE TABLE organisations (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL DEFAULT '',
        kind       TEXT NOT NULL DEFAULT 'overig',
        domain     TEXT NOT NULL DEFAULT 'overig',
        website    TEXT NOT NULL DEFAULT '',
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT '',
        deleted    INTEGER NOT NULL DEFAULT 0,
        -- The newest change the deleting laptop had seen: edits after it raced the delete.
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    "#,
    // 2: municipalities and relations between organisations.
    r#"
    CREATE TABLE municipalities (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL DEFAULT '',
        cbs_code     TEXT NOT NULL DEFAULT '',
        in_coalition INTEGER NOT NULL DEFAULT 1,
        valid_from   TEXT,
        valid_to     TEXT,
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    -- Relations between organisations (Kumu's From/To/Type/Strength).
    CREATE TABLE relations (
        id           TEXT PRIMARY KEY,
        from_org     TEXT NOT NULL DEFAULT '',
        to_org       TEXT NOT NULL DEFAULT '',
        kind         TEXT NOT NULL DEFAULT 'anders',
        strength     INTEGER NOT NULL DEFAULT 3,
        start_date   TEXT,
        end_date     TEXT,
        note         TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    "#,
    // 3: where an organisation is, and its place in the coalition.
    r#"
    ALTER TABLE organisations ADD COLUMN place TEXT NOT NULL DEFAULT '';
    ALTER TABLE organisations ADD COLUMN involved_since TEXT;
    ALTER TABLE organisations ADD COLUMN signed_on TEXT;
    ALTER TABLE organisations ADD COLUMN signatory TEXT NOT NULL DEFAULT '';
    ALTER TABLE organisations ADD COLUMN covenant_version TEXT NOT NULL DEFAULT '';
    ALTER TABLE organisations ADD COLUMN left_on TEXT;

    -- Which municipalities an organisation serves: a membership of its own,
    -- with an id made from the pair, so that two laptops adding the same
    -- pair make one membership and concurrent adds and removes merge.
    CREATE TABLE org_municipalities (
        id           TEXT PRIMARY KEY,
        organisation TEXT NOT NULL DEFAULT '',
        municipality TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX org_municipalities_by_org ON org_municipalities (organisation);
    "#,
    // 4: contact persons, and the entities erased for good (AVG).
    r#"
    CREATE TABLE contacts (
        id             TEXT PRIMARY KEY,
        organisation   TEXT NOT NULL DEFAULT '',
        name           TEXT NOT NULL DEFAULT '',
        function       TEXT NOT NULL DEFAULT '',
        email          TEXT NOT NULL DEFAULT '',
        phone          TEXT NOT NULL DEFAULT '',
        coalition_role TEXT,
        active_from    TEXT,
        active_to      TEXT,
        legal_basis    TEXT NOT NULL DEFAULT 'gerechtvaardigd belang',
        last_checked   TEXT,
        created_at     TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL DEFAULT '',
        erased         INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX contacts_by_org ON contacts (organisation);

    -- What was forgotten: changes for these ids are dropped on arrival.
    -- `redacted`: this laptop's own batches in the shared folder no longer
    -- hold the values either.
    CREATE TABLE erasures (
        entity_id TEXT PRIMARY KEY,
        entity    TEXT NOT NULL,
        hlc       TEXT NOT NULL,
        redacted  INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;

    -- Imports made on this laptop, with the changes each made, so one can
    -- be undone as a whole (the undo itself is ordinary changes that sync).
    CREATE TABLE imports (
        id        TEXT PRIMARY KEY,
        file      TEXT NOT NULL,
        at        TEXT NOT NULL,
        new       INTEGER NOT NULL,
        updated   INTEGER NOT NULL,
        changes   TEXT NOT NULL,
        undone_at TEXT
    ) WITHOUT ROWID;
    "#,
    // 5: the action plan: plans, pillars, goals, actions with their partners,
    // municipalities, milestones and progress notes; the intervention
    // catalogue and its roll-out per municipality.
    r#"
    CREATE TABLE plans (
        id             TEXT PRIMARY KEY,
        title          TEXT NOT NULL DEFAULT '',
        period_start   INTEGER,
        period_end     INTEGER,
        status         TEXT NOT NULL DEFAULT 'concept',
        vision         TEXT NOT NULL DEFAULT '',
        urgency        TEXT NOT NULL DEFAULT '',
        situation      TEXT NOT NULL DEFAULT '',
        ambition       TEXT NOT NULL DEFAULT '',
        design         TEXT NOT NULL DEFAULT '',
        smart_goals    TEXT NOT NULL DEFAULT '',
        financial_plan TEXT NOT NULL DEFAULT '',
        monitoring     TEXT NOT NULL DEFAULT '',
        milestones     TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL DEFAULT '',
        deleted        INTEGER NOT NULL DEFAULT 0,
        deleted_seen   TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    CREATE TABLE pillars (
        id           TEXT PRIMARY KEY,
        plan         TEXT NOT NULL DEFAULT '',
        position     INTEGER NOT NULL DEFAULT 0,
        title        TEXT NOT NULL DEFAULT '',
        description  TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    CREATE TABLE goals (
        id             TEXT PRIMARY KEY,
        pillar         TEXT NOT NULL DEFAULT '',
        position       INTEGER NOT NULL DEFAULT 0,
        text           TEXT NOT NULL DEFAULT '',
        national_goals TEXT NOT NULL DEFAULT '',
        target_value   TEXT NOT NULL DEFAULT '',
        target_date    TEXT,
        created_at     TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL DEFAULT '',
        deleted        INTEGER NOT NULL DEFAULT 0,
        deleted_seen   TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    CREATE TABLE actions (
        id           TEXT PRIMARY KEY,
        plan         TEXT NOT NULL DEFAULT '',
        pillar       TEXT NOT NULL DEFAULT '',
        goal         TEXT NOT NULL DEFAULT '',
        title        TEXT NOT NULL DEFAULT '',
        description  TEXT NOT NULL DEFAULT '',
        owner        TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL DEFAULT 'idee',
        start_date   TEXT,
        end_date     TEXT,
        budget_cents INTEGER NOT NULL DEFAULT 0,
        funding      TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX actions_by_pillar ON actions (pillar);

    CREATE TABLE action_partners (
        id           TEXT PRIMARY KEY,
        action       TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX action_partners_by_action ON action_partners (action);

    CREATE TABLE action_municipalities (
        id           TEXT PRIMARY KEY,
        action       TEXT NOT NULL DEFAULT '',
        municipality TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX action_municipalities_by_action ON action_municipalities (action);

    CREATE TABLE milestones (
        id           TEXT PRIMARY KEY,
        action       TEXT NOT NULL DEFAULT '',
        quarter      TEXT NOT NULL DEFAULT '',
        title        TEXT NOT NULL DEFAULT '',
        done         INTEGER NOT NULL DEFAULT 0,
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX milestones_by_action ON milestones (action);

    CREATE TABLE action_notes (
        id           TEXT PRIMARY KEY,
        action       TEXT NOT NULL DEFAULT '',
        date         TEXT,
        text         TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX action_notes_by_action ON action_notes (action);

    CREATE TABLE interventions (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL DEFAULT '',
        action_line  TEXT NOT NULL DEFAULT 'na de geboorte',
        target_group TEXT NOT NULL DEFAULT '',
        description  TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    -- Inzet: one intervention in one municipality, an id made from the pair.
    CREATE TABLE rollouts (
        id              TEXT PRIMARY KEY,
        municipality    TEXT NOT NULL DEFAULT '',
        intervention    TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'niet gestart',
        provider        TEXT NOT NULL DEFAULT '',
        since           TEXT,
        target_per_year INTEGER,
        actual_per_year INTEGER,
        updated_at      TEXT NOT NULL DEFAULT '',
        deleted         INTEGER NOT NULL DEFAULT 0,
        deleted_seen    TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    "#,
    // 6: funding of the plan and the actions each grant pays for; indicators
    // and their values per municipality per year.
    r#"
    CREATE TABLE fundings (
        id                 TEXT PRIMARY KEY,
        funder_kind        TEXT NOT NULL DEFAULT 'anders',
        funder             TEXT NOT NULL DEFAULT '',
        amount_cents       INTEGER NOT NULL DEFAULT 0,
        period_start       TEXT,
        period_end         TEXT,
        purpose            TEXT NOT NULL DEFAULT '',
        reporting_deadline TEXT,
        created_at         TEXT NOT NULL DEFAULT '',
        updated_at         TEXT NOT NULL DEFAULT '',
        deleted            INTEGER NOT NULL DEFAULT 0,
        deleted_seen       TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    CREATE TABLE funding_actions (
        id           TEXT PRIMARY KEY,
        funding      TEXT NOT NULL DEFAULT '',
        action       TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX funding_actions_by_funding ON funding_actions (funding);

    CREATE TABLE indicators (
        id                TEXT PRIMARY KEY,
        name              TEXT NOT NULL DEFAULT '',
        unit              TEXT NOT NULL DEFAULT '',
        numerator_label   TEXT NOT NULL DEFAULT '',
        denominator_label TEXT NOT NULL DEFAULT '',
        source            TEXT NOT NULL DEFAULT '',
        description       TEXT NOT NULL DEFAULT '',
        created_at        TEXT NOT NULL DEFAULT '',
        updated_at        TEXT NOT NULL DEFAULT '',
        deleted           INTEGER NOT NULL DEFAULT 0,
        deleted_seen      TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    -- One value per indicator, municipality and year: an id made from the three.
    CREATE TABLE indicator_values (
        id           TEXT PRIMARY KEY,
        indicator    TEXT NOT NULL DEFAULT '',
        municipality TEXT NOT NULL DEFAULT '',
        year         INTEGER NOT NULL DEFAULT 0,
        numerator    INTEGER NOT NULL DEFAULT 0,
        denominator  INTEGER,
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX indicator_values_by_indicator ON indicator_values (indicator);
    "#,
    // 7: meetings: attendance, agenda items with minutes, decisions, action
    // items; and full-text search over minutes, decisions and action items.
    r#"
    CREATE TABLE meetings (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL DEFAULT '',
        kind         TEXT NOT NULL DEFAULT 'overig',
        pillar       TEXT NOT NULL DEFAULT '',
        date         TEXT,
        start_time   TEXT NOT NULL DEFAULT '',
        end_time     TEXT NOT NULL DEFAULT '',
        location     TEXT NOT NULL DEFAULT '',
        online_link  TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL DEFAULT 'gepland',
        chair        TEXT NOT NULL DEFAULT '',
        minute_taker TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    -- Invited contact persons, an id made from the pair; attendance per person.
    CREATE TABLE meeting_attendees (
        id           TEXT PRIMARY KEY,
        meeting      TEXT NOT NULL DEFAULT '',
        contact      TEXT NOT NULL DEFAULT '',
        attendance   TEXT NOT NULL DEFAULT 'uitgenodigd',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX meeting_attendees_by_meeting ON meeting_attendees (meeting);

    CREATE TABLE agenda_items (
        id           TEXT PRIMARY KEY,
        meeting      TEXT NOT NULL DEFAULT '',
        position     INTEGER NOT NULL DEFAULT 0,
        title        TEXT NOT NULL DEFAULT '',
        duration_min INTEGER,
        presenter    TEXT NOT NULL DEFAULT '',
        action       TEXT NOT NULL DEFAULT '',
        minutes      TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting);

    CREATE TABLE decisions (
        id             TEXT PRIMARY KEY,
        meeting        TEXT NOT NULL DEFAULT '',
        agenda_item    TEXT NOT NULL DEFAULT '',
        text           TEXT NOT NULL DEFAULT '',
        follow_up      TEXT NOT NULL DEFAULT '',
        follow_up_note TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL DEFAULT '',
        deleted        INTEGER NOT NULL DEFAULT 0,
        deleted_seen   TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX decisions_by_meeting ON decisions (meeting);

    CREATE TABLE action_items (
        id           TEXT PRIMARY KEY,
        meeting      TEXT NOT NULL DEFAULT '',
        agenda_item  TEXT NOT NULL DEFAULT '',
        text         TEXT NOT NULL DEFAULT '',
        owner        TEXT NOT NULL DEFAULT '',
        due          TEXT,
        status       TEXT NOT NULL DEFAULT 'open',
        done_on      TEXT,
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX action_items_by_meeting ON action_items (meeting);

    -- What search finds: minutes per agenda item, decisions, action items.
    -- Kept by triggers, so local edits and synced ones are found alike.
    -- Diacritics are ignored; prefixes of 2 to 4 letters are indexed.
    CREATE VIRTUAL TABLE search_index USING fts5(
        kind UNINDEXED, ref UNINDEXED, meeting UNINDEXED, title, body,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );
    -- The search row of each item, so a trigger finds it without a scan.
    CREATE TABLE search_rows (
        row INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE
    );
    CREATE TRIGGER agenda_items_search_insert AFTER INSERT ON agenda_items BEGIN
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'agendapunt', new.id, new.meeting, new.title, new.minutes
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER agenda_items_search_update AFTER UPDATE ON agenda_items BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'agendapunt', new.id, new.meeting, new.title, new.minutes
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER decisions_search_insert AFTER INSERT ON decisions BEGIN
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'besluit', new.id, new.meeting, '', new.text || ' ' || new.follow_up_note
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER decisions_search_update AFTER UPDATE ON decisions BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'besluit', new.id, new.meeting, '', new.text || ' ' || new.follow_up_note
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER action_items_search_insert AFTER INSERT ON action_items BEGIN
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'actiepunt', new.id, new.meeting, '', new.text
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER action_items_search_update AFTER UPDATE ON action_items BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'actiepunt', new.id, new.meeting, '', new.text
        WHERE new.deleted = 0;
    END;
    "#,
    // 8: agenda items can be confidential (left out of minutes for partners).
    r#"
    ALTER TABLE agenda_items ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0;
    "#,
    // 9: the coalition's logo for documents (a PNG, base64).
    r#"
    ALTER TABLE coalition ADD COLUMN logo TEXT NOT NULL DEFAULT '';
    "#,
    // 10: the change log keyed by entity, with ids and HLCs in binary form
    // (16 and 24 bytes, sorting like their values). An entity's history is
    // one range of the table, so no second index is written per change; the
    // replica is part of the HLC. The newest HLC from elsewhere is kept as a
    // setting (`clock.latest`), the newest local one by `changes_local`.
    r#"
    INSERT OR REPLACE INTO local_settings (key, value)
    SELECT 'clock.latest', max(hlc) FROM changes WHERE local = 0 HAVING max(hlc) IS NOT NULL;
    CREATE TABLE changes_v10 (
        entity_id BLOB NOT NULL,
        hlc       BLOB NOT NULL,
        entity    TEXT NOT NULL,
        field     TEXT NOT NULL,
        value     TEXT NOT NULL,
        prev      BLOB,
        local     INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, hlc)
    ) WITHOUT ROWID;
    INSERT INTO changes_v10 (entity_id, hlc, entity, field, value, prev, local)
    SELECT unhex(replace(entity_id, '-', '')),
           unhex(substr(hlc, 1, 16) || substr(hlc, 18)),
           entity, field, value,
           unhex(substr(prev, 1, 16) || substr(prev, 18)),
           local
    FROM changes;
    DROP TABLE changes;
    ALTER TABLE changes_v10 RENAME TO changes;
    CREATE INDEX changes_local ON changes (hlc) WHERE local = 1;
    "#,
    // 11: search finds a word inside a compound ("zwangerschap" in
    // "CenteringZwangerschap", "gezondheid" in "jeugdgezondheidszorg"): a
    // second index of every three letters (FTS5 trigram, case and diacritics
    // folded) on the same rows as `search_index`, which keeps the text; so
    // this one stores none. Filled from `search_index`, and the triggers now
    // keep both. Built afresh if there, so a database whose version was set
    // back runs it again without harm.
    r#"
    DROP TABLE IF EXISTS search_parts;
    CREATE VIRTUAL TABLE search_parts USING fts5(
        title, body, content = '', contentless_delete = 1,
        tokenize = 'trigram remove_diacritics 1'
    );
    INSERT INTO search_parts (rowid, title, body) SELECT rowid, title, body FROM search_index;
    DROP TRIGGER agenda_items_search_insert;
    DROP TRIGGER agenda_items_search_update;
    DROP TRIGGER decisions_search_insert;
    DROP TRIGGER decisions_search_update;
    DROP TRIGGER action_items_search_insert;
    DROP TRIGGER action_items_search_update;
    CREATE TRIGGER agenda_items_search_insert AFTER INSERT ON agenda_items BEGIN
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'agendapunt', new.id, new.meeting, new.title, new.minutes
        WHERE new.deleted = 0;
        INSERT INTO search_parts (rowid, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), new.title, new.minutes
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER agenda_items_search_update AFTER UPDATE ON agenda_items BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        DELETE FROM search_parts WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'agendapunt', new.id, new.meeting, new.title, new.minutes
        WHERE new.deleted = 0;
        INSERT INTO search_parts (rowid, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), new.title, new.minutes
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER decisions_search_insert AFTER INSERT ON decisions BEGIN
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'besluit', new.id, new.meeting, '', new.text || ' ' || new.follow_up_note
        WHERE new.deleted = 0;
        INSERT INTO search_parts (rowid, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), '', new.text || ' ' || new.follow_up_note
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER decisions_search_update AFTER UPDATE ON decisions BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        DELETE FROM search_parts WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'besluit', new.id, new.meeting, '', new.text || ' ' || new.follow_up_note
        WHERE new.deleted = 0;
        INSERT INTO search_parts (rowid, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), '', new.text || ' ' || new.follow_up_note
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER action_items_search_insert AFTER INSERT ON action_items BEGIN
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'actiepunt', new.id, new.meeting, '', new.text
        WHERE new.deleted = 0;
        INSERT INTO search_parts (rowid, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), '', new.text
        WHERE new.deleted = 0;
    END;
    CREATE TRIGGER action_items_search_update AFTER UPDATE ON action_items BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        DELETE FROM search_parts WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);
        INSERT INTO search_rows (ref) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
        INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), 'actiepunt', new.id, new.meeting, '', new.text
        WHERE new.deleted = 0;
        INSERT INTO search_parts (rowid, title, body)
        SELECT (SELECT row FROM search_rows WHERE ref = new.id), '', new.text
        WHERE new.deleted = 0;
    END;
    "#,
    // 12: an organisation's general phone number.
    r#"
    ALTER TABLE organisations ADD COLUMN phone TEXT NOT NULL DEFAULT '';
    "#,
    // 13: conflicts and erasures keep ids and HLCs in the log's binary form
    // too (16 and 24 bytes), one encoding everywhere. Rows already binary
    // (a database turned back for a test) stay as they are.
    r#"
    CREATE TABLE conflicts_binary (
        hlc       BLOB PRIMARY KEY,
        entity    TEXT NOT NULL,
        entity_id BLOB NOT NULL,
        field     TEXT NOT NULL,
        value     TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO conflicts_binary
    SELECT CASE typeof(hlc) WHEN 'blob' THEN hlc ELSE unhex(substr(hlc, 1, 16) || substr(hlc, 18)) END,
           entity,
           CASE typeof(entity_id) WHEN 'blob' THEN entity_id ELSE unhex(replace(entity_id, '-', '')) END,
           field, value
    FROM conflicts;
    DROP TABLE conflicts;
    ALTER TABLE conflicts_binary RENAME TO conflicts;
    CREATE INDEX conflicts_by_field ON conflicts (entity, entity_id, field);
    CREATE INDEX conflicts_by_entity ON conflicts (entity_id);

    CREATE TABLE erasures_binary (
        entity_id BLOB PRIMARY KEY,
        entity    TEXT NOT NULL,
        hlc       BLOB NOT NULL,
        redacted  INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    INSERT INTO erasures_binary
    SELECT CASE typeof(entity_id) WHEN 'blob' THEN entity_id ELSE unhex(replace(entity_id, '-', '')) END,
           entity,
           CASE typeof(hlc) WHEN 'blob' THEN hlc ELSE unhex(substr(hlc, 1, 16) || substr(hlc, 18)) END,
           redacted
    FROM erasures;
    DROP TABLE erasures;
    ALTER TABLE erasures_binary RENAME TO erasures;
    "#,
    // 14: the person who pulls an action, at its lead partner.
    r#"
    ALTER TABLE actions ADD COLUMN owner_contact TEXT NOT NULL DEFAULT '';
    "#,
    // 15: spending (paid and committed) charged to a grant and an action;
    // where a grant's report to its funder stands; measurable targets of
    // goals.
    r#"
    CREATE TABLE spendings (
        id           TEXT PRIMARY KEY,
        funding      TEXT NOT NULL DEFAULT '',
        action       TEXT NOT NULL DEFAULT '',
        date         TEXT,
        description  TEXT NOT NULL DEFAULT '',
        amount_cents INTEGER NOT NULL DEFAULT 0,
        state        TEXT NOT NULL DEFAULT 'betaald',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX spendings_by_funding ON spendings (funding);
    CREATE INDEX spendings_by_action ON spendings (action);

    ALTER TABLE fundings ADD COLUMN reporting_state TEXT NOT NULL DEFAULT 'open';

    CREATE TABLE goal_targets (
        id            TEXT PRIMARY KEY,
        goal          TEXT NOT NULL DEFAULT '',
        measure       TEXT NOT NULL DEFAULT 'indicator',
        indicator     TEXT NOT NULL DEFAULT '',
        municipality  TEXT NOT NULL DEFAULT '',
        intervention  TEXT NOT NULL DEFAULT '',
        baseline      INTEGER,
        baseline_year INTEGER,
        target        INTEGER,
        target_year   INTEGER,
        created_at    TEXT NOT NULL DEFAULT '',
        updated_at    TEXT NOT NULL DEFAULT '',
        deleted       INTEGER NOT NULL DEFAULT 0,
        deleted_seen  TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX goal_targets_by_goal ON goal_targets (goal);
    "#,
    // 16: who takes part: parents' groups with their counts per year and
    // the actions and meetings they took part in; network days and
    // training with their numbers per organisation.
    r#"
    CREATE TABLE parent_groups (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL DEFAULT '',
        kind         TEXT NOT NULL DEFAULT 'anders',
        role         TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE TABLE parent_group_years (
        id           TEXT PRIMARY KEY,
        parent_group TEXT NOT NULL DEFAULT '',
        year         INTEGER NOT NULL DEFAULT 0,
        members      INTEGER NOT NULL DEFAULT 0,
        sessions     INTEGER,
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX parent_group_years_by_group ON parent_group_years (parent_group);
    CREATE TABLE parent_group_actions (
        id           TEXT PRIMARY KEY,
        parent_group TEXT NOT NULL DEFAULT '',
        action       TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX parent_group_actions_by_group ON parent_group_actions (parent_group);
    CREATE TABLE parent_group_meetings (
        id           TEXT PRIMARY KEY,
        parent_group TEXT NOT NULL DEFAULT '',
        meeting      TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX parent_group_meetings_by_group ON parent_group_meetings (parent_group);
    CREATE TABLE gatherings (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL DEFAULT '',
        kind         TEXT NOT NULL DEFAULT 'netwerkbijeenkomst',
        date         TEXT,
        place        TEXT NOT NULL DEFAULT '',
        action       TEXT NOT NULL DEFAULT '',
        intervention TEXT NOT NULL DEFAULT '',
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE TABLE gathering_turnouts (
        id           TEXT PRIMARY KEY,
        gathering    TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        registered   INTEGER NOT NULL DEFAULT 0,
        attended     INTEGER NOT NULL DEFAULT 0,
        welcomed     INTEGER NOT NULL DEFAULT 0,
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX gathering_turnouts_by_gathering ON gathering_turnouts (gathering);
    "#,
    // 17: update rounds with the partners: one workbook per organisation,
    // what it was sent (to tell its changes from Wieg's) and when it came
    // back.
    r#"
    CREATE TABLE update_rounds (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL DEFAULT '',
        started_on   TEXT,
        note         TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE TABLE round_partners (
        id           TEXT PRIMARY KEY,
        round        TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        file         TEXT NOT NULL DEFAULT '',
        sent         TEXT NOT NULL DEFAULT '',
        returned_on  TEXT,
        outcome      TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL DEFAULT '',
        deleted      INTEGER NOT NULL DEFAULT 0,
        deleted_seen TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX round_partners_by_round ON round_partners (round);
    CREATE INDEX round_partners_by_organisation ON round_partners (organisation);
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // The change path prepares a statement per table and set of fields: keep
    // them all, or every change pays for parsing SQL again.
    conn.set_prepared_statement_cache_capacity(256);
    // One plan per statement, whatever values are bound: without this
    // SQLite marks some statements (the change path's read of a field's
    // current value among them) to be parsed and planned again whenever a
    // bound value changes, which is every call.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted content is overwritten with zeros, so an erased person's data
    // does not linger in free pages of the file.
    conn.pragma_update(None, "secure_delete", "ON")?;
    // 64 MiB of page cache: a join of a large coalition stays in memory.
    conn.pragma_update(None, "cache_size", -65_536)?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_once_and_refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let conn = open(&path).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(conn);
        // Reopening runs no migration twice (it would fail on CREATE TABLE).
        let conn = open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        match open(&path) {
            Err(Error::NewerSchema { found, known }) => {
                assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
            }
            other => panic!("a newer schema must be refused, got {other:?}"),
        }
    }

    #[test]
    fn bundled_sqlite_has_fts5() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')",
        )
        .expect("full-text search (FTS5) is compiled in");
    }

    #[test]
    fn bundled_sqlite_finds_pieces_of_words_ignoring_diacritics() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(body, content = '', contentless_delete = 1,
                 tokenize = 'trigram remove_diacritics 1');
             INSERT INTO t (rowid, body) VALUES (1, 'Ouderschapscafé'), (2, 'CenteringZwangerschap');
             DELETE FROM t WHERE rowid = 1;
             DELETE FROM t WHERE rowid = 7;
             INSERT INTO t (rowid, body) VALUES (1, 'Het café');",
        )
        .expect("trigram tokenizer with remove_diacritics, contentless_delete");
        let found = |q: &str| -> Vec<i64> {
            let mut stmt = conn
                .prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid")
                .unwrap();
            stmt.query_map([q], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        assert_eq!(found("\"CAFE\""), [1]);
        assert_eq!(found("\"zwangerschap\""), [2]);
        assert_eq!(found("\"ouderschap\""), Vec::<i64>::new());
    }
}
