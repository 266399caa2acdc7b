# Errors: validation, the store, command errors.
# Release Desk's English catalogue. Every key here is also in ../ko/errors.ftl, with the
# same arguments, and in no other file.

## Validation
error-subject-empty = The subject is empty.
error-subject-too-long = The subject has { $count } characters; at most 255 are allowed.
error-planned-end = The planned end must be after the planned start.
error-work-end = The work end must be after the work start.

## Errors
error-no-such-release = release #{ $id } does not exist
error-no-such-agent = agent { $id } does not exist
error-deactivate-current-agent = You are working as this agent, so they cannot be deactivated. Choose someone else under "Working as" (top right) first.
error-remove-current-agent = You are working as this agent, so they cannot be deleted. Choose someone else under "Working as" (top right) first.
error-no-such-group = group { $id } does not exist
error-no-such-department = department { $id } does not exist
error-no-such-view = saved view { $id } does not exist
error-duplicate-view = a view named "{ $name }" already exists
error-agent-name-required = an agent needs a name
error-group-name-required = a group needs a name
error-department-name-required = a department needs a name
error-agent-in-use = This agent is named by { $count } release(s) (as assignee, on tasks, time, risks or stages); nothing was removed. Reassign them first.
error-group-in-use = This group is named by { $count } release(s) (or their tasks); nothing was removed. Reassign them first.
error-department-in-use = This department is named by { $count } release(s); nothing was removed. Change them first.
error-view-name-required = a saved view needs a name
error-sample-needs-empty = the database already holds releases; sample data loads only into an empty one (use --force to add it anyway)
error-synthetic-needs-new = a synthetic data set is written only into a new database (one without releases or people); give a new file with --db
error-import-duplicate = Freshservice release { $id } comes twice in the import; nothing was changed
error-archive-needs-empty = an archive is imported only into an empty database; nothing was changed (open a new database first)
error-not-sqlite = { $path } is not a Release Desk database (it is not an SQLite file); it was left untouched
error-foreign-database = { $path } is an SQLite database of another program; it was left untouched
error-newer-schema = { $path } was written by a newer Release Desk (schema version { $found }; this version knows up to { $supported }); it was left untouched. Update Release Desk to open it
error-io = could not use { $path }: { $reason }
io-reason-not-found = the file or folder does not exist
io-reason-permission-denied = permission denied
io-reason-storage-full = the disk is full
io-reason-read-only = the disk or folder is read-only
io-reason-already-exists = a file of that name already exists
io-reason-other = an input/output error ({ $detail })
io-reason-coded = { $reason } (system error { $code })
error-disk-full = could not save: the database file is full (disk full or size limit reached); nothing was changed
error-read-only = could not save: the database file is read-only; nothing was changed
error-busy = the database is in use by another Release Desk window or program; try again
error-corrupt = the database file is damaged: { $detail }
error-sqlite = database error: { $detail }
error-bad-data = stored data is not valid: { $detail }
cli-error-window = could not open the window: { $reason }

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
error-nothing-to-assign = Choose an agent or a group to assign.
error-backup-stopped = The backup stopped before it was finished.
error-text-too-long = The text is too long: at most { $max } characters.
