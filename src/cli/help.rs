//! The command line's help in the output language: every command's and argument's help text
//! comes from the catalogue (`cli-help.ftl`) through [`HELP`], and in Korean clap's own words
//! (headings, "Usage", the help and version flags, defaults and possible values) are replaced too.
//! The language is read from `--lang` before the arguments are parsed (else the system's).

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory as _};

use crate::domain::Language;
use crate::i18n::{self, tr, tr_args};

/// Each command's (`list`, `import csv`) and argument's (`list #view`, `#db`) help text: its key.
/// A command or argument missing here keeps its English doc comment in every language
/// (`tests/it/cli.rs` fails on it).
pub const HELP: &[(&str, &str)] = &[
    ("", "cli-help-about"),
    ("#db", "cli-help-db"),
    ("#lang", "cli-help-lang"),
    ("list", "cli-help-list"),
    ("list #view", "cli-help-view"),
    ("list #sort", "cli-help-sort"),
    ("list #desc", "cli-help-desc"),
    ("list #as_agent", "cli-help-as-view"),
    ("list #search", "cli-help-search"),
    ("list #format", "cli-help-format"),
    ("list #columns", "cli-help-columns"),
    ("list #bom", "cli-help-bom"),
    ("list #localized", "cli-help-localized"),
    ("show", "cli-help-show"),
    ("show #id", "cli-help-id"),
    ("show #format", "cli-help-format"),
    ("show #bom", "cli-help-bom"),
    ("show #localized", "cli-help-localized"),
    ("kpi", "cli-help-kpi"),
    ("kpi #from", "cli-help-from-month"),
    ("kpi #to", "cli-help-to-month"),
    ("kpi #format", "cli-help-format"),
    ("chart", "cli-help-chart"),
    ("chart #out", "cli-help-chart-out"),
    ("chart #kpi", "cli-help-chart-kpi"),
    ("chart #from", "cli-help-from-month"),
    ("chart #to", "cli-help-to-month"),
    ("chart #width", "cli-help-chart-width"),
    ("chart #height", "cli-help-chart-height"),
    ("chart #force", "cli-help-force"),
    ("bulk", "cli-help-bulk"),
    ("bulk #action", "cli-help-bulk-action"),
    ("bulk #ids", "cli-help-bulk-ids"),
    ("bulk #agent", "cli-help-bulk-agent"),
    ("bulk #group", "cli-help-bulk-group"),
    ("bulk #as_agent", "cli-help-as-actor"),
    ("templates", "cli-help-templates"),
    ("templates #format", "cli-help-format"),
    ("create", "cli-help-create"),
    ("create #subject", "cli-help-subject"),
    ("create #planned_start", "cli-help-iso"),
    ("create #planned_end", "cli-help-create-end"),
    ("create #release_type", "cli-help-type"),
    ("create #priority", "cli-help-priority"),
    ("create #template", "cli-help-template-key"),
    ("create #agent", "cli-help-agent"),
    ("create #group", "cli-help-group"),
    ("create #format", "cli-help-format"),
    ("clone", "cli-help-clone"),
    ("clone #id", "cli-help-id"),
    ("clone #planned_start", "cli-help-iso"),
    ("clone #format", "cli-help-format"),
    ("demo", "cli-help-demo"),
    ("demo #force", "cli-help-demo-force"),
    ("demo #releases", "cli-help-demo-releases"),
    ("demo #activities_per_release", "cli-help-demo-activities"),
    ("backup", "cli-help-backup"),
    ("backup #out", "cli-help-backup-out"),
    ("check", "cli-help-check"),
    ("restore", "cli-help-restore"),
    ("restore #backup", "cli-help-restore-backup"),
    ("restore #other_database", "cli-help-restore-other"),
    ("import", "cli-help-import"),
    ("import freshservice", "cli-help-import-freshservice"),
    ("import freshservice #files", "cli-help-import-files"),
    ("import freshservice #agents", "cli-help-import-agents"),
    ("import freshservice #groups", "cli-help-import-groups"),
    ("import freshservice #departments", "cli-help-import-departments"),
    ("import freshservice #dry_run", "cli-help-dry-run"),
    ("import freshservice #format", "cli-help-format"),
    ("import csv", "cli-help-import-csv"),
    ("import csv #file", "cli-help-import-csv-file"),
    ("import csv #dry_run", "cli-help-dry-run"),
    ("import csv #format", "cli-help-format"),
    ("import archive", "cli-help-import-archive"),
    ("import archive #file", "cli-help-import-archive-file"),
    ("export", "cli-help-export"),
    ("export #format", "cli-help-export-format"),
    ("export #out", "cli-help-out"),
    ("export #view", "cli-help-view"),
    ("export #search", "cli-help-search"),
    ("export #localized", "cli-help-localized"),
    ("export #bom", "cli-help-bom"),
    ("export #force", "cli-help-force"),
    ("archive", "cli-help-archive"),
    ("archive #out", "cli-help-out"),
    ("archive #force", "cli-help-force"),
    ("update", "cli-help-update"),
    ("update #id", "cli-help-id"),
    ("update #subject", "cli-help-subject"),
    ("update #status", "cli-help-status"),
    ("update #priority", "cli-help-priority"),
    ("update #release_type", "cli-help-type"),
    ("update #agent", "cli-help-update-agent"),
    ("update #group", "cli-help-update-group"),
    ("update #planned_start", "cli-help-update-time"),
    ("update #planned_end", "cli-help-update-time"),
    ("update #category", "cli-help-category"),
    ("init", "cli-help-init"),
    ("windows", "cli-help-windows"),
    ("windows #format", "cli-help-format"),
    ("windows import", "cli-help-windows-import"),
    ("windows import #file", "cli-help-ics-file"),
    ("conflicts", "cli-help-conflicts"),
    ("conflicts #from", "cli-help-from-day"),
    ("conflicts #to", "cli-help-to-day"),
    ("conflicts #format", "cli-help-format"),
    ("cab", "cli-help-cab"),
    ("cab list", "cli-help-cab-list"),
    ("cab list #format", "cli-help-format"),
    ("cab meetings", "cli-help-cab-meetings"),
    ("cab meetings #format", "cli-help-format"),
    ("cab pack", "cli-help-cab-pack"),
    ("cab pack #meeting", "cli-help-cab-pack-meeting"),
    ("cab pack #date", "cli-help-cab-pack-date"),
    ("cab pack #out", "cli-help-cab-pack-out"),
    ("cab pack #force", "cli-help-force"),
    ("approve", "cli-help-approve"),
    ("approve #change", "cli-help-approve-change"),
    ("approve #as_agent", "cli-help-approve-as"),
    ("approve #approve", "cli-help-approve-approve"),
    ("approve #reject", "cli-help-approve-reject"),
    ("approve #comment", "cli-help-approve-comment"),
    ("metrics", "cli-help-metrics"),
    ("metrics #id", "cli-help-id"),
    ("metrics #format", "cli-help-format"),
    ("metrics add", "cli-help-metrics-add"),
    ("metrics add #name", "cli-help-metrics-name"),
    ("metrics add #value", "cli-help-metrics-value"),
    ("metrics add #phase", "cli-help-metrics-phase"),
    ("metrics add #at", "cli-help-metrics-at"),
    ("regulator", "cli-help-regulator"),
    ("regulator list", "cli-help-regulator-list"),
    ("regulator list #format", "cli-help-format"),
    ("regulator approve", "cli-help-regulator-approve"),
    ("regulator approve #release", "cli-help-regulator-release"),
    ("regulator approve #step", "cli-help-regulator-step"),
    ("regulator approve #reference", "cli-help-regulator-reference"),
    ("regulator approve #date", "cli-help-regulator-date"),
    ("regulator approve #as_agent", "cli-help-regulator-as"),
    ("regulator approve #note", "cli-help-regulator-note"),
    ("team", "cli-help-team"),
    ("team init", "cli-help-team-init"),
    ("team init #url", "cli-help-team-url"),
    ("team init #author", "cli-help-team-author"),
    ("team init #format", "cli-help-format"),
    ("team join", "cli-help-team-join"),
    ("team join #url", "cli-help-team-url"),
    ("team join #author", "cli-help-team-author"),
    ("team join #format", "cli-help-format"),
    ("team sync", "cli-help-team-sync"),
    ("team sync #format", "cli-help-format"),
    ("team status", "cli-help-team-status"),
    ("team status #format", "cli-help-format"),
    ("team conflicts", "cli-help-team-conflicts"),
    ("team conflicts #format", "cli-help-format"),
    ("team grant", "cli-help-team-grant"),
    ("team grant #user", "cli-help-team-grant-user"),
    ("team grant #right", "cli-help-team-grant-right"),
    ("team grant #revoke", "cli-help-team-grant-revoke"),
    ("team rights", "cli-help-team-rights"),
    ("team rights #format", "cli-help-format"),
    ("team forget-password", "cli-help-team-forget-password"),
    ("team resolve", "cli-help-team-resolve"),
    ("team resolve #id", "cli-help-team-resolve-id"),
    ("team resolve #keep", "cli-help-team-resolve-keep"),
    ("calendar", "cli-help-calendar"),
    ("calendar #from", "cli-help-first-day"),
    ("calendar #to", "cli-help-last-day"),
    ("calendar #out", "cli-help-out"),
    ("calendar #force", "cli-help-force"),
];

