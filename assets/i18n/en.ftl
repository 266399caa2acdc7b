# Release Desk — English catalogue. Every key here must also be in ko.ftl, with the same arguments.

## Statuses, priorities, types (Freshservice codes 1..)
status-open = Open
status-on-hold = On hold
status-in-progress = In Progress
status-incomplete = Incomplete
status-completed = Completed
priority-low = Low
priority-medium = Medium
priority-high = High
priority-urgent = Urgent
type-minor = Minor
type-standard = Standard
type-major = Major
type-emergency = Emergency

## Lifecycle
stage-plan = Plan
stage-build-test = Build & Test
stage-deployment-prep = Deployment prep
stage-deploy = Deploy
stage-verify-monitor = Verify & Monitor
stage-complete = Complete
stage-rollback = Rollback
outcome-successful = Successful
outcome-failed = Failed

## The nine views
view-new-and-my-open = New and Your Open Releases
view-my-completed = Your Completed Releases
view-mine = Your Releases
view-unassigned = Unassigned Releases
view-completed = Completed Releases
view-incomplete = Incomplete Releases
view-emergency = Emergency Releases
view-trash = Trash
view-all = All Releases

## List columns
col-id = ID
col-subject = Subject
col-status = Status
col-priority = Priority
col-type = Type
col-planned-start = Planned start
col-planned-end = Planned end
col-agent = Agent
col-group = Group
col-created = Created
col-updated = Updated
table-sort-hint = Click to sort; click again to reverse

## Fields
field-subject = Subject
field-subject-required = Subject *
field-status = Status
field-priority = Priority
field-type = Type
field-planned-start = Planned start
field-planned-end = Planned end
field-planned-start-required = Planned start *
field-planned-end-required = Planned end *
field-agent = Agent
field-group = Group
field-department = Department
field-category = Category
field-description = Description
field-work-window = Work window
field-created = Created
field-updated = Updated
field-hour = Hour
field-minute = Minute
agent-unassigned = Unassigned
agent-nobody = Nobody
group-none = None
department-none = None
work-not-started = not started
chip-in-trash = In Trash

## Actions
action-save = Save
action-cancel = Cancel
action-create = Create
action-close = Close
action-revert = Revert
action-dismiss = Dismiss
action-new-release = ＋ New release
action-load-sample = Load sample data
unsaved-changes = Unsaved changes

## Side panel
panel-views = Views
panel-saved-views = Saved views
panel-filter = Filter
saved-view-delete = Delete this saved view
filter-clear = Clear
filter-clear-all = Clear filter
filter-any = Any
filter-any-date = any
filter-planned-from = Planned from
filter-planned-to = Planned to
filter-limit-window = Limit the planned window
save-view-as = Save view as…
save-view-name = Name of the new view:

## Top bar and menus
menu-file = File
menu-new-release = New release…
menu-open-database = Open database…
menu-quit = Quit
menu-view = View
menu-language = Language
menu-help = Help
menu-about = About Release Desk
theme-system = Follow system theme
theme-light = Light
theme-dark = Dark
search-label = Search
search-hint = Search id, subject, description (Ctrl+F)
search-clear = Clear the search
signed-in-as = Signed in as
rows-shown = { $shown } of { $total } releases

## Empty states and errors
empty-title = No releases yet
empty-body = Create your first release, or load the sample scenarios to explore.
no-match-title = No releases match
no-match-body = Nothing in this view matches the filter and search.
open-failed-title = The database could not be opened
open-another = Open another file…
about-tagline = Plan and run software releases offline.
about-font = Korean text: NanumGothic, SIL Open Font License 1.1.
status-done = Done: { $what }
status-saved = Saved: { $what }

## New release dialog
new-release-title = New release
new-release-subject-hint = e.g. ERP upgrade phase 1: HQ
new-release-fix-first = Fix the fields marked in red first

## Validation
error-subject-empty = The subject is empty.
error-subject-too-long = The subject has { $count } characters; at most 255 are allowed.
error-planned-end = The planned end must be after the planned start.
error-work-end = The work end must be after the work start.

