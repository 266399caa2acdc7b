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
cli-error-no-group = no group '{ $group }' (give an id or a name)
cli-error-bulk-agent-only = --agent and --group are only for `bulk assign`
cli-error-bulk-assign-needs = bulk assign needs --agent or --group (or both)

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

## Release page
tab-releases = Releases
tab-close = Close this tab (Ctrl+W)
page-release-gone = This release no longer exists.
page-properties = Properties
page-trash = Delete
page-trash-confirm = Move to Trash
page-mark-completed = Mark completed
page-mark-completed-hint = Records the outcome and closes the release: the lifecycle moves from Verify & Monitor to Complete.
page-mark-completed-not-yet = A release is completed from Verify & Monitor, with its outcome. It is at { $stage }: move it on in Lifecycle first.
page-description-hint = What this release delivers, its scope and anything the team should know
page-save-description = Save description
field-stage = Stage
error-release-in-trash = release #{ $id } is in Trash; restore it first
error-no-such-note = this note no longer exists
error-no-such-task = this task no longer exists
error-no-such-time-entry = this time entry no longer exists
error-note-empty = a note cannot be empty
error-note-too-long = a note has at most { $max } characters
error-task-title-required = a task needs a title
error-task-title-too-long = a task title has at most 255 characters
error-time-out-of-range = the time spent must be 00:01 to 9999:59
error-timer-running = a timer of yours is already running on #{ $id }; stop it first
error-timer-not-running = this timer is not running
error-timer-running-edit = this timer is running; stop it before editing the entry
error-time-empty = enter the time spent as hh:mm
error-time-not-hhmm = "{ $text }" is not hh:mm (for example 01:30)
error-time-minutes = minutes must be 00 to 59
error-time-zero = the time spent must be more than 00:00
action-edit = Edit
action-delete = Delete
section-plans = Build and test plans
plan-build = Build plan
plan-test = Test plan
plan-progress = { $done }/{ $total } done
plan-not-added = Not yet added
plan-add = Add
plan-insert-template = Insert template
plan-insert-template-hint = Add the standard sections of this plan to the text and the checklist
plan-body = Plan
plan-body-hint = Describe the plan; Markdown headings are fine
plan-checklist = Checklist
plan-new-item = New checklist item
plan-new-item-hint = New item (Enter adds it)
plan-add-item = Add item
plan-item-done = Done
plan-item-text = Checklist item
plan-item-up = Move up
plan-item-down = Move down
plan-item-remove = Remove this item
plan-discard-question = Discard your unsaved changes?
plan-discard = Discard
plan-keep-editing = Keep editing
plan-build-source = Source build procedure
plan-build-dependencies = Dependency management
plan-build-environments = Per-environment configuration
plan-build-packaging = Packaging scripts
plan-test-unit = Unit test scenarios
plan-test-integration = Integration test cases
plan-test-performance = Performance test plan
plan-test-uat = User acceptance test
section-notes = Notes ({ $count })
note-new = New note
note-new-hint = Write a note for the team…
note-add = Add note
note-edit = Note text
note-edited = edited { $when }
note-delete-confirm = Delete this note
notes-empty = No notes yet.
section-tasks = Tasks ({ $open } open of { $total })
task-add = Add task
task-new = New task
task-edit = Edit task
task-title = Title
task-due = Due
task-has-due = Has a due date
task-overdue = Overdue
task-delete-confirm = Delete this task
tasks-empty = No tasks yet.
task-status-open = Open
task-status-in-progress = In Progress
task-status-completed = Completed
section-time = Time tracking (total { $total })
time-running = Timer running
time-started-at = started { $when }
time-stop = Stop timer
time-start = Start timer
time-start-since-created = Start timer from release creation
time-start-since-created-hint = Counts the time since the release was created ({ $when })
time-timer-note = Note for the timer
time-timer-note-hint = What are you working on?
time-add = Add time
time-edit = Edit time entry
time-edit-running = Stop the timer before editing this entry
time-empty = No time logged yet.
time-executed-at = Executed at
time-spent = Time spent
time-spent-hhmm = Time spent (hh:mm)
time-billable = Billable
time-billable-yes = Billable
time-billable-no = Not billable
time-note = Note
time-delete-confirm = Delete this entry
section-activity = Activity ({ $count })
activity-filter = Show
activity-all = All changes
activity-when = When
activity-who = Who
activity-kind = Kind
activity-what = What
activity-change = Change (old -> new)
activity-created = Created
activity-field = Field changed
activity-trash = Moved to Trash
activity-restore = Restored
activity-note = Note
activity-task = Task
activity-time = Time
activity-revert = Undo / redo
activity-purge = Deleted forever
activity-change-link = Change
activity-ci = Configuration item
activity-override = Gate overridden
activity-stage-note = Stage note
activity-readiness = Readiness
activity-outcome = Outcome
activity-closed-at = Closed
activity-deleted-at = Deleted at
activity-chars = { $count } characters
activity-plan-summary = { $chars } characters, { $done }/{ $total } done
activity-phases = Deployment phases
activity-deploy-gate = Deploy gate
time-timer = Timer
activity-removed = (removed)
page-save-window = Save planned window
## Release page: lifecycle, Changes and CIs, readiness, risks, deployment strategy
section-lifecycle = Lifecycle
section-links = Changes and CIs
section-readiness = Readiness
section-risks = Risk register
section-strategy = Deployment strategy
lifecycle-move-to = Move to { $stage }
lifecycle-closed = This release is closed; its lifecycle is complete.
lifecycle-rollbacks = { $count ->
    [one] Rolled back once
   *[other] Rolled back { $count } times
}
lifecycle-downtime = Service downtime: { $duration }
lifecycle-outcome = Outcome: { $outcome }, recorded { $when }
gate-open = Deploy gate open: every linked Change is CAB-approved and the release plan is complete.
gate-closed = Deploy gate closed:
gate-unapproved = { $count ->
    [one] 1 linked Change not CAB-approved: { $ids }
   *[other] { $count } linked Changes not CAB-approved: { $ids }
}
gate-readiness = { $count ->
    [one] 1 release plan item not done
   *[other] { $count } release plan items not done
}
history-title = Stage history
history-empty = No moves yet: in Plan since { $when }.
history-col-stage = Stage
history-col-entered = Entered
history-col-by = By
history-col-details = Details
history-override = Gate overridden: { $reason }
history-downtime = downtime { $duration }
history-outcome = outcome { $outcome }
dialog-complete-title = Complete release #{ $id }
dialog-complete-body = Records the outcome and closes the release: work end and closing time are set, status becomes Completed.
dialog-outcome = Outcome
dialog-downtime = Service downtime (minutes)
dialog-note = Note
dialog-rollback-title = Roll back release #{ $id }
dialog-rollback-body = The release goes to Rollback and its rollback count grows by one. From there it goes back to Build & Test and can be deployed again.
dialog-rollback-reason = Reason (required)
dialog-rollback-hint = What went wrong, and what was restored?
dialog-override-title = Deploy despite a closed gate
dialog-override-reason = Written reason for the override (logged)
dialog-override-hint = e.g. emergency approval by the CAB chair by phone
dialog-confirm-complete = Complete
dialog-confirm-rollback = Roll back
dialog-confirm-override = Deploy anyway
move-refused-not-allowed = A release in { $from } cannot move to { $to }.
move-refused-in-trash = The release is in Trash; restore it first.
move-refused-outcome = Choose the outcome: successful or failed.
move-refused-reason = Write down why the release is rolled back.
move-refused-downtime = The downtime is more than a year; check the number.
move-refused-gate = Deploy is blocked by the gate; write a reason to override it.
links-changes = Changes
links-cis = Configuration items (CIs)
links-no-changes = No linked Changes.
links-no-cis = No linked CIs.
links-link-change = Link a Change…
links-link-ci = Link a CI…
links-unlink = Unlink
links-missing = (not in the registry)
picker-change-title = Link a Change to #{ $id }
picker-ci-title = Link a CI to #{ $id }
picker-search = Search
picker-nothing = Nothing to link.
picker-link = Link
picker-new-change = New Change
picker-new-ci = New CI
picker-create-link = Create and link
field-cab-approval = CAB approval
field-change-risk = Risk
field-change-subject = Change subject
field-ci-name = CI name
field-ci-kind = CI type
approval-pending = Pending
approval-approved = Approved
approval-rejected = Rejected
change-risk-low = Low
change-risk-medium = Medium
change-risk-high = High
ci-kind-server = Server
ci-kind-application = Application
ci-kind-database = Database
ci-kind-service = Service
ci-kind-network = Network
ci-kind-other = Other
readiness-plan = Release plan checklist
readiness-progress = { $done }/{ $total } done
plan-goals-scope = Goals and scope defined
plan-schedule-milestones = Schedule and milestones set
plan-resources = Resources allocated
plan-test-scenarios = Test scenarios written
plan-communication = Communication plan in place
plan-risk-analysis = Risks analysed, responses planned
mitigation-title = Risk mitigation checklists
mitigation-before = Before deployment
mitigation-during = During deployment
mitigation-after = After deployment
mitigation-test-environment = Adequate test environment built
mitigation-rollback-plan = Detailed rollback plan written
mitigation-monitoring-setup = Monitoring tools set up
mitigation-clear-roles = Clear roles across teams
mitigation-live-monitoring = Live monitoring
mitigation-step-verification = Step-by-step verification
mitigation-response-team = Team ready to respond at once
mitigation-communication = Continuous communication
mitigation-track-performance = Performance indicators tracked
mitigation-user-feedback = User feedback collected
mitigation-post-review = Post-implementation review held
mitigation-lessons-learned = Lessons learned documented
risk-col-risk = Risk
risk-col-likelihood = Likelihood
risk-col-impact = Impact
risk-col-score = Score
risk-col-mitigation = Mitigation
risk-col-owner = Owner
risk-service-outage = Service outage during deployment
risk-data-integrity = Data integrity in migration
risk-performance = Performance degradation
risk-compatibility = Compatibility with existing systems
risk-other = Other risk
risk-level-low = Low
risk-level-medium = Medium
risk-level-high = High
risk-add = Add risk
risk-new-hint = New risk, e.g. regulator approval delayed
risk-remove = Remove this risk
risk-mitigation-hint = How is it mitigated?
risk-owner-none = No owner
strategy-big-bang = Big Bang
strategy-phased = Phased
strategy-rolling = Rolling
strategy-big-bang-about = Everything at once. For whole-system replacements and infrastructure upgrades. Simple and quick, but high risk and hard to recover.
strategy-phased-about = Stage by stage, by user group or region. Spreads the risk and lets feedback in, but is more to manage and takes longer.
strategy-rolling-about = Continuous small units. For cloud and microservices. No service interruption and quick fixes, but versions are harder to manage.
strategy-phases = Phases
strategy-progress = { $done } of { $total } phases done
strategy-no-phases = No phases yet. Add the first, e.g. HQ.
phase-status-pending = Pending
phase-status-in-progress = In progress
phase-status-done = Done
phase-add = Add phase…
phase-edit = Edit
phase-earlier = Move earlier
phase-later = Move later
phase-remove = Remove this phase
phase-dialog-title = Deployment phase
phase-name = Phase name
phase-name-hint = e.g. HQ, main affiliates, everyone
phase-has-window = Planned window
phase-window-start = Start
phase-window-end = End
phase-no-window = no window set
phase-status = Status
readiness-invalid-rating = Likelihood and impact must be between 1 and 5.
readiness-invalid-risk-title = A new risk needs a title.
readiness-invalid-no-risk = That risk no longer exists.
readiness-invalid-phase-name = A phase needs a name.
readiness-invalid-phase-window = A phase must end after it starts.
readiness-invalid-no-phase = That phase no longer exists.
registry-invalid-name-empty = The name is empty.
registry-invalid-name-too-long = The name has { $count } characters; at most 255 are allowed.
error-no-such-change = Change CHG-{ $id } does not exist
error-no-such-ci = configuration item CI-{ $id } does not exist
lifecycle-status-ahead = The status is Completed, but the lifecycle is still at { $stage }: move on to Complete to record the outcome.
## KPIs (dashboard, CLI, exported charts)
kpi-success-rate = Success rate
kpi-rollback-rate = Rollback rate
kpi-deploy-time = Deployment time overrun
kpi-downtime = Downtime
kpi-month = Month
kpi-closed = Closed
kpi-within = Within 10 %
kpi-emergency-share = Emergency share
kpi-open = Open at month end
kpi-total = Total
kpi-per-month = a month
kpi-targets = Targets
kpi-target = Target
kpi-off-target-legend = ! = off target. A month with no closed releases has no rate (–).
kpi-summary-title = Release KPIs
kpi-summary-subtitle = { $closed } releases closed in { $months } months
kpi-on-target = On target
kpi-off-target = Off target
kpi-no-data = No data
kpi-months-off = { $off } of { $months } months off target
cli-chart-written = Wrote { $path } ({ $width } x { $height }).
view-switch-releases = Release list
view-switch-dashboard = Dashboard
menu-kpi-help = KPI definitions
kpi-help-title = KPI definitions
kpi-help-closed = Each KPI is counted by calendar month in local time. A release is closed in a month when it is not in Trash and its outcome was recorded (closed at) in that month. The group and type filters narrow the releases counted.
kpi-help-success = Closed releases with outcome successful and never rolled back, divided by all closed releases. A release rolled back and then completed counts as closed but not as a success.
kpi-help-rollback = Closed releases rolled back at least once, divided by all closed releases.
kpi-help-deploy = For closed releases with planned and actual start and end: actual duration / planned duration - 1, averaged. The share of those within 10 % of plan is shown beside it.
kpi-help-downtime = The downtime minutes of the releases closed in the month, in hours. For a period, the card shows the mean a month, since the target is monthly.
kpi-help-extra = Also shown, without a target: releases closed by type (minor / standard / major / emergency), the emergency share, and releases still open at month end.
kpi-help-no-data = A month with no closed releases has no rate: it shows –, is left out of the chart line, and is neither on nor off target.
kpi-help-period = A period's rate pools every release closed in it; the change compares it with the period of the same length just before. A value meets its target only when strictly above (success) or below (the others).
kpi-export-stopped = The export stopped unexpectedly.
kpi-export-done = Exported { $path }
kpi-export-failed = Export failed: { $error }
kpi-export-title = Export KPI chart
kpi-export-csv = Export CSV…
kpi-export-summary = Export summary…
kpi-export-chart = Export…
kpi-export-chart-hint = Save this chart as SVG or PNG
kpi-exporting = Exporting { $file }…
kpi-period = Period
kpi-last-months = Last { $count } months
kpi-custom = Custom
kpi-from = From
kpi-to = To
kpi-year = year
kpi-range-reversed = The first month { $from } is after the last month { $to }.
kpi-range-too-long = The period has { $months } months; at most 120 are allowed.
kpi-period-summary = { $from } – { $to }: { $closed } releases closed
kpi-targets-edit = Targets…
kpi-targets-title = KPI targets
kpi-targets-body = Used by the dashboard, the command line and exported charts.
kpi-targets-save = Save targets
kpi-targets-defaults = Reset to defaults
kpi-hours-a-month = hours a month
kpi-hours-unit = h
kpi-monthly-table = By month
kpi-by-type = Minor / Std / Major / Emerg.
kpi-by-type-hint = Releases closed by type: minor / standard / major / emergency
kpi-month-hint = Show the releases closed in this month
kpi-all-groups = All groups
kpi-all-types = All types
kpi-filter-group = Only releases of this group
kpi-filter-type = Only releases of this type
kpi-change = { $change } vs previous period ({ $previous })
kpi-no-previous = No data for the previous period
kpi-card-count = { $part } of { $closed } closed releases
kpi-card-timed = { $timed } timed releases, { $within } within 10 %
kpi-card-downtime = { $total } in total
kpi-hover-success = { $part } successful of { $closed } closed
kpi-hover-rollback = { $part } rolled back of { $closed } closed
kpi-hover-deploy = { $within } of { $timed } timed releases within 10 % ({ $closed } closed)
kpi-hover-downtime = { $minutes } over { $closed } closed releases
kpi-behind-closed = releases closed
kpi-behind-timed = timed releases closed
kpi-behind-count = { $count } { $what }
kpi-outcome = Outcome
kpi-overrun = Overrun
kpi-rollbacks = rolled back { $count }x
kpi-open-release = Open this release
error-target-success = The success rate target must be between 0 % and 100 %.
error-target-rollback = The rollback rate target must be between 0 % and 100 %.
error-target-overrun = The deployment time target must be between 0 % and 1000 %.
error-target-downtime = The downtime target must be between 0 and 744 hours a month.
error-chart-format = { $path } must end in .svg or .png
error-chart-size = the chart size must be between 200 and 8000 pixels a side (got { $width } x { $height })
error-chart-font = the bundled font could not be loaded
error-chart-draw = could not draw the chart: { $detail }
error-chart-write = could not write { $path }: { $reason }
## Commands, as the undo menu and the status bar name them
cmd-create-release = create release “{ $subject }”
cmd-edit-field = edit the { $field } of #{ $id }
cmd-edit-release = edit #{ $id }
cmd-add-agent = add agent { $name }
cmd-add-group = add group { $name }
cmd-add-department = add department { $name }
cmd-set-current-agent = sign in as { $name }
cmd-set-language = change the language
cmd-set-theme = change the theme
cmd-set-kpi-targets = change the KPI targets
cmd-save-view = save view “{ $name }”
cmd-delete-view = delete a saved view
cmd-load-sample = load { $count } sample releases
cmd-revert = revert earlier changes
cmd-create-change = create Change “{ $subject }”
cmd-update-change = edit Change CHG-{ $change }
cmd-create-ci = create CI “{ $name }”
cmd-link-change = link CHG-{ $change } to #{ $id }
cmd-unlink-change = unlink CHG-{ $change } from #{ $id }
cmd-link-ci = link CI { $item } to #{ $id }
cmd-unlink-ci = unlink CI { $item } from #{ $id }
cmd-move-stage = move #{ $id } to { $stage }
cmd-edit-readiness = edit the readiness of #{ $id }
cmd-trash-release = move #{ $id } to Trash
cmd-add-note = add a note to #{ $id }
cmd-edit-note = edit a note
cmd-delete-note = delete a note
cmd-add-task = add task “{ $title }” to #{ $id }
cmd-edit-task = edit task “{ $title }”
cmd-delete-task = delete a task
cmd-add-time = log time on #{ $id }
cmd-start-timer = start a timer on #{ $id }
cmd-stop-timer = stop the timer
cmd-edit-time-entry = edit a time entry
cmd-delete-time-entry = delete a time entry
cmd-bulk-trash = move { $count } { $count ->
        [one] release
       *[other] releases
    } to Trash
