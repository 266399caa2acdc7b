# The release list: views, columns, actions, the side panel, the New release dialog, selection and the bulk bar.
# Release Desk's English catalogue. Every key here is also in ../ko/list.ftl, with the
# same arguments, and in no other file.

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
col-stage = Stage
col-readiness = Readiness
col-risk = Risk
col-deleted = Deleted on
col-deleted-by = Deleted by
columns-button = Columns…
columns-hint = Show, hide and order the list's columns (remembered for this database).
columns-earlier = Earlier
columns-later = Later
columns-reset = Reset columns
table-sort-hint = Click to sort; click again to reverse

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
new-release-discard-question = Discard this new release? What you entered is lost.
new-release-discard = Discard

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
# The right-click menu on a row of the list.
row-menu-open = Open
row-menu-assign-me = Assign to me
row-menu-trash = Move to Trash
row-menu-copy-id = Copy ID
row-menu-copy-subject = Copy subject
