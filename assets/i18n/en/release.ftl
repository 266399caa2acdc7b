# The words of a release: statuses, priorities, types, stages, outcomes, fields.
# Release Desk's English catalogue. Every key here is also in ../ko/release.ftl, with the
# same arguments, and in no other file.

## Statuses, priorities, types (Freshservice codes 1..)
status-open = Open
status-on-hold = On hold
status-in-progress = In Progress
status-incomplete = Incomplete
status-completed = Completed
priority-low = Low
priority-medium = Medium
priority-high = High
priority-urgent = Urgent
type-minor = Minor
type-standard = Standard
type-major = Major
type-emergency = Emergency

## Lifecycle
stage-plan = Plan
stage-build-test = Build & Test
stage-deployment-prep = Deployment prep
stage-deploy = Deploy
stage-verify-monitor = Verify & Monitor
stage-complete = Complete
stage-rollback = Rollback
outcome-successful = Successful
outcome-failed = Failed

## Fields
field-subject = Subject
field-subject-required = Subject *
field-status = Status
field-priority = Priority
field-type = Type
field-planned-start = Planned start
field-planned-end = Planned end
field-planned-start-required = Planned start *
field-planned-end-required = Planned end *
field-agent = Agent
field-group = Group
field-department = Department
field-category = Category
field-description = Description
field-work-window = Work window
field-created = Created
field-updated = Updated
field-hour = Hour
field-minute = Minute
field-time-zone = Times are in this computer's time zone ({ $zone }).
agent-unassigned = Unassigned
agent-nobody = Nobody
group-none = None
department-none = None
work-not-started = not started
chip-in-trash = In Trash

# A release made in a team's file before its push gave it the team's number ($n counts them).
release-new-number = new-{ $n }
