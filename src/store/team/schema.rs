//! The team server's schema, in a PostgreSQL schema of its own (`release_desk`): created and
//! migrated by `team init` (safe to run again), checked by every sync. Version 1 holds the shared
//! releases and the append-only log of changes; version 2 adds who may do what (see `rights.rs`)
//! and the announcement of each change written; version 3 shares the schedule (deployment
//! windows and change freezes) and the people releases name (agents, groups, departments);
//! version 4 gives the team's numbers to releases, windows and freezes made offline (each
//! change keeps the numbers its push gave); version 5 shares the notes on releases, version 6
//! their tasks.

use super::TeamError;
use super::server::Server;

/// The version of the server schema this build writes.
pub const SERVER_SCHEMA_VERSION: i64 = 6;

/// Each entry migrates the server schema from version `index` to `index + 1`.
const SERVER_MIGRATIONS: &[&str] = &[
    // 0 -> 1: the shared releases (each with the seq of the change that last wrote it and who
    // wrote each field) and the append-only log of changes.
    r"
    CREATE TABLE release_desk.releases (
        id      bigint PRIMARY KEY,
        release jsonb NOT NULL,
        seq     bigint NOT NULL,
        writers jsonb NOT NULL DEFAULT '{}'
    );
    CREATE TABLE release_desk.changes (
        seq        bigserial PRIMARY KEY,
        command_id uuid NOT NULL UNIQUE,
        author     text NOT NULL,
        client_id  uuid NOT NULL,
        at         timestamptz NOT NULL DEFAULT now(),
        mutations  jsonb NOT NULL,
        bases      jsonb NOT NULL,
        conflicts  jsonb NOT NULL DEFAULT '[]'
    );
    ",
    // 1 -> 2: who may do what, kept by the database and not only by the client. Three group
    // roles of this database's own (`rd_<database>_member`, `_approver`, `_purger`: another team
    // database on the same cluster has its own): members push and pull; approvers also move a
    // release past the deploy gate (into Deploy, Verify & Monitor or Complete from a stage before
    // it: the step the CAB approves); purgers also delete releases for good. Each change records
    // the PostgreSQL role that pushed it (not the name the client gives). A change written
    // notifies its database's listeners, so connected windows pull at once.
    r"
    CREATE FUNCTION release_desk.role_name(kind text) RETURNS text LANGUAGE sql STABLE
        AS $f$ SELECT 'rd_' || current_database() || '_' || kind $f$;
    -- Who pushed the changes written before this version is not known: theirs stays empty.
    ALTER TABLE release_desk.changes ADD COLUMN role text;
    ALTER TABLE release_desk.changes ALTER COLUMN role SET DEFAULT session_user;
    DO $$
    DECLARE
        member text := release_desk.role_name('member');
        approver text := release_desk.role_name('approver');
        purger text := release_desk.role_name('purger');
        name text;
    BEGIN
        FOREACH name IN ARRAY ARRAY[member, approver, purger] LOOP
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
        END LOOP;
        EXECUTE format('GRANT %I TO %I, %I', member, approver, purger);
        EXECUTE format('GRANT %I, %I TO CURRENT_USER', approver, purger);
        EXECUTE format('GRANT USAGE ON SCHEMA release_desk TO %I', member);
        EXECUTE format('GRANT SELECT ON release_desk.team_meta TO %I', member);
        EXECUTE format('GRANT SELECT ON release_desk.changes TO %I', member);
        EXECUTE format('GRANT INSERT (seq, command_id, author, client_id, at, mutations, bases, conflicts)
            ON release_desk.changes TO %I', member);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON release_desk.releases TO %I', member);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA release_desk TO %I', member);
    END $$;
    CREATE FUNCTION release_desk.guard_release() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF NOT pg_has_role(current_user, release_desk.role_name('purger'), 'MEMBER') THEN
                RAISE EXCEPTION 'the role % may not delete releases for good', current_user
                    USING ERRCODE = 'insufficient_privilege',
                    DETAIL = json_build_object('record', 'release:' || OLD.id, 'right', 'purge')::text;
            END IF;
            RETURN OLD;
        END IF;
        -- Past the deploy gate: Deploy, Verify & Monitor and Complete, entered from before it.
        IF NEW.release->>'stage' IN ('deploy', 'verify_monitor', 'complete')
            AND (TG_OP = 'INSERT'
                OR coalesce(OLD.release->>'stage', '') NOT IN ('deploy', 'verify_monitor', 'complete'))
            AND NOT pg_has_role(current_user, release_desk.role_name('approver'), 'MEMBER') THEN
            RAISE EXCEPTION 'the role % may not move release % past the deploy gate', current_user, NEW.id
                USING ERRCODE = 'insufficient_privilege',
                DETAIL = json_build_object('record', 'release:' || NEW.id, 'field', 'stage',
                    'right', 'approve')::text;
        END IF;
        RETURN NEW;
    END $f$;
    CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON release_desk.releases
        FOR EACH ROW EXECUTE FUNCTION release_desk.guard_release();
    CREATE FUNCTION release_desk.announce_change() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        PERFORM pg_notify('release_desk_changes', NEW.client_id::text);
        RETURN NULL;
    END $f$;
    CREATE TRIGGER announce AFTER INSERT ON release_desk.changes
        FOR EACH ROW EXECUTE FUNCTION release_desk.announce_change();
    ",
    // 2 -> 3: the schedule releases are planned into (deployment windows, change freezes) and
    // the people they name (agents, groups, departments), shared like the releases: each record
    // with the seq of the change that last wrote it and who wrote each field. Every member may
    // change them (no guard: planning and the team's roster are the team's work).
    r"
    DO $$
    DECLARE
        name text;
    BEGIN
        FOREACH name IN ARRAY ARRAY['windows', 'freezes', 'agents', 'agent_groups', 'departments'] LOOP
            EXECUTE format('CREATE TABLE release_desk.%I (
                id      bigint PRIMARY KEY,
                record  jsonb NOT NULL,
                seq     bigint NOT NULL,
                writers jsonb NOT NULL DEFAULT ''{}''
            )', name);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON release_desk.%I TO %I',
                name, release_desk.role_name('member'));
        END LOOP;
    END $$;
    ",
    // 3 -> 4: the team's numbers. A release, window or freeze made in a member's file has a
    // provisional number there (below zero); its push gives it the next of its kind here (the
    // last one given, or the highest in the table if that is higher) and the change keeps what
    // it gave (`numbers`, release:-3 to 57), so a retried push hands back the same.
    r"
    CREATE TABLE release_desk.numbers (
        kind text PRIMARY KEY,
        last bigint NOT NULL
    );
    ALTER TABLE release_desk.changes ADD COLUMN numbers jsonb NOT NULL DEFAULT '{}';
    DO $$
    BEGIN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON release_desk.numbers TO %I',
            release_desk.role_name('member'));
        EXECUTE format('GRANT INSERT (numbers) ON release_desk.changes TO %I',
            release_desk.role_name('member'));
    END $$;
    ",
    // 4 -> 5: the notes on releases, shared like the schedule (each names its release by the
    // team's number).
    r"
    CREATE TABLE release_desk.notes (
        id      bigint PRIMARY KEY,
        record  jsonb NOT NULL,
        seq     bigint NOT NULL,
        writers jsonb NOT NULL DEFAULT '{}'
    );
    -- A release's removal takes its notes with it (push.rs): found by this index.
    CREATE INDEX notes_by_release ON release_desk.notes (((record->>'release_id')::bigint));
    DO $$
    BEGIN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON release_desk.notes TO %I',
            release_desk.role_name('member'));
    END $$;
    ",
    // 5 -> 6: the tasks of releases, shared like the notes (each field of a task on its own).
    r"
    CREATE TABLE release_desk.tasks (
        id      bigint PRIMARY KEY,
        record  jsonb NOT NULL,
        seq     bigint NOT NULL,
        writers jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX tasks_by_release ON release_desk.tasks (((record->>'release_id')::bigint));
    DO $$
    BEGIN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON release_desk.tasks TO %I',
            release_desk.role_name('member'));
    END $$;
    ",
];

