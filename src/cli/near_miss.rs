//! Mistyped commands. `quotelens extrct a.txt` names the command the user probably meant, rather
//! than opening a library with a missing file in it, or tripping over the options that follow
//! (`unexpected argument '--format'`).

use super::Cli;
use crate::document::sanitize;
use crate::failure::{Failure, exit};
use clap::CommandFactory;
use std::ffi::OsString;
use std::path::Path;

/// How alike a word and a command name must be (Jaro-Winkler similarity, 0 to 1) for the command
/// to be suggested: "extrct" and "exprot" pass, a file name like "notes" does not.
const SIMILAR: f64 = 0.8;

/// The commands, hidden ones included, and whether each is shown in help.
fn commands() -> Vec<(String, bool)> {
    let mut names: Vec<(String, bool)> = Cli::command()
        .get_subcommands()
        .map(|c| (c.get_name().to_string(), !c.is_hide_set()))
        .collect();
    // clap adds `help` itself when it builds the command.
    names.push(("help".to_string(), true));
    names
}

/// The command `word` most likely stands for, when it is close to one without being one.
/// Words that look like paths (`a.txt`, `news/`) are never taken for commands.
pub fn suggest_command(word: &str) -> Option<String> {
    if word.contains(['.', '/', '\\']) {
        return None;
    }
    let names = commands();
    if names.iter().any(|(n, _)| n == word) {
        return None;
    }
    names
        .into_iter()
        .filter(|(_, shown)| *shown)
        .map(|(n, _)| (strsim::jaro_winkler(word, &n), n))
        .filter(|(score, _)| *score >= SIMILAR)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// When `first` (the first word on the command line) is no file but close to a command: the
/// failure that says so.
pub(super) fn mistyped_command(first: &str) -> Option<Failure> {
    if first == "-" || Path::new(first).exists() {
        return None;
    }
    suggest_command(first).map(|command| did_you_mean(first, &command))
}

/// After clap refused the arguments: when their first word is neither a command nor a file, a
/// failure that says so (with the command it is close to, if any) instead of clap's complaint
/// about what follows it. `None` leaves clap's own message.
pub fn unknown_command(args: &[OsString]) -> Option<Failure> {
    let first = first_word(args)?;
    if first == "-" || Path::new(&first).exists() || commands().iter().any(|(n, _)| *n == first) {
        return None;
    }
    Some(match suggest_command(&first) {
        Some(command) => did_you_mean(&first, &command),
        None => {
            let shown: Vec<String> = commands()
                .into_iter()
                .filter(|(n, shown)| *shown && n != "help")
                .map(|(n, _)| n)
                .collect();
            Failure::new(
                exit::USAGE,
                format!(
                    "no command or file named '{}'; the commands are {} (see `quotelens --help`)",
                    sanitize::for_terminal(&first),
                    shown.join(", ")
                ),
            )
        }
    })
}

fn did_you_mean(word: &str, command: &str) -> Failure {
    Failure::new(
        exit::USAGE,
        format!(
            "no command or file named '{}' — did you mean `{command}`?",
            sanitize::for_terminal(word)
        ),
    )
}

/// The first argument that is neither an option nor the value of `--kinds`; nothing after `--`
/// (what follows it is a file name whatever it looks like).
fn first_word(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        match arg.as_ref() {
            "--" => return None,
            "--kinds" => {
                args.next();
            }
            "-" => return Some(arg.into_owned()),
            a if a.starts_with('-') => {}
            _ => return Some(arg.into_owned()),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_suggested_and_file_names_are_not() {
        assert_eq!(suggest_command("extrct").as_deref(), Some("extract"));
        assert_eq!(suggest_command("exprot").as_deref(), Some("export"));
        assert_eq!(suggest_command("txet").as_deref(), Some("text"));
        assert_eq!(
            suggest_command("completion").as_deref(),
            Some("completions")
        );
        assert_eq!(suggest_command("extract"), None);
        assert_eq!(suggest_command("debug"), None);
        assert_eq!(suggest_command("article.txt"), None);
        assert_eq!(suggest_command("notes"), None);
        assert_eq!(suggest_command("news"), None);
    }

    #[test]
    fn the_first_word_skips_options_and_the_kinds_value() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            first_word(&args(&["--kinds", "direct", "extrct", "a.txt"])).as_deref(),
            Some("extrct")
        );
        assert_eq!(
            first_word(&args(&["--kinds=direct", "-f", "x"])).as_deref(),
            Some("x")
        );
        assert_eq!(first_word(&args(&["--", "extrct"])), None);
    }
}
