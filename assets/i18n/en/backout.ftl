# The back-out (rollback) plan: its editor, rehearsals, the Deploy gate's warnings, a rollback's restore time.
# Release Desk's English catalogue. Every key here is also in ../ko/backout.ftl, with the
# same arguments, and in no other file.

## The Deploy gate's warnings (they do not block)
gate-backout-missing = No back-out plan: a Major or Emergency release should have one before it deploys.
gate-backout-rehearsal-missed = The last back-out rehearsal missed the target: restored in { $duration } against { $target } ({ $result }).

## A rollback's restore time
dialog-restore-time = Time to restore (minutes)
dialog-restore-target = Back-out plan target: { $target }
dialog-restore-no-plan = This release has no back-out plan, so there is no restore target.
history-restore = restored in { $duration }
history-restore-met = restored in { $duration }, within the { $target } target
history-restore-missed = restored in { $duration }, over the { $target } target
move-refused-restore = The time to restore is more than a year. Check the number.

## Rehearsals
rehearsal-pass = passed
rehearsal-fail = failed

## Refusals
backout-invalid-target = The restore target must be between 1 minute and a week.
backout-invalid-decision-point = The decision point must be within a week of the deploy start.
backout-invalid-rehearsal-time = A rehearsal's restore time must be within a week.
backout-invalid-no-rehearsal = That rehearsal is no longer there.
