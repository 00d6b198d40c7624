//! The `quotelens` binary: parse the command line, dispatch, map failures to exit codes.

use clap::Parser;
use quotelens::cli::{self, Cli};
use quotelens::failure::{Failure, exit};
use std::ffi::OsString;

// See Cargo.toml: the engine's many small allocations cost much less with mimalloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<OsString> = std::env::args_os().collect();
    let result = match Cli::try_parse_from(&args) {
        Ok(parsed) => cli::run(parsed),
        // `--help` and `--version` are "errors" printed on standard output: leave them to clap.
        Err(e) if !e.use_stderr() => e.exit(),
        // A mistyped command ahead of options (`quotelens extrct a.txt --format json`) is
        // named, rather than the option clap trips over.
        Err(e) => match cli::unknown_command(args.get(1..).unwrap_or_default()) {
            Some(failure) => Err(failure),
            None => e.exit(),
        },
    };
    finish(result)
}

fn finish(result: Result<(), Failure>) -> ! {
    if let Err(f) = result {
        eprintln!("quotelens: {}", f.message);
        std::process::exit(f.code);
    }
    std::process::exit(exit::OK)
}