/// The advisory lock `team init` shares with pushes.
const INIT_LOCK: i64 = super::push::PUSH_LOCK;

impl Server {
    /// The version of the server schema (0: none yet).
    fn version(&mut self) -> Result<i64, TeamError> {
        let exists: bool =
            self.client.query_one("SELECT to_regclass('release_desk.team_meta') IS NOT NULL", &[])?.get(0);
        if !exists {
            return Ok(0);
        }
        let row = self
            .client
            .query_opt("SELECT value FROM release_desk.team_meta WHERE key = 'schema_version'", &[])?;
        let text: String = row.map_or_else(|| "0".to_owned(), |r| r.get(0));
        text.parse().map_err(|_| TeamError::BadData(format!("schema_version '{text}'")))
    }

    /// Creates or migrates the server schema (`team init`); safe to run again.
    pub fn init(&mut self) -> Result<(), TeamError> {
        self.init_at_version(SERVER_SCHEMA_VERSION)
    }

    /// Creates or migrates the server schema up to `version` only: an older build's server, for
    /// the tests of its upgrade.
    pub fn init_at_version(&mut self, version: i64) -> Result<(), TeamError> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])?;
        tx.batch_execute(
            "CREATE SCHEMA IF NOT EXISTS release_desk;
             CREATE TABLE IF NOT EXISTS release_desk.team_meta (key text PRIMARY KEY, value text NOT NULL);",
        )?;
        let row =
            tx.query_opt("SELECT value FROM release_desk.team_meta WHERE key = 'schema_version'", &[])?;
        let found: i64 = row.and_then(|r| r.get::<_, String>(0).parse().ok()).unwrap_or(0);
        if found > SERVER_SCHEMA_VERSION {
            return Err(TeamError::NewerSchema { found, supported: SERVER_SCHEMA_VERSION });
        }
        // The team's group roles are named after the database (`rd_<database>_approver`), and
        // PostgreSQL cuts names at 63 bytes.
        let too_long: Option<String> = tx
            .query_one(
                "SELECT CASE WHEN octet_length(current_database()) > 51 THEN current_database() END",
                &[],
            )?
            .get(0);
        if let Some(name) = too_long {
            return Err(TeamError::DatabaseNameTooLong(name));
        }
        let from = usize::try_from(found).unwrap_or(0);
        let to = usize::try_from(version.min(SERVER_SCHEMA_VERSION)).unwrap_or(0);
        for sql in SERVER_MIGRATIONS.iter().take(to).skip(from) {
            tx.batch_execute(sql)?;
        }
        tx.execute(
            "INSERT INTO release_desk.team_meta (key, value) VALUES ('schema_version', $1)
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            &[&found.max(version.min(SERVER_SCHEMA_VERSION)).to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Refuses a server without the schema, or with another version of it.
    pub fn check_schema(&mut self) -> Result<(), TeamError> {
        match self.version()? {
            0 => Err(TeamError::NotInitialized),
            v if v > SERVER_SCHEMA_VERSION => {
                Err(TeamError::NewerSchema { found: v, supported: SERVER_SCHEMA_VERSION })
            }
            v if v < SERVER_SCHEMA_VERSION => {
                Err(TeamError::OlderSchema { found: v, supported: SERVER_SCHEMA_VERSION })
            }
            _ => Ok(()),
        }
    }
}
