# Commands, as the undo menu and the status bar name them.
# Release Desk's English catalogue. Every key here is also in ../ko/commands.ftl, with the
# same arguments, and in no other file.

## Commands, as the undo menu and the status bar name them
cmd-create-release = create release “{ $subject }”
cmd-edit-field = edit the { $field } of #{ $id }
cmd-edit-release = edit #{ $id }
cmd-add-agent = add agent { $name }
cmd-add-group = add group { $name }
cmd-add-department = add department { $name }
cmd-add-me = add yourself as { $name }
cmd-edit-agent = edit agent { $name }
cmd-rename-group = rename group { $name }
cmd-rename-department = rename department { $name }
cmd-remove-agent = remove agent { $name }
cmd-deactivate-agent = deactivate agent { $name }
cmd-reactivate-agent = reactivate agent { $name }
cmd-remove-group = remove group { $name }
cmd-remove-department = remove department { $name }
cmd-set-current-agent = work as { $name }
cmd-set-language = change the language
cmd-set-theme = change the theme
cmd-set-kpi-targets = change the KPI targets
cmd-change-current-agent = change who you work as
cmd-save-view = save view “{ $name }”
cmd-delete-view = delete a saved view
cmd-load-sample = load { $count } sample releases
cmd-import-freshservice = import { $count } releases from Freshservice
cmd-import-csv = import { $count } releases from CSV
cmd-import-archive = restore an archive of { $count } releases
cmd-create-change = create Change “{ $subject }”
cmd-update-change = edit Change CHG-{ $change }
cmd-create-ci = create CI “{ $name }”
cmd-link-change = link CHG-{ $change } to #{ $id }
cmd-unlink-change = unlink CHG-{ $change } from #{ $id }
cmd-link-ci = link CI { $item } to #{ $id }
cmd-unlink-ci = unlink CI { $item } from #{ $id }
cmd-move-stage = move #{ $id } to { $stage }
cmd-edit-readiness = edit the readiness of #{ $id }
cmd-trash-release = move #{ $id } to Trash
cmd-add-note = add a note to #{ $id }
cmd-edit-note = edit a note
cmd-delete-note = delete a note
cmd-add-task = add task “{ $title }” to #{ $id }
cmd-edit-task = edit task “{ $title }”
cmd-delete-task = delete a task
cmd-add-time = log time on #{ $id }
cmd-start-timer = start a timer on #{ $id }
cmd-stop-timer = stop the timer
cmd-edit-time-entry = edit a time entry
cmd-delete-time-entry = delete a time entry
cmd-bulk-trash = move { $count } { $count ->
        [one] release
       *[other] releases
    } to Trash
cmd-bulk-restore = restore { $count } { $count ->
        [one] release
       *[other] releases
    } from Trash
cmd-bulk-purge = delete { $count } { $count ->
        [one] release
       *[other] releases
    } forever
cmd-bulk-pick-up = pick up { $count } { $count ->
        [one] release
       *[other] releases
    }
cmd-bulk-assign-agent = assign { $count } { $count ->
        [one] release
       *[other] releases
    } to { $agent }
cmd-bulk-assign-group = assign { $count } { $count ->
        [one] release
       *[other] releases
    } to the group { $group }
cmd-bulk-assign-both = assign { $count } { $count ->
        [one] release
       *[other] releases
    } to { $agent } ({ $group })
cmd-bulk-assign-nothing = assign { $count } { $count ->
        [one] release
       *[other] releases
    }
cmd-bulk-status = set the status of { $count } { $count ->
        [one] release
       *[other] releases
    } to { $status }
cmd-bulk-priority = set the priority of { $count } { $count ->
        [one] release
       *[other] releases
    } to { $priority }
edit-field-subject = subject
edit-field-description = description
edit-field-status = status
edit-field-priority = priority
edit-field-type = release type
edit-field-planned = planned window
edit-field-work-window = work window
edit-field-agent = agent
edit-field-group = group
edit-field-department = department
edit-field-category = category
edit-field-sub-category = sub-category
edit-field-item-category = item category
edit-field-build-plan = build plan
edit-field-test-plan = test plan
edit-field-assets = linked CIs
edit-field-changes = linked changes
ids-and-more = { $ids } and { $more } more

## Back-out plans, impact analyses, reviews, configuration items
cmd-update-ci = edit CI-{ $item }
cmd-edit-backout = edit the back-out plan of #{ $id }
cmd-remove-backout = remove the back-out plan of #{ $id }
cmd-set-impact = edit the impact analysis of #{ $id }
cmd-save-review = { $count ->
        [0] save the review of #{ $id }
        [one] save the review of #{ $id } with 1 follow-up task
       *[other] save the review of #{ $id } with { $count } follow-up tasks
    }
cmd-save-template = save template “{ $name }”
cmd-delete-template = delete template { $key }
cmd-create-from-template = create release “{ $subject }” from a template
cmd-clone-release = clone release #{ $id }