## Command line
cli-count = { $count } releases
cli-demo-loaded = Loaded { $count } sample releases into { $path } (current agent: { $agent }).
cli-error-no-file = { $path } does not exist
cli-error-no-agent = no agent '{ $agent }' (give an id or a name)
cli-error-bad-id = '{ $id }' is not a release id

## Errors
error-no-such-release = release #{ $id } does not exist
error-no-such-agent = agent { $id } does not exist
error-no-such-group = group { $id } does not exist
error-no-such-department = department { $id } does not exist
error-no-such-view = saved view { $id } does not exist
error-duplicate-view = a view named "{ $name }" already exists
error-agent-name-required = an agent needs a name
error-group-name-required = a group needs a name
error-department-name-required = a department needs a name
error-view-name-required = a saved view needs a name
error-sample-needs-empty = the database already holds releases; sample data loads only into an empty one (use --force to add it anyway)
error-not-sqlite = { $path } is not a Release Desk database (it is not an SQLite file); it was left untouched
error-foreign-database = { $path } is an SQLite database of another program; it was left untouched
error-newer-schema = { $path } was written by a newer Release Desk (schema version { $found }; this version knows up to { $supported }); it was left untouched. Update Release Desk to open it
error-io = { $path } could not be read: { $reason }
error-disk-full = could not save: the database file is full (disk full or size limit reached); nothing was changed
error-read-only = could not save: the database file is read-only; nothing was changed
error-busy = the database is in use by another Release Desk window or program; try again
error-corrupt = the database file is damaged: { $detail }
error-sqlite = database error: { $detail }
error-bad-data = stored data is not valid: { $detail }
cli-error-window = could not open the window: { $reason }

## Agents and groups
menu-people = Agents and groups…
people-title = Agents, groups and departments
people-agents = Agents
people-groups = Groups
people-departments = Departments
people-none-yet = none yet
people-new-agent = New agent
people-email = email (optional)
people-add-agent = Add agent
people-new-group = New group
people-add-group = Add group
people-new-department = New department
people-add-department = Add department

## Durability: locks, checks, backups, damaged files
error-damaged = { $path } is damaged ({ $detail }). It was left untouched.
error-locked = { $path } is open in another Release Desk window. Close that window, or open the file read-only.
error-locked-pid = { $path } is open in another Release Desk window (process { $pid }). Close that window, or open the file read-only.
error-read-only-session = { $path } is open read-only in this window; nothing was changed.
cli-backup-made = Backup written and checked: { $path }
cli-check-ok = { $path } passed the integrity check ({ $count } releases).
cli-restored = Restored { $path } from { $backup }.
cli-previous-kept = The previous file was kept as the backup { $path }.
cli-damaged-aside = The damaged file was moved aside, untouched, to { $path }.
open-locked-title = This database is open in another window
open-read-only = Open read-only
open-damaged-title = This database is damaged
open-damaged-body = Release Desk never repairs or overwrites a damaged file. You can restore the newest good backup (the damaged file is moved aside, untouched) or open another file.
restore-newest-backup = Restore the backup of { $date } ({ $count } releases)
no-good-backup = There is no good backup of this file in the backups folder.
status-unclean-checked = The last session did not close cleanly; the full integrity check found no problems.
status-read-only = Read-only
status-read-only-hint = Another window holds this file; changes are refused here.
menu-backups = Backups…
backups-title = Backups
backups-folder = Folder: { $path }
backups-none = No backups yet.
backups-col-date = Made
backups-col-size = Size
backups-col-releases = Releases
backups-col-reason = Why
backups-confirm = Replace the current file with the backup of { $date }? The current file is kept as a backup first.
backups-size-kb = { $size } KB
action-back-up-now = Back up now
action-restore = Restore
status-backup-made = Backup written and checked: { $path }
status-restored = Restored the backup of { $date }.
status-previous-kept = The previous file was kept as { $path }.
status-damaged-aside = The damaged file was moved aside, untouched: { $path }
backup-reason-daily = daily
backup-reason-migration = before an upgrade
backup-reason-import = before an import
backup-reason-purge = before a purge
backup-reason-restore = before a restore
backup-reason-manual = by hand
