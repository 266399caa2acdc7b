# CAB meetings: decisions, agendas, the meeting commands and why they are refused.

## Decisions and agendas
meeting-outcome-approved = Approved
meeting-outcome-rejected = Rejected
meeting-outcome-deferred = Deferred
meeting-reason-for-decision = For decision
meeting-reason-emergency = Emergency since the last meeting
meeting-reason-closed = Closed since the last meeting

## Activity log
meeting-activity-meeting = CAB meeting
meeting-field-agenda = Agenda
meeting-field-decision = CAB decision
meeting-field-actions = Action items
meeting-field-minutes = Minutes
meeting-field-action-done = Action item done

## Commands
meeting-cmd-add = add the CAB meeting of { $when }
meeting-cmd-save = save the CAB meeting of { $when }
meeting-cmd-delete = delete CAB meeting { $meeting }
meeting-cmd-rebuild = rebuild the agenda of CAB meeting { $meeting }
meeting-cmd-agenda-add = put #{ $id } on the agenda
meeting-cmd-agenda-remove = take #{ $id } off the agenda
meeting-cmd-decide = decide “{ $outcome }” on #{ $id }
meeting-cmd-minutes = save the minutes of CAB meeting { $meeting }
meeting-cmd-action-done = mark an action item of #{ $id } done
meeting-cmd-action-open = reopen an action item of #{ $id }

## Refusals
meeting-invalid-duration = A meeting lasts 1 to 1440 minutes, not { $minutes }.
meeting-invalid-no-such = CAB meeting { $meeting } does not exist.
meeting-invalid-not-on-agenda = #{ $id } is not on the meeting's agenda.
meeting-invalid-no-action = #{ $id } has no decision with action item { $action }.

## Command line
meeting-cli-none = No CAB meetings yet.
meeting-cli-counts = { $attendees } attending, { $agenda } on the agenda, { $decisions } decided
meeting-cli-past = held
meeting-cli-upcoming = upcoming
meeting-cli-pack-written = Wrote the CAB pack to { $path }: { $pages } pages, { $kib } KiB.

## The meeting screen
meeting-screen-title = CAB meetings
meeting-none-yet = No CAB meetings yet. The sample data has a year of them.
meeting-list-next = Next
meeting-list-past = Held
meeting-when = { $when } ({ $duration })
meeting-attendees = Attending: { $names }
meeting-rebuild = Rebuild agenda
meeting-rebuild-hint = Run the agenda rules again; releases you added or took off stay as you left them
meeting-pack = CAB pack…
meeting-pack-title = Save the CAB pack
meeting-pack-writing = Writing the CAB pack…
meeting-pack-done = The CAB pack was saved to { $path }.
meeting-pack-failed = The CAB pack could not be saved: { $error }
meeting-add-release = Release #
meeting-add = Put on the agenda
meeting-agenda = Agenda ({ $count })
meeting-agenda-empty = Nothing on the agenda. Rebuild it, or put a release on it.
meeting-release-gone = (release no longer in the file)
meeting-put-back = Put back
meeting-by-hand = added by hand
meeting-by-rule = by the agenda rules
meeting-open-release = Open release
meeting-take-off = Take off the agenda
meeting-decision = Decision
meeting-decision-recorded = recorded: { $outcome }
meeting-decision-comment = Comment on the decision
meeting-decision-record = Record decision
meeting-action-add = Add action item
meeting-action-text = Action item
meeting-action-owner = Owner
meeting-action-due = Due
meeting-action-done = Done
meeting-action-remove = Remove this action item
meeting-minutes = Minutes
meeting-minutes-hint = What was said and decided
meeting-minutes-save = Save minutes
meeting-calendar-entry = CAB { $time }

## Scheduling meetings
schedule-meeting-open = Schedule meeting…
schedule-meeting-needs-cab = Create a CAB first (CABs…)
schedule-meeting-title = Schedule a CAB meeting
schedule-meeting-cab = CAB
schedule-meeting-start = Starts
schedule-meeting-duration = Length (minutes)
schedule-meeting-weekly = Repeats weekly
schedule-meeting-weekly-when = The first of a weekly series: every week on the weekday and at the time of { $first }
schedule-meeting-attendees = Attending
schedule-meeting-save = Schedule
schedule-next = Schedule the next one ({ $when })
schedule-next-hint = Adds the series' next meeting with the same attendees and length
