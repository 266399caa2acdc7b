# Deployment windows, change freezes, conflicts and the calendar (issue 14).

## Conflicts
schedule-kind-freeze = Freeze
schedule-kind-outside-window = Outside every window
schedule-kind-ci-overlap = Same CI at the same time
schedule-kind-agent-overlap = Agent double-booked
schedule-kind-deploy-early = Deployed before the planned start
schedule-kind-deploy-late = Deployed after the planned end
schedule-severity-block = Blocks
schedule-severity-warn = Warning
schedule-conflict-hard-freeze = { $ids } is planned inside the hard freeze “{ $name }” ({ $from } – { $to })
schedule-conflict-soft-freeze = { $ids } is planned inside the soft freeze “{ $name }” ({ $from } – { $to })
schedule-conflict-outside-window = { $ids } is planned outside every deployment window that applies to it ({ $from } – { $to })
schedule-conflict-ci-overlap = { $ids } change { $item } at the same time ({ $from } – { $to })
schedule-conflict-agent-overlap = { $ids } have the same agent at the same time ({ $from } – { $to })
schedule-conflict-deploy-early = { $ids } entered Deploy at { $from }, before its planned start { $to }
schedule-conflict-deploy-late = { $ids } entered Deploy at { $to }, after its planned end { $from }
schedule-fix-after-freeze = Move it to after the freeze ends ({ $ends }), or override the Deploy gate with a written reason.
schedule-fix-into-window = Move it into “{ $name }”: { $start } – { $end }.
schedule-fix-no-window = No window that applies to it opens in the coming weeks: add one or widen a window's scope.
schedule-fix-sequence = Move #{ $later } to after #{ $first } ends ({ $ends }).
schedule-fix-reassign = Give one of them to an agent other than { $agent }, or move it to after { $ends }.
schedule-fix-replan = Correct the planned window to when it was deployed ({ $deployed }), or note why in the release.
schedule-move-refused-freeze = Deploy is blocked by a hard freeze ({ $names }): give a written reason to override.
activity-gate-freezes = { $count } hard freeze(s)

## Windows and freezes
schedule-freeze-hard = Hard
schedule-freeze-soft = Soft
schedule-scope-all = All releases
schedule-scope-group = Group: { $name }
schedule-scope-type = Type: { $type }
schedule-scope-ci = CI-{ $id } { $name }
schedule-timing-once = { $start } – { $end }
schedule-timing-recurring = { $rule } from { $time }, { $length } each ({ $zone })
schedule-ref-recurring = { $rule }, { $length } each
schedule-activity-window = Deployment window
schedule-activity-freeze = Freeze

## Refusals
schedule-invalid-name-empty = The name is empty.
schedule-invalid-name-too-long = The name has { $count } characters; at most 255 are allowed.
schedule-invalid-end = The end must be after the start.
schedule-invalid-duration-zero = Each occurrence must last at least a minute.
schedule-invalid-duration-long = Each occurrence may last at most 31 days.
schedule-invalid-exempt-reason = Exempt release types need a written reason.
schedule-rule-empty = The recurrence rule is empty.
schedule-rule-no-freq = The rule needs a frequency: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.
schedule-rule-unknown-part = “{ $part }” is not part of a recurrence rule.
schedule-rule-bad-value = { $part }={ $value } is not a valid value.
schedule-rule-repeated = { $part } is given twice.
schedule-rule-count-and-until = COUNT and UNTIL cannot both be given.
schedule-rule-never = The rule never happens.
schedule-rule-rejected = The rule is not accepted: { $detail }
schedule-error-no-window = Deployment window { $id } does not exist.
schedule-error-no-freeze = Freeze { $id } does not exist.
schedule-error-nothing-to-import = The calendar file holds no window or freeze.

## Commands
schedule-cmd-add-window = add the deployment window “{ $name }”
schedule-cmd-edit-window = edit the deployment window “{ $name }”
schedule-cmd-delete-window = delete a deployment window
schedule-cmd-add-freeze = add the freeze “{ $name }”
schedule-cmd-edit-freeze = edit the freeze “{ $name }”
schedule-cmd-delete-freeze = delete a freeze
schedule-cmd-import = import { $windows ->
        [one] 1 window
       *[other] { $windows } windows
    } and { $freezes ->
        [one] 1 freeze
       *[other] { $freezes } freezes
    }