/// The help text of `path` (see [`HELP`]) in the current language, if the table has it.
fn help_of(path: &str) -> Option<String> {
    HELP.iter().find(|(p, _)| *p == path).map(|(_, key)| tr(key))
}

fn join(path: &str, part: &str) -> String {
    if path.is_empty() { part.to_owned() } else { format!("{path} {part}") }
}

/// The language `args` ask for with `--lang` (`--lang ko`, `--lang=ko`), else the system's.
pub fn language_of(args: &[OsString]) -> Language {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let code = if word == "--lang" {
            words.next().map(|w| w.into_owned())
        } else {
            word.strip_prefix("--lang=").map(str::to_owned)
        };
        if let Some(language) = code.as_deref().and_then(Language::from_code) {
            return language;
        }
    }
    i18n::system_language()
}

/// Every command (by path) and argument (`path #id`) of the command line, for the coverage test.
pub fn paths() -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_owned());
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            out.push(join(path, &format!("#{}", arg.get_id())));
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &join(path, sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(&super::Cli::command(), "", &mut out);
    out
}

/// The command line as clap parses it, its help in the current language.
pub fn command() -> Command {
    let mut cmd = localize_texts(super::Cli::command(), "");
    if i18n::language() == Language::En {
        return cmd;
    }
    // clap's own flags and the `help` command exist once built.
    cmd.build();
    localize_clap_words(cmd)
}

