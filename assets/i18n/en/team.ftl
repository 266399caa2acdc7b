## Team sync (issue 21)

## Activity log
team-activity = Changed by a teammate (team sync)

## Errors
team-error-unreachable = The team server at { $url } could not be reached: { $detail }
team-error-server = The team server refused the operation: { $detail }
team-error-not-initialized = The team server holds no Release Desk team yet: run "team init --url URL" first.
team-error-newer-schema = The team server's schema is version { $found }; this build knows up to { $supported }. Update Release Desk.
team-error-older-schema = The team server's schema is version { $found }: run "team init --url URL" to upgrade it to { $supported }.
team-error-bad-data = The team server sent a change this build cannot read: { $detail }
team-error-too-many-retries = The push did not get through after { $tries } tries (other pushes kept coming first); nothing was lost, sync again.
team-error-bad-url = "{ $url }" is not a PostgreSQL URL (postgresql://user@host:port/database).
team-error-no-team = This file is not in a team: "team join --url URL" first.
team-error-already-in-team = This file already belongs to the team at { $url }.
team-error-join-needs-empty-file = This file holds releases, people, deployment windows or freezes of its own: join a team with a new file (or make the team from this one with "team init").
team-error-not-allowed = The team server does not allow this for your PostgreSQL role: { $detail }. Ask the team's administrator for the right ("team grant --user ROLE --right member").
team-error-no-such-role = The team server has no PostgreSQL role "{ $role }": create the login first (createuser, or CREATE ROLE ... LOGIN).
team-error-keyring = The system's keyring could not do it: { $detail }
team-error-database-name-too-long = The database name "{ $name }" is too long for the team's role names (at most 51 bytes): make the team in a database with a shorter name.
team-password-forgotten = The password of { $url } is no longer kept in the keyring.
team-error-bad-root-cert = The CA certificate { $path } (sslrootcert in the URL) could not be read: { $detail }
team-error-overtaken = { $count ->
        [one] A teammate changed release { $ids }
       *[other] Teammates changed releases { $ids }
    } since (team sync): undoing would overwrite their edit, so this step can no longer be undone.
team-error-schedule-overtaken = A teammate changed that deployment window, freeze, note or task since (team sync): undoing would overwrite their edit, so this step can no longer be undone.

## Conflicts
team-conflict-field = same field changed
team-conflict-id-taken = id already taken on the server
team-conflict-removed = removed on the server
team-conflict-remove-edited = changed on the server, not removed
team-conflict-refused = refused by the server: your role lacks the right
team-conflict-line = Conflict on { $record } { $field } ({ $kind }): yours { $ours }, the server keeps { $theirs }.

## The window: sync state in the status bar, Sync now
menu-sync-now = Sync now
menu-team = Team…
team-dialog-title = Team
team-dialog-intro = Share this file's schedule with your team through a PostgreSQL server. Every change is still saved here first; the window syncs when the server can be reached.
team-dialog-url = Server
team-dialog-author = Name on your changes
team-dialog-password = Password
team-dialog-password-note = Kept in the system's keyring when there is one, never written to the file (PGPASSWORD works too).
team-dialog-join = Join the team
team-dialog-join-hint = Bring the team's releases into this new, empty file
team-dialog-make = Make a team from this file
team-dialog-make-hint = Create the team's tables on the server (or upgrade them) and share this file's releases
team-dialog-connecting = Connecting…
team-dialog-member = This file is in the team at { $url } as { $author }.
team-dialog-use-password = Use and sync
team-state-waiting = Syncing… the server has not answered for { $seconds } s
team-state-syncing = Syncing…
team-state-not-yet = Team: not synced yet
team-state-connected = Connected
team-state-offline = Offline
team-state-failed = Sync failed
team-status-hover = Team server { $url }, as { $author }. Syncs when a teammate's change is written, every 30 seconds, and on File > Sync now.
team-connection-encrypted = The connection is encrypted (TLS, certificate checked).
team-connection-plain = The connection is not encrypted: add sslmode=require to the server's URL to insist on TLS.
team-pending = { $count ->
        [one] 1 change to push
       *[other] { $count } changes to push
    }
team-last-pull = Last pull { $at }
team-conflicts-waiting = { $count ->
        [one] 1 conflict waiting
       *[other] { $count } conflicts waiting
    }
team-conflicts-open-hint = Choose which value stays for each conflict
team-sync-done = Synced with the team: pushed { $pushed }, pulled { $pulled }.
team-sync-new-conflicts = { $count ->
        [one] The sync met a conflict (a teammate's change, or one the server refused). Both values are kept.
       *[other] The sync met { $count } conflicts (teammates' changes, or ones the server refused). Both values are kept.
    }
team-sync-read-only = This file is open read-only here: the window that holds it syncs it.
team-sync-already-running = A sync is already running.
team-sync-stopped = the sync stopped before it finished

## Resolving conflicts
team-cmd-keep-mine = Kept my value in the conflict on release #{ $id }
team-cmd-keep-theirs = Kept the team's value in the conflict on release #{ $id }
team-cmd-keep-mine-schedule = Kept my value in the conflict on a window or freeze
team-cmd-keep-theirs-schedule = Kept the team's value in the conflict on a window or freeze
team-record-release = Release { $name }
team-record-window = Window “{ $name }”
team-record-freeze = Freeze “{ $name }”
team-field-name = Name
team-field-timing = When
team-field-zone = Time zone
team-field-scope = Applies to
team-field-kind = Hard or soft
team-field-exempt = Exempt types
team-field-exempt-reason = Why exempt
team-record-agent = Agent “{ $name }”
team-record-group = Group “{ $name }”
team-record-department = Department “{ $name }”
team-field-email = Email
team-field-active = Active
team-error-no-such-conflict = There is no open team conflict { $id } (it may be resolved already).
team-error-cannot-keep-mine = Conflict { $id } can only be settled with the team's version (it is about a whole release, or the server refused the change).

## The conflicts dialog
team-conflicts-title = Conflicts with the team
team-conflicts-intro = A teammate changed the same thing before your change reached the server, or the server refused a change your role may not make. The team's value stands until you choose; nothing is lost either way.
team-conflicts-release = Item
team-conflicts-field = Field
team-conflicts-mine = My value
team-conflicts-theirs = The team's value
team-conflicts-by = Changed by
team-conflicts-gone = (no longer in this file)
team-conflicts-by-unknown = unknown
team-conflicts-raw-field = { $field } ({ $kind })
team-conflicts-no-record = (removed)
team-conflicts-record = (the whole release)
team-conflicts-my-edits = (my edits of it)
team-conflicts-refused-by = The server (your role lacks the right)
team-keep-mine = Keep mine
team-keep-mine-hint = Write my value here; it is pushed to the team on the next sync
team-keep-mine-disabled = The team's side removed this release or kept it against my removal: only the team's version can be kept
team-keep-mine-refused = The server refused this change for your PostgreSQL role: the team's value stands. Ask for the right, then make the change again
team-keep-mine-new-hint = Add my release again under a new number; it is shared on the next sync
team-keep-theirs = Keep theirs
team-keep-theirs-hint = Keep the team's value (already here) and close the conflict

## The command line
team-joined = This file is in the team at { $url } as { $author }.
team-synced = Pushed { $pushed } (of them { $repeated } already on the server), pulled { $pulled }, { $conflicts } conflicts; up to change { $seq }.
team-status-none = This file is not in a team.
team-status = Team: { $url } as { $author }; up to change { $seq }; { $pending } waiting to push; { $open } open conflicts ({ $resolved } resolved).
team-conflicts-none = No conflicts are waiting.
team-conflicts-row = [{ $id }] { $at } { $line }
team-right-member = member (pull and push)
team-right-approve = approve (move releases past the deploy gate)
team-right-purge = delete releases for good
team-granted = { $user } now has the right: { $right }.
team-revoked = { $user } no longer has the right: { $right }.
team-rights = Your rights on the team's server: { $rights }.
team-rights-none = Your PostgreSQL role has no rights on the team's server: ask the team's administrator ("team grant --user ROLE --right member").

## A record made here under a provisional number ("new") got the team's own at its push.
team-numbered-release = Release new-{ $new } is now #{ $number }.
team-numbered-window = Deployment window new-{ $new } is now number { $number }.
team-numbered-freeze = Change freeze new-{ $new } is now number { $number }.
team-record-note = Note “{ $name }”
team-numbered-note = Note new-{ $new } is now number { $number }.
team-record-task = Task “{ $name }”
team-numbered-task = Task new-{ $new } is now number { $number }.
team-numbered-many = { $count } records made here got the team's numbers (the JSON output lists them).
