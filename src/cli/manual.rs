//! Shell completions and the manual page, generated from the same argument definitions as
//! `--help`, so they can never disagree with it.

use super::{Cli, write_out};
use crate::failure::{Failure, exit};
use clap::CommandFactory;

/// `quotelens completions SHELL`
pub fn run_completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "quotelens", &mut script);
    print(&script)
}

/// `quotelens man`
pub fn run_man() -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Failure::new(exit::OUTPUT, format!("cannot write the manual page: {e}")))?;
    print(&page)
}

fn print(bytes: &[u8]) -> Result<(), Failure> {
    let text = String::from_utf8_lossy(bytes);
    write_out(&mut std::io::stdout().lock(), &text)
}