/// Each command's about and each argument's help from [`HELP`].
fn localize_texts(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = help_of(path) {
        cmd = cmd.about(about).long_about(None);
    }
    let path_owned = path.to_owned();
    cmd = cmd.mut_args(|arg| match help_of(&join(&path_owned, &format!("#{}", arg.get_id()))) {
        Some(help) => arg.help(help).long_help(None),
        None => arg,
    });
    cmd.mut_subcommands(|sub| {
        let sub_path = join(&path_owned, sub.get_name());
        localize_texts(sub, &sub_path)
    })
}

/// clap's own words in the current language: the headings, "Usage", `[OPTIONS]`, the help and
/// version flags, the `help` command, defaults and possible values.
fn localize_clap_words(mut cmd: Command) -> Command {
    let usage = cmd
        .render_usage()
        .to_string()
        .replace("Usage: ", "")
        .replace("[OPTIONS]", &tr("cli-help-usage-options"))
        .replace("<COMMAND>", &format!("<{}>", tr("cli-help-usage-command")))
        .replace("[COMMAND]", &format!("[{}]", tr("cli-help-usage-command")));
    let template =
        format!("{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}", tr("cli-help-usage"));
    cmd = cmd
        .override_usage(usage)
        .help_template(template)
        .subcommand_help_heading(tr("cli-help-commands"))
        .subcommand_value_name(tr("cli-help-usage-command"))
        .mut_args(localize_arg);
    if cmd.get_name() == "help" {
        cmd = cmd.about(tr("cli-help-help-command")).mut_args(|a| a.help(tr("cli-help-help-command-arg")));
    }
    cmd.mut_subcommands(localize_clap_words)
}