cmd-bulk-restore = restore { $count } { $count ->
        [one] release
       *[other] releases
    } from Trash
cmd-bulk-purge = delete { $count } { $count ->
        [one] release
       *[other] releases
    } forever
cmd-bulk-pick-up = pick up { $count } { $count ->
        [one] release
       *[other] releases
    }
cmd-bulk-assign-agent = assign { $count } { $count ->
        [one] release
       *[other] releases
    } to { $agent }
cmd-bulk-assign-group = assign { $count } { $count ->
        [one] release
       *[other] releases
    } to the group { $group }
cmd-bulk-assign-both = assign { $count } { $count ->
        [one] release
       *[other] releases
    } to { $agent } ({ $group })
cmd-bulk-assign-nothing = assign { $count } { $count ->
        [one] release
       *[other] releases
    }
cmd-bulk-status = set the status of { $count } { $count ->
        [one] release
       *[other] releases
    } to { $status }
cmd-bulk-priority = set the priority of { $count } { $count ->
        [one] release
       *[other] releases
    } to { $priority }
edit-field-subject = subject
edit-field-description = description
edit-field-status = status
edit-field-priority = priority
edit-field-type = release type
edit-field-planned = planned window
edit-field-work-window = work window
edit-field-agent = agent
edit-field-group = group
edit-field-department = department
edit-field-category = category
edit-field-sub-category = sub-category
edit-field-item-category = item category
edit-field-build-plan = build plan
edit-field-test-plan = test plan
edit-field-assets = linked CIs
edit-field-changes = linked changes
ids-and-more = { $ids } and { $more } more

