# Durability: locks, checks, backups, damaged files.
# Release Desk's English catalogue. Every key here is also in ../ko/durability.ftl, with the
# same arguments, and in no other file.

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