fn localize_arg(arg: Arg) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let mut arg = match id.as_str() {
        "help" => arg.help(tr("cli-help-help-flag")).long_help(None),
        "version" => arg.help(tr("cli-help-version-flag")),
        _ => arg,
    };
    if arg.get_help_heading().is_none() {
        let heading = if arg.is_positional() { tr("cli-help-arguments") } else { tr("cli-help-options") };
        arg = arg.help_heading(heading);
    }
    let mut extra = Vec::new();
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    let takes_value = arg.get_action().takes_values();
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        extra.push(tr_args("cli-help-default", &[("value", defaults.join(", ").into())]));
        arg = arg.hide_default_value(true);
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if takes_value && !values.is_empty() && !arg.is_hide_possible_values_set() {
        extra.push(tr_args("cli-help-possible", &[("values", values.join(", ").into())]));
        arg = arg.hide_possible_values(true);
    }
    if extra.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let text = if help.is_empty() { extra.join(" ") } else { format!("{help} {}", extra.join(" ")) };
    arg.help(text).long_help(None)
}

/// clap's refusal of the arguments as one line in the current language, without the leading
/// `error: `.
pub fn error_line(err: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let english = || {
        let text = err.to_string();
        let first = text.lines().next().unwrap_or("invalid arguments").to_owned();
        first.strip_prefix("error: ").map(str::to_owned).unwrap_or(first)
    };
    if i18n::language() == Language::En {
        return english();
    }
    let context = |kind: ContextKind| err.get(kind).map(ToString::to_string).unwrap_or_default();
    let arg = context(ContextKind::InvalidArg);
    let arg = arg.split(' ').next().unwrap_or_default().to_owned();
    match err.kind() {
        ErrorKind::UnknownArgument => tr_args("cli-args-unknown", &[("arg", arg.into())]),
        ErrorKind::InvalidSubcommand => tr_args(
            "cli-args-unknown-command",
            &[("command", context(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::InvalidValue => tr_args(
            "cli-args-bad-value",
            &[
                ("arg", arg.into()),
                ("value", context(ContextKind::InvalidValue).into()),
                ("values", context(ContextKind::ValidValue).into()),
            ],
        ),
        ErrorKind::ValueValidation => {
            // Our own parsers' reasons are already in the output language.
            let reason = std::error::Error::source(err).map(ToString::to_string).unwrap_or_default();
            tr_args(
                "cli-args-invalid",
                &[
                    ("arg", arg.into()),
                    ("value", context(ContextKind::InvalidValue).into()),
                    ("reason", reason.into()),
                ],
            )
        }
        ErrorKind::MissingRequiredArgument => tr_args("cli-args-missing", &[("arg", arg.into())]),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            tr("cli-args-missing-command")
        }
        ErrorKind::ArgumentConflict => tr_args(
            "cli-args-conflict",
            &[("arg", arg.into()), ("other", context(ContextKind::PriorArg).into())],
        ),
        _ => tr_args("cli-args-other", &[("arg", arg.into())]),
    }
}
