//! The `quotelens` binary: parse the command line, dispatch, map failures to exit codes.

use clap::Parser;
use quotelens::cli::{self, Cli, Command};
use quotelens::failure::exit;

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Text { file, safe }) => cli::run_text(&file, safe),
        Some(Command::Extract {
            inputs,
            format,
            jobs,
        }) => cli::run_extract(&inputs, format, jobs, &cli.kinds),
        Some(Command::Debug { file }) => cli::run_debug(&file),
        Some(Command::Export(args)) => quotelens::export::command::run(&args, &cli.kinds),
        Some(Command::Read { files }) => cli::run_reader(&files),
        None => cli::run_reader(&cli.files),
    };
    if let Err(f) = result {
        eprintln!("quotelens: {}", f.message);
        std::process::exit(f.code);
    }
    std::process::exit(exit::OK);
}
