# The command line.
# Release Desk's English catalogue. Every key here is also in ../ko/cli.ftl, with the
# same arguments, and in no other file.

## Command line
cli-count = { $count } releases
cli-demo-loaded = Loaded { $count } sample releases into { $path } (current agent: { $agent }).
cli-demo-generated = Wrote { $count } generated releases and { $activities } activity rows into { $path } (current agent: { $agent }).
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
cli-error-bad-lang = unknown language '{ $value }' (ko or en)
cli-error-bad-month = '{ $value }' is not a month (YYYY-MM, e.g. 2026-11)
cli-error-not-one-of = unknown value '{ $value }' (one of: { $values })
cli-error-out-exists = { $path } already exists; add --force to replace it
cli-error-no-backup = the backup { $path } was not found
cli-error-csv-only = --bom and --localized are for CSV only (--format csv)
cli-error-columns-table-only = --columns is for the table only (--format table)
cli-list-columns-hidden = { $count ->
    [one] 1 column hidden to fit (see --columns)
   *[other] { $count } columns hidden to fit (see --columns)
}

## The arguments refused (English keeps clap's own message)
cli-args-see-help = { $error } (see release-desk --help)
cli-args-unknown = unexpected argument '{ $arg }'
cli-args-unknown-command = unrecognized subcommand '{ $command }'
cli-args-bad-value = invalid value '{ $value }' for '{ $arg }' (possible values: { $values })
cli-args-invalid = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-args-missing = the following required arguments were not provided: { $arg }
cli-args-missing-command = a command is required
cli-args-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-args-other = the arguments are not valid ({ $arg })
