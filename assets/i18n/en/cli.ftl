# The command line.
# Release Desk's English catalogue. Every key here is also in ../ko/cli.ftl, with the
# same arguments, and in no other file.

## Command line
cli-count = { $count } releases
cli-demo-loaded = Loaded { $count } sample releases into { $path } (current agent: { $agent }).
cli-error-no-file = { $path } does not exist
cli-error-no-agent = no agent '{ $agent }' (give an id or a name)
cli-error-bad-id = '{ $id }' is not a release id
cli-error-no-group = no group '{ $group }' (give an id or a name)
cli-error-bulk-agent-only = --agent and --group are only for `bulk assign`
cli-error-bulk-assign-needs = bulk assign needs --agent or --group (or both)
cli-show-readiness = Readiness
cli-show-tasks = Tasks
cli-show-notes = Notes
cli-error-bad-time = '{ $time }' is not an ISO 8601 time (2026-12-12T13:00, or with an offset)
cli-error-bad-value = '{ $value }' is not a value of { $what }
cli-error-needs-end = give --planned-end (or a --template, whose window length is the default)
cli-error-not-created = the release was not created
