# Regulator steps: an extra approval (e.g. by the financial supervisor) that some releases need.

## Activity log
regulator-activity = Regulator step
regulator-activity-step = Regulator step
regulator-activity-approval = Regulator approval
regulator-approval-value = { $step }: { $reference }, { $date }

## Commands
regulator-cmd-save = save the regulator step “{ $name }”
regulator-cmd-delete = delete regulator step { $id }
regulator-cmd-record = record the regulator's approval { $reference } of #{ $id }
regulator-cmd-withdraw = withdraw the regulator's approval of #{ $id } (step { $step })

## Refusals
regulator-invalid-name-empty = A regulator step needs a name.
regulator-invalid-name-too-long = The name has { $count } characters; at most 255 are allowed.
regulator-invalid-authority-too-long = The authority has { $count } characters; at most 255 are allowed.
regulator-invalid-applies-to-nothing = Choose at least one release type or group that needs the step.
regulator-invalid-reference-empty = The regulator's reference number is required.
regulator-invalid-reference-too-long = The reference number has { $count } characters; at most 64 are allowed.
regulator-invalid-note-too-long = The note has { $count } characters; at most 2000 are allowed.
regulator-invalid-no-step = Regulator step { $step } does not exist.
regulator-invalid-no-approval = Release #{ $id } has no approval for regulator step { $step }.
regulator-invalid-not-required = Release #{ $id } does not need regulator step { $step } (not its type or group).
regulator-invalid-in-use = { $count } approval(s) use the step; withdraw them first.
regulator-move-refused = Deploy is blocked: no regulator approval yet for { $steps }. Record it, or write a reason to override.

## Command line
regulator-cli-none = No regulator steps yet.
regulator-cli-inactive = inactive
regulator-cli-approvals = { $count } approval(s)
regulator-cli-recorded-all = #{ $id }: every regulator step it needs is approved.
regulator-cli-recorded-waiting = #{ $id }: recorded; still waiting for { $steps }.

## Release page
regulator-gate-missing = Regulator step “{ $name }” not approved yet
regulator-record = Record approval…
section-regulator = Regulator approvals
regulator-page-approved = approved
regulator-page-waiting = waiting for the regulator
regulator-page-not-needed = (the release no longer needs this step)
regulator-page-approval = { $reference }, approved { $date }, recorded by { $who }
regulator-withdraw = Withdraw
regulator-withdraw-hint = Take this approval back (the Deploy gate closes again until it is recorded)
regulator-dialog-title = Record the regulator's approval — #{ $id }
regulator-reference = Reference number
regulator-reference-hint = e.g. FSS-2026-0412
regulator-approved-on = Approved on
regulator-note = Note
regulator-recorded-by = Recorded by { $who }
regulator-no-recorder = Choose who you are working as (the top bar) to record an approval.
regulator-save = Record approval
