# Release templates: the built-in ones, the user's own, New from template and Clone release.
# Release Desk's English catalogue. Every key here is also in ../ko/template.ftl, with the
# same arguments, and in no other file.

## Refusals
template-invalid-name = A template needs a name.
template-invalid-key = A template's key is letters, digits and '-' only.
template-invalid-builtin = The built-in templates cannot be changed or deleted; save a copy under another name.
template-invalid-too-long = The template's name or description is too long.
template-invalid-duration = The planned window must be between 1 minute and 30 days long.
template-invalid-no-such = There is no template { $key }.

## The built-in templates
template-name-erp = Phased ERP upgrade (head office, affiliates, everyone)
template-name-mobile = Bi-weekly mobile release with an A/B phase
template-name-security = Emergency security patch with impact analysis and regulator step

## New release from a template
new-release-template = Template
new-release-no-template = No template

## Reuse on the release page: clone, save as template
section-reuse = Clone and templates
reuse-clone = Clone this release
reuse-clone-start = starting on
reuse-clone-button = Clone
reuse-clone-hint = A copy with its plans, strategy, risks, back-out plan, impact analysis and tasks; dates moved, work reset
reuse-save-template = Save as template
reuse-template-name = Template name
reuse-template-name-hint = e.g. Monthly ERP patch
reuse-save-template-button = Save template
reuse-your-templates = Your templates
reuse-template-parts = { $tasks } default tasks
reuse-template-delete = Delete template

## File > Release templates…
template-dialog-title = Release templates
template-builtin = built in
template-new = New template
template-new-name = New template
template-copy = Save a copy as my own
template-copy-name = { $name } (copy)
template-builtin-read-only = A built-in template cannot be changed; save a copy to make it your own.
template-unsaved = Not saved yet.
template-none-selected = Pick a template on the left, or make a new one.
template-field-name = Name
template-field-window = Planned window (minutes)
template-field-strategy = Deployment strategy
template-tasks = Default tasks
template-task-title = Task title
template-task-due = Due, in minutes from the planned start (negative: before it)
template-task-before = { $duration } before the start
template-task-after = { $duration } after the start
template-task-remove = Remove this task
template-task-new-hint = New default task
template-task-add = Add task
template-parts = Also carries: build plan { $build } items, test plan { $test } items, back-out plan { $backout } steps, { $risks } risks, { $phases } phases.