## Command errors
error-no-such-releases = { $count ->
        [one] Release { $ids } does
       *[other] Releases { $ids } do
    } not exist; nothing was changed.
error-in-trash = { $count ->
        [one] Release { $ids } is
       *[other] Releases { $ids } are
    } in Trash (restore first); nothing was changed.
error-not-in-trash = { $count ->
        [one] Release { $ids } is
       *[other] Releases { $ids } are
    } not in Trash; nothing was changed.
error-nothing-selected = No releases are selected.
error-no-current-agent = Nobody is signed in: choose who you are (top right) first.
error-no-such-agent = Agent { $id } does not exist.
error-no-such-group = Group { $id } does not exist.

## Selection and the bulk bar
table-select-all = Select every release in this view (Ctrl+A)
table-select-row = Select this release (Ctrl+click adds, Shift+click selects a range)
bulk-selected = { $count } selected
bulk-hidden = ({ $count } not in this view)
bulk-hidden-hint = Actions apply to every selected release, including those the current view or filter hides.
bulk-hint = Click a row to select it; Ctrl+click adds one, Shift+click a range, Ctrl+A the whole view.
bulk-clear = Clear selection
bulk-delete = Delete
bulk-delete-hint = Move the selected releases to Trash (Delete)
bulk-pick-up = Pick up
bulk-pick-up-hint = Assign the selected releases to you
bulk-assign-agent = Assign to agent
bulk-assign-group = Assign to group
bulk-set-status = Set status
bulk-set-priority = Set priority
bulk-restore = Restore
bulk-purge = Delete forever…
bulk-purge-hint = Remove the selected releases from the database
trash-hint = Releases in Trash stay in the database until you delete them forever.
trash-empty = Empty Trash…
purge-title = Delete { $count } { $count ->
        [one] release
       *[other] releases
    } forever?