schedule-cmd-reschedule = reschedule #{ $id }

## Command line and calendar files
schedule-cli-bad-date = '{ $date }' is not a date (YYYY-MM-DD, e.g. 2026-12-24)
schedule-cli-reversed = --to is before --from
schedule-cli-no-windows = No deployment windows or freezes yet.
schedule-cli-no-conflicts = No conflicts in this period.
schedule-cli-count = { $count } conflict(s)
schedule-cli-calendar-written = Wrote { $path }.
schedule-cli-write-failed = could not write { $path }: { $detail }
schedule-cli-read-failed = could not read { $path }: { $detail }
schedule-cli-imported = Imported { $windows } window(s) and { $freezes } freeze(s) ({ $skipped } other event(s) skipped).
schedule-col-what = What
schedule-col-name = Name
schedule-col-when = When
schedule-col-scope = Applies to
schedule-col-severity = Severity
schedule-col-kind = Kind
schedule-col-conflict = Conflict
schedule-col-fix = How to resolve
schedule-exempt = exempt: { $types }
ics-category-release = Release
ics-category-window = Deployment window
ics-category-freeze = Freeze
ics-error-not-calendar = The file is not an iCalendar file (no BEGIN:VCALENDAR).
ics-error-bad-time = Line { $line }: '{ $value }' is not a date or time.
ics-error-bad-duration = Line { $line }: '{ $value }' is not a duration.
ics-error-end-before-start = Line { $line }: the event “{ $name }” ends before it starts.
ics-error-invalid = Line { $line } ({ $field }), the event “{ $name }”: { $reason }
ics-error-too-many = The file holds { $count } windows and freezes; at most { $max } can be imported at once.
ics-error-not-a-file = { $path } is not a file.
ics-error-too-large = The file is { $size } MB; a calendar file of at most { $max } MB can be imported.
ics-error-not-text = { $path } is not a text file (UTF-8), so it is not an iCalendar file.

## The calendar screen
calendar-title = Calendar
calendar-month = Month
calendar-week = Week
calendar-timeline = Timeline
calendar-previous = Previous period (←)
calendar-next = Next period (→)
calendar-today = Today
calendar-today-key = Go to today (T)
calendar-rows-by = Rows:
calendar-rows-group = by group
calendar-rows-ci = by CI
calendar-manage = Windows and freezes…
calendar-export = Export .ics…
calendar-exported = Saved the calendar to { $path }.
calendar-import = Import .ics…
calendar-import-title = Import windows and freezes from an iCalendar file
calendar-conflicts = Conflicts
calendar-open-release = Click to open the release
calendar-no-group = No group
calendar-no-ci = No CI
calendar-more = more…
calendar-bar-name = #{ $id } { $subject }, { $start } – { $end }
calendar-drag-no-conflict = No conflicts at this time.
calendar-edit = Edit
calendar-delete = Delete
calendar-add-window = Add window
calendar-add-freeze = Add freeze
calendar-close = Close
calendar-save = Save
calendar-cancel = Cancel
calendar-field-name = Name
calendar-field-zone = Time zone (IANA)
calendar-field-when = Happens
calendar-recurring = Recurring
calendar-once = Once
calendar-field-start = Start
calendar-field-end = End
calendar-field-preset = Preset
calendar-preset-custom = Custom rule
calendar-field-rule = Recurrence rule (RRULE)
calendar-field-first = First occurrence
calendar-field-length = Each lasts
calendar-hours-suffix = { " " }h
calendar-minutes-suffix = { " " }min
calendar-field-kind = Freeze
calendar-field-exempt = Exempt types
calendar-field-reason = Why exempt
calendar-zone-unknown = The time zone is not known: give an IANA name such as Asia/Seoul or Europe/Berlin.
schedule-preset-saturday-night = Every Saturday 22:00 for 8 h
schedule-preset-weekend-nights = Friday and Saturday nights 22:00 for 8 h
schedule-preset-weekday-early = Weekdays 02:00 to 05:00
schedule-preset-every-night = Every night 22:00 for 8 h
schedule-preset-month-end = Last two business days of each month
schedule-preset-first-sunday = First Sunday of each month, 00:00 for 6 h
calendar-span-one-week = 1 week
calendar-span-two-weeks = 2 weeks
calendar-span-four-weeks = 4 weeks
calendar-conflicts-filtered = { $shown } of { $total } (the list's view and filter apply)
