//! The SQLite schema and its forward migrations, versioned by `PRAGMA user_version`.
//!
//! A migration is appended, never edited: a file at version N runs migrations N+1..=LATEST
//! in one transaction ([`migrate`]). Most are SQL; one that must read old rows and write them in a
//! new form (the typed activity log) is Rust code run inside the same transaction. The same
//! migrations, run on an empty in-memory database, give the schema a file of any version must have
//! ([`expected_objects`]): a file holding anything else (a trigger, a view, a changed table) is
//! refused before it is written.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::StoreError;
use super::error::{SchemaChange, SchemaDifference};
use super::tables::activities;

/// One step of the schema.
pub enum Migration {
    /// Statements run as they are.
    Sql(&'static str),
    /// Rows rewritten by code (old formats read and written in a new one).
    Rust(fn(&Transaction<'_>) -> Result<(), StoreError>),
}

/// `PRAGMA application_id` of a Release Desk database: "RLDK".
pub const APPLICATION_ID: i32 = 0x524C_444B;

/// Each entry migrates from version `index` to `index + 1`.
pub const MIGRATIONS: &[Migration] = &[
    // 0 -> 1: releases, people, settings, saved views, the activity log.
    Migration::Sql(
        r"
    CREATE TABLE agents (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE agent_groups (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL
    );
    CREATE TABLE departments (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL
    );
    CREATE TABLE releases (
        id                    INTEGER PRIMARY KEY,
        subject               TEXT NOT NULL,
        description           TEXT NOT NULL DEFAULT '',
        status                INTEGER NOT NULL CHECK (status BETWEEN 1 AND 5),
        priority              INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
        release_type          INTEGER NOT NULL CHECK (release_type BETWEEN 1 AND 4),
        planned_start         INTEGER NOT NULL,
        planned_end           INTEGER NOT NULL,
        work_start            INTEGER,
        work_end              INTEGER,
        agent_id              INTEGER REFERENCES agents(id),
        group_id              INTEGER REFERENCES agent_groups(id),
        department_id         INTEGER REFERENCES departments(id),
        category              TEXT,
        sub_category          TEXT,
        item_category         TEXT,
        assets                TEXT NOT NULL DEFAULT '[]',
        associated_change_ids TEXT NOT NULL DEFAULT '[]',
        build_plan            TEXT,
        test_plan             TEXT,
        stage                 TEXT NOT NULL DEFAULT 'plan',
        outcome               TEXT CHECK (outcome IN ('successful', 'failed')),
        closed_at             INTEGER,
        rollback_count        INTEGER NOT NULL DEFAULT 0 CHECK (rollback_count >= 0),
        downtime_minutes      INTEGER NOT NULL DEFAULT 0 CHECK (downtime_minutes >= 0),
        created_at            INTEGER NOT NULL,
        updated_at            INTEGER NOT NULL,
        deleted_at            INTEGER
    );
    CREATE TABLE activities (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        release_id  INTEGER,
        actor       INTEGER,
        at          INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        field       TEXT NOT NULL DEFAULT '',
        old_value   TEXT NOT NULL DEFAULT '',
        new_value   TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX activities_by_release ON activities(release_id, id);
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE saved_views (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        definition TEXT NOT NULL
    );
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    ",
    ),
    // 1 -> 2: notes, tasks and time entries of a release (issue 4). No foreign key to `releases`:
    // undo puts a purged release back with its children through ordinary mutations.
    Migration::Sql(
        r"
    CREATE TABLE release_notes (
        id          INTEGER PRIMARY KEY,
        release_id  INTEGER NOT NULL,
        body        TEXT NOT NULL,
        author      INTEGER,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
    );
    CREATE INDEX release_notes_by_release ON release_notes(release_id);
    CREATE TABLE release_tasks (
        id          INTEGER PRIMARY KEY,
        release_id  INTEGER NOT NULL,
        title       TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        status      INTEGER NOT NULL CHECK (status BETWEEN 1 AND 3),
        due_at      INTEGER,
        agent_id    INTEGER,
        group_id    INTEGER,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
    );
    CREATE INDEX release_tasks_by_release ON release_tasks(release_id);
    CREATE TABLE time_entries (
        id          INTEGER PRIMARY KEY,
        release_id  INTEGER NOT NULL,
        agent_id    INTEGER,
        note        TEXT NOT NULL DEFAULT '',
        minutes     INTEGER NOT NULL CHECK (minutes >= 0),
        executed_at INTEGER NOT NULL,
        billable    INTEGER NOT NULL DEFAULT 1,
        timer_start INTEGER,
        created_at  INTEGER NOT NULL
    );
    CREATE INDEX time_entries_by_release ON time_entries(release_id);
    ",
    ),
    // 2 -> 3: Changes and CIs, each release's readiness (JSON), the stage history.
    Migration::Sql(
        r"
    CREATE TABLE changes (
        id       INTEGER PRIMARY KEY,
        subject  TEXT NOT NULL,
        approval TEXT NOT NULL CHECK (approval IN ('pending', 'approved', 'rejected')),
        risk     TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high'))
    );
    CREATE TABLE config_items (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE TABLE release_readiness (
        release_id INTEGER PRIMARY KEY,
        readiness  TEXT NOT NULL
    );
    CREATE TABLE stage_history (
        id               INTEGER PRIMARY KEY,
        release_id       INTEGER NOT NULL,
        stage            TEXT NOT NULL,
        entered_at       INTEGER NOT NULL,
        actor            INTEGER,
        note             TEXT NOT NULL DEFAULT '',
        override_reason  TEXT NOT NULL DEFAULT '',
        outcome          TEXT CHECK (outcome IN ('successful', 'failed')),
        downtime_minutes INTEGER NOT NULL DEFAULT 0 CHECK (downtime_minutes >= 0)
    );
    CREATE INDEX stage_history_by_release ON stage_history(release_id, id);
    ",
    ),
    // 3 -> 4: the activity log typed: kinds and fields as codes, values as typed JSON, no English.
    Migration::Rust(activities::migrate_to_typed),
    // 4 -> 5: the database's identity, a random number: its backups and copies share it, another
    // database has its own, so restoring a backup of another database asks first.
    Migration::Sql(
        r"
    INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', random());
    ",
    ),
    // 5 -> 6: back-out plans, impact analyses, reviews; CI criticality and dependencies; a
    // rollback's restore time against its target (issue 15).
    Migration::Sql(
        r"
    CREATE TABLE backout_plans (
        release_id             INTEGER PRIMARY KEY,
        description            TEXT NOT NULL DEFAULT '',
        checklist              TEXT NOT NULL DEFAULT '[]',
        go_no_go               TEXT NOT NULL DEFAULT '',
        decision_point_minutes INTEGER CHECK (decision_point_minutes >= 0),
        restore_target_minutes INTEGER NOT NULL CHECK (restore_target_minutes > 0),
        rehearsals             TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE release_impact (
        release_id                INTEGER PRIMARY KEY,
        users_affected            TEXT NOT NULL DEFAULT '',
        expected_downtime_minutes INTEGER NOT NULL DEFAULT 0 CHECK (expected_downtime_minutes >= 0),
        summary                   TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE release_reviews (
        release_id  INTEGER PRIMARY KEY,
        went_well   TEXT NOT NULL DEFAULT '',
        went_wrong  TEXT NOT NULL DEFAULT '',
        lessons     TEXT NOT NULL DEFAULT '',
        follow_ups  TEXT NOT NULL DEFAULT '[]',
        reviewer    INTEGER,
        reviewed_at INTEGER
    );
    ALTER TABLE config_items ADD COLUMN criticality TEXT NOT NULL DEFAULT 'medium'
        CHECK (criticality IN ('low', 'medium', 'high', 'critical'));
    ALTER TABLE config_items ADD COLUMN depends_on TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE stage_history ADD COLUMN restore_minutes INTEGER CHECK (restore_minutes >= 0);
    ALTER TABLE stage_history ADD COLUMN restore_target_minutes INTEGER
        CHECK (restore_target_minutes >= 0);
    ",
    ),
    // 6 -> 7: imports (issue 16): a release's id in the system it came from and its custom fields
    // (JSON), and the links of imported people and work to their ids over there.
    Migration::Sql(
        r"
    ALTER TABLE releases ADD COLUMN external_id INTEGER;
    ALTER TABLE releases ADD COLUMN custom_fields TEXT NOT NULL DEFAULT '{}';
    CREATE TABLE external_links (
        kind        TEXT NOT NULL,
        external_id INTEGER NOT NULL,
        local_id    INTEGER NOT NULL,
        PRIMARY KEY (kind, external_id)
    );
    ",
    ),
    // 7 -> 8: deployment windows and change freezes (issue 14). A one-off has `once_start` and
    // `once_end`; a recurrence has its RRULE, DTSTART and EXDATEs as wall-clock text of `zone`.
    Migration::Sql(
        r"
    CREATE TABLE deployment_windows (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        zone       TEXT NOT NULL,
        scope_kind TEXT NOT NULL,
        scope_id   INTEGER,
        once_start INTEGER,
        once_end   INTEGER,
        rule       TEXT,
        rule_start TEXT,
        exdates    TEXT NOT NULL DEFAULT '[]',
        minutes    INTEGER CHECK (minutes > 0)
    );
    CREATE TABLE freezes (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        zone          TEXT NOT NULL,
        scope_kind    TEXT NOT NULL,
        scope_id      INTEGER,
        once_start    INTEGER,
        once_end      INTEGER,
        rule          TEXT,
        rule_start    TEXT,
        exdates       TEXT NOT NULL DEFAULT '[]',
        minutes       INTEGER CHECK (minutes > 0),
        kind          TEXT NOT NULL,
        exempt        TEXT NOT NULL DEFAULT '[]',
        exempt_reason TEXT NOT NULL DEFAULT ''
    );
    ",
    ),
    // 8 -> 9: the user's own release templates (issue 15), each a JSON body under its key.
    Migration::Sql(
        r"
    CREATE TABLE release_templates (
        key  TEXT PRIMARY KEY,
        body TEXT NOT NULL
    );
    ",
    ),
    // 9 -> 10: Change Advisory Boards (issue 17): each CAB with its rule, chair and members in
    // order, the votes (one per member and subject: a Change or a release's go/no-go), and the
    // CAB a Change goes to. A Change's `approval` stays as the one recorded by hand.
    Migration::Sql(
        r"
    CREATE TABLE cabs (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,
        rule      TEXT NOT NULL CHECK (rule IN ('any', 'all', 'majority')),
        chair     INTEGER,
        emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1))
    );
    CREATE TABLE cab_members (
        cab_id   INTEGER NOT NULL,
        position INTEGER NOT NULL,
        agent_id INTEGER NOT NULL,
        PRIMARY KEY (cab_id, position)
    );
    CREATE TABLE votes (
        subject_kind   TEXT NOT NULL CHECK (subject_kind IN ('change', 'go_no_go')),
        subject_id     INTEGER NOT NULL,
        agent_id       INTEGER NOT NULL,
        decision       TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
        at             INTEGER NOT NULL,
        comment        TEXT NOT NULL DEFAULT '',
        after_the_fact INTEGER NOT NULL DEFAULT 0 CHECK (after_the_fact IN (0, 1)),
        PRIMARY KEY (subject_kind, subject_id, agent_id)
    );
    ALTER TABLE changes ADD COLUMN cab_id INTEGER;
    ",
    ),
    // 10 -> 11: an agent can be deactivated (left the team) and reactivated (issue 13, item 7).
    Migration::Sql("ALTER TABLE agents ADD COLUMN active INTEGER NOT NULL DEFAULT 1;"),
    // 11 -> 12: monitoring after deploy (issue 18, item 2): each metric reading of a release (a
    // built-in metric's code or a custom metric's name, the roll-out phase, the value) and the
    // threshold one metric of a release is held to (one per release and metric).
    Migration::Sql(
        r"
    CREATE TABLE metric_readings (
        id          INTEGER PRIMARY KEY,
        release_id  INTEGER NOT NULL,
        metric      TEXT NOT NULL CHECK (length(metric) > 0),
        phase       TEXT,
        value       REAL NOT NULL,
        at          INTEGER NOT NULL,
        recorded_by INTEGER
    );
    CREATE INDEX metric_readings_release ON metric_readings (release_id, id);
    CREATE TABLE metric_thresholds (
        release_id  INTEGER NOT NULL,
        metric      TEXT NOT NULL CHECK (length(metric) > 0),
        limit_value REAL NOT NULL,
        direction   TEXT NOT NULL CHECK (direction IN ('at_most', 'at_least')),
        PRIMARY KEY (release_id, metric)
    );
    ",
    ),
    // 12 -> 13: CAB meetings (issue 17): each meeting of a CAB with the series it is one
    // occurrence of (JSON: zone, RRULE, DTSTART, EXDATEs), its attendees in order, its agenda
    // (rule-built or added by hand, or taken off), a decision per agenda release with its action
    // items (JSON), and the minutes.
    Migration::Sql(
        r"
    CREATE TABLE cab_meetings (
        id               INTEGER PRIMARY KEY,
        cab_id           INTEGER NOT NULL,
        start            INTEGER NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        series           TEXT,
        minutes          TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE cab_meeting_attendees (
        meeting_id INTEGER NOT NULL,
        position   INTEGER NOT NULL,
        agent_id   INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, position)
    );
    CREATE TABLE agenda_items (
        meeting_id    INTEGER NOT NULL,
        position      INTEGER NOT NULL,
        release_id    INTEGER NOT NULL,
        reason        TEXT NOT NULL CHECK (reason IN ('for_decision', 'emergency', 'closed')),
        added_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (added_by_hand IN (0, 1)),
        removed       INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
        PRIMARY KEY (meeting_id, position)
    );
    CREATE TABLE decisions (
        meeting_id INTEGER NOT NULL,
        position   INTEGER NOT NULL,
        release_id INTEGER NOT NULL,
        outcome    TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected', 'deferred')),
        comment    TEXT NOT NULL DEFAULT '',
        actions    TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (meeting_id, position)
    );
    ",
    ),
    // 13 -> 14: regulator steps (issue 17, item 1): an extra approval (e.g. 금감원 보고 및 승인) that
    // the release types and groups in its scope need, and each release's approval for a step
    // (the regulator's reference and the day it approved, who recorded it and when).
    Migration::Sql(
        r"
    CREATE TABLE regulator_steps (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,
        authority TEXT NOT NULL DEFAULT '',
        active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    );
    CREATE TABLE regulator_step_scopes (
        step_id    INTEGER NOT NULL,
        scope_kind TEXT NOT NULL CHECK (scope_kind IN ('type', 'group')),
        scope_id   INTEGER NOT NULL,
        PRIMARY KEY (step_id, scope_kind, scope_id)
    );
    CREATE TABLE regulator_approvals (
        release_id  INTEGER NOT NULL,
        step_id     INTEGER NOT NULL,
        reference   TEXT NOT NULL,
        approved_on TEXT NOT NULL,
        recorded_by INTEGER NOT NULL,
        at          INTEGER NOT NULL,
        note        TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (release_id, step_id)
    );
    ",
    ),
    // 14 -> 15: team sync through PostgreSQL (issue 21). The server's URL (never its password),
    // who pushes and this file's client id, the last server change pulled; the outbox of local
    // commands' shared changes (written in the same transaction as the command, pushed in
    // order); the seq each shared record was last seen at (each push's base); and the conflicts
    // a push met, with both values.
    Migration::Sql(
        r"
    CREATE TABLE team_state (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        url       TEXT NOT NULL,
        author    TEXT NOT NULL,
        client_id TEXT NOT NULL,
        last_seq  INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0)
    );
    CREATE TABLE team_outbox (
        position   INTEGER PRIMARY KEY AUTOINCREMENT,
        command_id TEXT NOT NULL UNIQUE,
        mutations  TEXT NOT NULL,
        bases      TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE team_record_seqs (
        record TEXT PRIMARY KEY,
        seq    INTEGER NOT NULL
    );
    CREATE TABLE team_conflicts (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        command_id  TEXT NOT NULL,
        record      TEXT NOT NULL,
        kind        TEXT NOT NULL,
        field       TEXT NOT NULL DEFAULT '',
        ours        TEXT NOT NULL,
        theirs      TEXT NOT NULL,
        at          INTEGER NOT NULL,
        resolved_at INTEGER
    );
    ",
    ),
    // 15 -> 16: who wrote the team's value of a conflict, and when (the conflicts dialog and
    // `team conflicts` show them); empty for conflicts kept before.
    Migration::Sql(
        r"
    ALTER TABLE team_conflicts ADD COLUMN theirs_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE team_conflicts ADD COLUMN theirs_at INTEGER;
    ",
    ),
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Runs migration `index` (from version `index` to `index + 1`) inside the caller's transaction.
fn apply(tx: &Transaction<'_>, index: usize) -> Result<(), StoreError> {
    match MIGRATIONS.get(index) {
        Some(Migration::Sql(sql)) => tx.execute_batch(sql)?,
        Some(Migration::Rust(run)) => run(tx)?,
        None => {}
    }
    Ok(())
}

/// Migrates the file `conn` has open from `version` to the latest, in one IMMEDIATE transaction.
pub fn migrate(conn: &mut Connection, version: i64) -> Result<(), StoreError> {
    if version >= latest_version() {
        return Ok(());
    }
    let from = usize::try_from(version).unwrap_or(0);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for index in from..MIGRATIONS.len() {
        apply(&tx, index)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

/// Gives the empty file `conn` has open the schema an older build wrote at `version` (the
/// migrations up to it, as that build ran them), for tests of the migrations from such a file.
pub fn create_at_version(conn: &mut Connection, version: i64) -> Result<(), StoreError> {
    let to = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for index in 0..to {
        apply(&tx, index)?;
    }
    tx.pragma_update(None, "user_version", to as i64)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

/// One row of `sqlite_schema`: a table, index, view or trigger.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SchemaObject {
    pub kind: String,
    pub name: String,
    pub table: String,
    pub sql: Option<String>,
}

/// The objects of `sqlite_schema` of the file `conn` has open.
pub fn objects(conn: &Connection) -> Result<Vec<SchemaObject>, StoreError> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(SchemaObject { kind: r.get(0)?, name: r.get(1)?, table: r.get(2)?, sql: r.get(3)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The objects a file at schema `version` holds when this build (or an older one) made it; worked
/// out once per version.
pub fn expected_objects(version: i64) -> Result<Vec<SchemaObject>, StoreError> {
    static KNOWN: std::sync::Mutex<Vec<(i64, Vec<SchemaObject>)>> = std::sync::Mutex::new(Vec::new());
    let cached = |known: &[(i64, Vec<SchemaObject>)]| {
        known.iter().find(|(v, _)| *v == version).map(|(_, o)| o.clone())
    };
    if let Some(objects) = KNOWN.lock().ok().and_then(|known| cached(&known)) {
        return Ok(objects);
    }
    let objects = build_expected_objects(version)?;
    if let Ok(mut known) = KNOWN.lock() {
        known.push((version, objects.clone()));
    }
    Ok(objects)
}

fn build_expected_objects(version: i64) -> Result<Vec<SchemaObject>, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    let to = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
    let tx = conn.transaction()?;
    for index in 0..to {
        apply(&tx, index)?;
    }
    let found = objects(&tx)?;
    tx.rollback()?;
    Ok(found)
}

/// What differs between the schema of the file `conn` has open and the one a file at `version`
/// must have. Statistics tables of `ANALYZE` are allowed: they hold no code.
pub fn unexpected_objects(conn: &Connection, version: i64) -> Result<Vec<SchemaDifference>, StoreError> {
    let expected = expected_objects(version)?;
    let found = objects(conn)?;
    let mut differences = Vec::new();
    for object in &found {
        if object.kind == "table" && object.name.starts_with("sqlite_stat") {
            continue;
        }
        if !expected.contains(object) {
            let changed = expected.iter().any(|e| e.name == object.name && e.kind == object.kind);
            let change = if changed { SchemaChange::Changed } else { SchemaChange::Unknown };
            differences.push(SchemaDifference {
                kind: object.kind.clone(),
                name: object.name.clone(),
                change,
            });
        }
    }
    for object in &expected {
        if !found.iter().any(|f| f.name == object.name) {
            differences.push(SchemaDifference {
                kind: object.kind.clone(),
                name: object.name.clone(),
                change: SchemaChange::Missing,
            });
        }
    }
    Ok(differences)
}