purge-body = { $count ->
        [one] This release leaves
       *[other] These { $count } releases leave
    } the database file. A backup of the file is made first, and Undo (Ctrl+Z) brings them back in this session.
purge-confirm = Delete { $count } forever
purge-backup-running = Making a checked backup of the file first…
purge-backup-ready = A checked backup of the file is ready.
purge-backup-failed = The backup could not be made ({ $reason }). Delete forever tries once more, and deletes nothing if that fails too.

## Edit menu and undo
menu-edit = Edit
menu-undo = Undo
menu-redo = Redo
menu-undo-what = Undo: { $what }
menu-redo-what = Redo: { $what }
menu-select-all = Select all in view
menu-clear-selection = Clear selection
menu-move-to-trash = Move selection to Trash
status-undone = Undone: { $what }
status-redone = Redone: { $what }
status-nothing-changed = Nothing to change: { $what }

## Closing a tab or the window with unsaved edits
close-unsaved-title = Close #{ $id } with unsaved changes?
close-unsaved-body = These edits are not saved and would be lost:
close-unsaved-discard = Discard and close
quit-unsaved-title = Quit with unsaved changes?
quit-unsaved-body = { $count ->
        [one] This release has
       *[other] These { $count } releases have
    } edits that are not saved. Quitting now loses them:
quit-unsaved-discard = Discard all and quit
open-unsaved-title = Open another database with unsaved changes?
restore-unsaved-title = Restore a backup with unsaved changes?
replace-unsaved-body = { $count ->
        [one] This release has
       *[other] These { $count } releases have
    } edits that are not saved. Continuing closes every open release and loses them:
replace-unsaved-discard = Discard and continue
unsaved-keep-editing = Keep editing
unsaved-part-subject = subject
unsaved-part-category = category
unsaved-part-description = description
unsaved-part-planned-window = planned window
unsaved-part-build-plan = build plan being edited
unsaved-part-test-plan = test plan being edited
unsaved-part-new-note = note draft
unsaved-part-note-edit = note being edited
unsaved-part-new-task = new task
unsaved-part-task-edit = task being edited
unsaved-part-new-time-entry = time entry being added
unsaved-part-time-entry-edit = time entry being edited
unsaved-part-timer-note = timer note
