# The CAB pack (one PDF for a CAB meeting).
pack-title = CAB pack
pack-title-of = CAB pack: { $cab }
pdf-page-number = { $page } / { $pages }
pdf-error-encode = the PDF could not be made: { $detail }
pack-error-write = could not write { $path }: { $reason }
pack-nobody = (nobody)
pack-none = none
pack-more = …and { $count } more
pack-releases-count = { $count ->
    [one] 1 release
   *[other] { $count } releases
}
pack-prepared = Prepared by Release Desk on { $when }

# Sections (also the bookmarks)
pack-section-cover = Meeting
pack-section-kpis = KPIs against their targets ({ $period })
pack-section-outcomes = Outcomes since the last CAB ({ $period })
pack-section-releases = Releases for decision
pack-section-schedule = Forward schedule ({ $period })
pack-section-emergency = Emergency releases since the last CAB
pack-section-decisions = Decisions and actions

# Cover
pack-ecab = Emergency CAB (ECAB): may approve after the fact
pack-field-when = Date and time
pack-field-chair = Chair (final decision)
pack-field-rule = Voting rule
pack-field-since = Last CAB
pack-field-attendees = Attendees
pack-no-attendees = no attendees recorded
pack-rule-any = any member's approval approves
pack-rule-all = every member must approve
pack-rule-majority = a majority of the members approves
pack-rule-none = no voting rule (ad-hoc meeting)
pack-count-for-decision = For decision
pack-count-emergency = Emergency releases
pack-count-closed = Closed since the last CAB

# KPIs
pack-kpi-on-target = on target
pack-kpi-off-target = off target
pack-kpi-no-value = no closed release
pack-kpi-note = target { $target } · { $verdict }

# Outcomes
pack-outcome-completed = Completed
pack-outcome-failed = Failed
pack-outcome-rolled-back = Rolled back
pack-outcome-downtime = Downtime
pack-outcome-reviews = Reviews written
pack-outcome-reviews-note = post-implementation reviews
pack-outcomes-none = No release closed since the last CAB.
pack-review-done = written
pack-review-missing = missing

# Table columns
pack-col-id = ID
pack-col-subject = Subject
pack-col-type = Type
pack-col-closed = Closed
pack-col-outcome = Outcome
pack-col-rollbacks = Rollbacks
pack-col-downtime = Downtime
pack-col-review = Review (lessons)
pack-col-risk = Risk
pack-col-score = Likelihood × impact
pack-col-mitigation = Mitigation
pack-col-owner = Owner
pack-col-change = Change
pack-col-approval = Approval
pack-col-window = Planned window
pack-col-conflicts = Conflicts
pack-col-freeze = Freeze
pack-col-kind = Kind
pack-col-when = When
pack-col-scope = Applies to
pack-col-severity = Severity
pack-col-conflict = Conflict
pack-col-fix = How to resolve
pack-col-created = Created
pack-col-status = Status
pack-col-release = Release
pack-col-decision = Decision
pack-col-comment = Comment
pack-col-action = Action
pack-col-due = Due

# One release for decision: the 7 R's and the rest
pack-field-type = Type
pack-field-priority = Priority
pack-field-status = Status · stage
pack-field-window = Planned window
pack-field-risk-level = Risk level
pack-field-raised-by = Raised by
pack-field-responsible = Responsible
pack-field-group = Group
pack-field-department = Department
pack-field-gate = Deploy gate
pack-gate-open = open
pack-gate-held = held
pack-gate-changes = { $count } Changes not approved
pack-gate-readiness = { $count } plan items open
pack-gate-freezes = hard freeze { $names }
pack-gate-regulator = no regulator approval for { $names }
pack-r-reason = Reason
pack-r-return = Return (benefit and impact)
pack-r-resources = Resources
pack-r-relationships = Relationships
pack-r-plans = Readiness and the plans' progress
pack-r-risks = Risks (scores)
pack-r-changes = Linked Changes
pack-r-backout = Back-out plan
pack-impact-users = affects { $users }
pack-impact-downtime = expected downtime { $duration }
pack-resources = Tasks: { $open } open of { $tasks } · people: { $people } · time logged: { $time }
pack-cis = Configuration items: { $items }
pack-ci-via = { $ci } ({ $criticality }, through { $via })
pack-overlaps = Overlaps with { $ids }
pack-plan-release = Release plan checklist { $progress }
pack-plan-build = Build plan { $progress }
pack-plan-test = Test plan { $progress }
pack-plan-mitigation = Mitigation: { $phases }
pack-change-unknown = (not in the registry)
pack-backout-target = Time to restore: target { $target } · steps done { $steps }
pack-backout-go-no-go = Go/no-go: { $criterion }
pack-backout-met = Last rehearsal { $date }: restored in { $took }, within the target
pack-backout-missed = Last rehearsal { $date }: restored in { $took }, target missed
pack-backout-no-rehearsal = Not rehearsed yet
pack-releases-none = No release awaits a decision at this meeting.

# Forward schedule
pack-schedule-freezes = Freezes in these weeks
pack-schedule-conflicts = Conflicts
pack-schedule-no-freezes = No freeze in these weeks.
pack-schedule-no-conflicts = No conflict in these weeks.
pack-schedule-no-releases = No release is planned in these weeks.
pack-schedule-more = …and { $count } more releases in the table below
pack-schedule-table-more = …and { $count } more releases planned in these weeks (the calendar shows them all)
pack-schedule-conflicts-more = …and { $count } more conflicts (the calendar lists them all)
pack-legend-hard = red band: hard freeze
pack-legend-soft = yellow band: soft freeze
pack-legend-conflict = red bar: a release with a conflict

# Emergency releases
pack-emergency-none = No emergency release since the last CAB.
pack-no-changes = no linked Change
pack-approval-after-the-fact = to approve after the fact

# Decisions and actions
pack-outcome-approved = Approve
pack-outcome-rejected = Reject
pack-outcome-deferred = Defer
pack-outcome-open = not decided
pack-comment = Comment
pack-actions = Actions
pack-actions-hint = Action · owner · due date
pack-actions-none = No action items.
pack-minutes = Minutes
