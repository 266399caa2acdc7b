# The activity log of a release.
# Release Desk's English catalogue. Every key here is also in ../ko/activity.ftl, with the
# same arguments, and in no other file.

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
activity-removed = (removed)
