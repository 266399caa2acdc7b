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
activity-removed = (removed)

## Kinds of rows
activity-kind-created = Created
activity-kind-field = Field changed
activity-kind-trash = Moved to Trash
activity-kind-restore = Restored
activity-kind-purge = Deleted forever
activity-kind-note = Note
activity-kind-task = Task
activity-kind-time = Time
activity-kind-link = Link
activity-kind-change = Change
activity-kind-ci = Configuration item
activity-kind-stage = Stage move
activity-kind-stage-note = Stage note
activity-kind-override = Gate overridden
activity-kind-readiness = Readiness
activity-kind-setting = Setting
activity-kind-view = Saved view
activity-kind-agent = Agent
activity-kind-group = Group
activity-kind-department = Department
activity-kind-undo = Undo
activity-kind-redo = Redo
activity-kind-imported = Imported

## Fields
activity-field-subject = Subject
activity-field-description = Description
activity-field-status = Status
activity-field-priority = Priority
activity-field-release-type = Type
activity-field-planned-start = Planned start
activity-field-planned-end = Planned end
activity-field-work-start = Work start
activity-field-work-end = Work end
activity-field-agent = Agent
activity-field-group = Group
activity-field-department = Department
activity-field-category = Category
activity-field-sub-category = Sub-category
activity-field-item-category = Item category
activity-field-assets = Configuration items
activity-field-changes = Changes
activity-field-build-plan = Build plan
activity-field-test-plan = Test plan
activity-field-stage = Stage
activity-field-outcome = Outcome
activity-field-closed-at = Closed
activity-field-rollback-count = Rollbacks
activity-field-downtime = Downtime
activity-field-deleted-at = Deleted at
activity-field-external-id = Freshservice ID
activity-field-custom-fields = Custom fields
activity-field-note = Note
activity-field-task = Task
activity-field-time-spent = Time spent
activity-field-timer = Timer
activity-field-executed-at = Executed at
activity-field-billable = Billable
activity-field-change = Change
activity-field-ci = Configuration item
activity-field-plan-checklist = Release plan checklist
activity-field-mitigation = Mitigation checklist
activity-field-risk = Risk
activity-field-strategy = Deployment strategy
activity-field-phases = Deployment phases
activity-field-deploy-gate = Deploy gate
activity-field-current-agent = Working as
activity-field-language = Language
activity-field-theme = Theme
activity-field-kpi-targets = KPI targets
activity-field-name = Name
activity-field-email = E-mail
activity-field-active = Active
activity-field-command = Command

## Values
activity-chars = { $count } characters
activity-plan-summary = { $chars } characters, { $done }/{ $total } done
activity-times = { $count ->
    [one] once
   *[other] { $count } times
}
activity-task-value = { $title } [{ $status }]
activity-timer-stopped = stopped after { $spent }
activity-gate-reasons = { $changes } unapproved Change(s), { $items } plan item(s) not done
activity-risk-value = { $title } (likelihood { $likelihood } x impact { $impact })
activity-phase-value = { $name } ({ $status })

## Back-out plans, impact analyses and reviews
activity-kind-backout = Back-out plan
activity-kind-impact = Impact analysis
activity-kind-review = Review
activity-field-backout-plan = Back-out steps
activity-field-go-no-go = Go/no-go criterion
activity-field-decision-point = Decision point
activity-field-restore-target = Restore target
activity-field-rehearsal = Rehearsal
activity-field-restore-time = Time to restore
activity-field-criticality = Criticality
activity-field-depends-on = Depends on
activity-field-users-affected = Users affected
activity-field-expected-downtime = Expected downtime
activity-field-impact-summary = Impact summary
activity-field-went-well = What went well
activity-field-went-wrong = What went wrong
activity-field-lessons = Lessons learned
activity-field-follow-up = Follow-up action
activity-rehearsal-value = { $date }: restored in { $duration } ({ $result })
activity-kind-template = Template
activity-field-template = Made from template
activity-field-cloned-from = Cloned from
