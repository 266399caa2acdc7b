# The window: top bar and menus, agents and groups, the Edit menu, closing with unsaved edits.
# Release Desk's English catalogue. Every key here is also in ../ko/window.ftl, with the
# same arguments, and in no other file.

## Top bar and menus
menu-file = File
menu-new-release = New release…
menu-open-database = Open database…
open-database-dialog-title = Open a Release Desk database
open-database-filter = Release Desk database
menu-new-database = New database…
menu-import = Import…
menu-export = Export…
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
signed-in-as = Working as
rows-shown = { $shown } of { $total } releases
panel-resize = Resize the panel

## Agents and groups
menu-people = Agents and groups…
menu-templates = Release templates…
people-title = Agents, groups and departments
people-agents = Agents
people-groups = Groups
people-departments = Departments
people-none-yet = none yet
people-new-agent = New agent
people-email = E-mail (optional)
people-add-agent = Add agent
people-new-group = New group
people-add-group = Add group
people-new-department = New department
people-add-department = Add department
people-name = Name
people-remove-hint = Remove (refused while a release names it)
people-active = Active
people-inactive = inactive
people-deactivate = Deactivate
people-deactivate-hint = No longer offered when assigning; the releases that name them keep them
people-reactivate = Reactivate
people-reactivate-hint = Offer them again when assigning
first-run-title = Who are you?
first-run-body = Release Desk has no sign-in. Tell it who you are: your name goes on the releases you create and on everything you change. You can change it later under File > Agents and groups.
first-run-name = Your name
first-run-email = Your e-mail (optional)
first-run-continue = Continue

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

## Window commands and Help > Keyboard shortcuts
menu-close-tab = Close tab
menu-find = Find
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-zoom-reset = Actual size
menu-keyboard-shortcuts = Keyboard shortcuts
keys-title = Keyboard shortcuts
keys-commands = Commands
keys-other = In lists and dialogs
keys-escape = Close a dialog (a plan editor or a new release with unsaved edits asks first)
keys-create = Create or confirm: New release, Complete, Rollback, the gate override, a file path
keys-save = Save the plan or phase being edited
keys-move = Move the selection in the list
keys-extend = Extend the selection
keys-open = Open the selected release as a page
keys-click-names = click / Ctrl+click / Shift+click
keys-click = Select a release / add or remove one / select a range
keys-delete-in-trash = In Trash: delete the selection forever, after a confirmation
keys-zoom = Zoom in / out
keys-zoom-reset = Actual size
keys-dialog-note = While a dialog is open only its own keys work; the window's shortcuts wait until it is closed.

## Date picker
date-picker-open = Pick a date on a calendar
date-picker-title = Calendar
date-picker-heading = { $month } { $year }
date-picker-day = { $weekday } { $day } { $month } { $year }
date-picker-day-today = { $day } (today)
date-picker-previous-month = Previous month
date-picker-next-month = Next month
date-picker-previous-year = Previous year
date-picker-next-year = Next year
date-picker-today = Today
date-month-1 = January
date-month-2 = February
date-month-3 = March
date-month-4 = April
date-month-5 = May
date-month-6 = June
date-month-7 = July
date-month-8 = August
date-month-9 = September
date-month-10 = October
date-month-11 = November
date-month-12 = December
date-weekday-1 = Monday
date-weekday-2 = Tuesday
date-weekday-3 = Wednesday
date-weekday-4 = Thursday
date-weekday-5 = Friday
date-weekday-6 = Saturday
date-weekday-7 = Sunday
date-weekday-short-1 = Mon
date-weekday-short-2 = Tue
date-weekday-short-3 = Wed
date-weekday-short-4 = Thu
date-weekday-short-5 = Fri
date-weekday-short-6 = Sat
date-weekday-short-7 = Sun
file-dialog-builtin-note = The system file dialog is not available here: choose the folder and the file name below.
file-dialog-folder = Folder
file-dialog-name = File name
file-dialog-up = Up one folder
file-dialog-open = Open
file-dialog-replace = Replace
file-dialog-replace-warning = { $path } already exists. Replace it?
file-dialog-empty-folder = No folders or matching files here.
file-dialog-name-empty = Type a file name.
file-dialog-not-found = { $path } was not found.
file-dialog-is-folder = { $path } is a folder; type a file name.
file-dialog-no-folder = The folder { $path } does not exist.
file-dialog-denied = You may not read the folder { $path }.
file-dialog-unreadable = The folder { $path } could not be read: { $reason }

# The drafts a termination signal (logout, shutdown) stashed, offered back on the next start.
recovery-title = There are edits that can be recovered
recovery-body = The window was closed by the system ({ $when }) while these edits were not saved. Restore them, or discard them?
recovery-untitled = (no subject yet)
recovery-new-release = New release "{ $subject }"
recovery-restore = Restore
recovery-discard = Discard
