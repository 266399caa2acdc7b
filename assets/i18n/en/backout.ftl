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

## The back-out plan beside the Build and Test plans
plan-backout = Back-out plan
plan-backout-decision = Go/no-go decision and who makes it
plan-backout-stop = Stop the deployment and freeze changes
plan-backout-restore = Restore the previous version
plan-backout-data = Restore or reconcile data
plan-backout-verify = Verify service is restored
plan-backout-notify = Notify users and stakeholders
unsaved-part-backout-plan = back-out plan being edited

## The back-out section of the release page
section-backout = Back-out
backout-none = No back-out plan yet.
backout-add = Add back-out plan
backout-remove = Remove back-out plan
backout-steps = Steps
backout-steps-progress = { $done } of { $total } steps ready (edit them under Plans)
backout-go-no-go = Go/no-go criterion
backout-go-no-go-hint = e.g. error rate above 1% for 10 minutes
backout-decision-point = Decision point
backout-decision-point-set = Set
backout-decision-point-after = after the deploy starts
backout-restore-target = Time-to-restore target
backout-restore-target-hint = service back within this time once the back-out starts
backout-rehearsals = Rehearsals
backout-rehearsals-none = Not rehearsed yet.
backout-rehearsal-restored = restored in { $duration }
backout-rehearsal-met = within target
backout-rehearsal-missed = missed target
backout-rehearsal-remove = Remove this rehearsal
backout-rehearsal-new = Record a rehearsal:
backout-rehearsal-minutes = Measured restore time (minutes)
backout-rehearsal-result = Result
backout-rehearsal-note = Rehearsal note
backout-rehearsal-note-hint = what was learned
backout-rehearsal-add = Record
