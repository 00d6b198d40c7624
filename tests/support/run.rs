//! The real `quotelens` binary run as a user would: arguments, optional bytes on standard input
//! (a pipe; without them standard input is `/dev/null`), extra environment, and what it printed.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_quotelens");

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_with(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the quotelens binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // A command that fails before reading (a usage error) closes the pipe: not a test error.
        if let Err(e) = pipe.write_all(input) {
            assert_eq!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe,
                "stdin takes the input"
            );
        }
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("quotelens finishes");
    let run = Run {
        code: status
            .code()
            .expect("quotelens exits normally, not by a signal"),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "quotelens panicked: {}",
        run.stderr
    );
    run
}

pub fn run(args: &[&str]) -> Run {
    run_with(args, None, &[])
}

/// A file in `dir` with these bytes.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("the test folder takes a file");
    p
}

/// A path as a command-line argument.
pub fn arg(p: &Path) -> &str {
    p.to_str().expect("test paths are UTF-8")
}
