//! The command line as a new user meets it, through the real binary: files with stray bytes,
//! pipes without `-`, one JSON document for a folder, mistyped commands, counts in words,
//! `--kinds` on `export`, completions and the man page, and the progress bar of a long batch.

#[path = "support/run.rs"]
mod support;
mod tui_common;

use serde_json::Value;
use support::{arg, run, run_with, write};
use tui_common::pty::{Pty, config_dir};

/// The file: curly quotes in UTF-8, a Latin-1 `é`, and two stray bytes.
const STRAY: &[u8] = b"\xe2\x80\x9cCaf\xe9 prices rose 20%,\xff\xfe\xe2\x80\x9d said Tom Reyes.\n";

/// One direct quote, one partial quote and a quotation cut in two by its attribution.
const ARTICLE: &str = "Budget talks end\n\n\
“We will stay under $30 million,” said Ana Ruiz, “and not a cent more.”\n\n\
The mayor called the plan “a careful compromise” in a short statement.\n";

/// A folder with the stray-byte file, the article and a one-quote file.
struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "stray.txt", STRAY);
        write(dir.path(), "article.txt", ARTICLE.as_bytes());
        write(
            dir.path(),
            "one.txt",
            "“Prices rose 20%,” said Tom Reyes.\n".as_bytes(),
        );
        Files { dir }
    }

    fn path(&self, name: &str) -> String {
        arg(&self.dir.path().join(name)).to_string()
    }
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[test]
fn a_utf8_file_with_stray_bytes_keeps_its_quote_marks_and_its_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "stray.txt", STRAY);
    let r = run(&["extract", arg(&path), "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["document"]["encoding"], "UTF-8");
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["text"], "Café prices rose 20%,\u{fffd}\u{fffd}");
    assert_eq!(quotes[0]["speaker_name"], "Tom Reyes");
    let warning = "3 bytes are not valid UTF-8 (the first at byte offset 6): 1 read as \
                   Windows-1252, 2 replaced with \u{fffd}";
    assert!(r.stderr.contains(warning), "{}", r.stderr);
    assert_eq!(v["document"]["warnings"][0], warning);
    let text = run(&["text", arg(&path)]);
    assert_eq!(
        text.stdout,
        "“Café prices rose 20%,\u{fffd}\u{fffd}” said Tom Reyes.\n"
    );
}

#[test]
fn extract_and_export_read_a_pipe_when_no_file_is_given() {
    let r = run_with(&["extract", "--format", "text"], Some(STRAY), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Tom Reyes (person, 1 quote)"),
        "{}",
        r.stdout
    );
    let r = run_with(&["export"], Some(ARTICLE.as_bytes()), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("— Ana Ruiz, *Budget talks end*"),
        "{}",
        r.stdout
    );
    // Nothing named and nothing piped: a usage error that says what to do.
    for command in ["extract", "export", "text"] {
        let r = run(&[command]);
        assert_eq!(r.code, 2, "{command}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("cat article.txt | quotelens {command}")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn extract_of_a_folder_as_json_is_one_document_with_every_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    write(dir.path(), "b.txt", STRAY);
    let r = run(&[
        "extract",
        arg(dir.path()),
        "--format",
        "json",
        "--jobs",
        "2",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["schema"], "quotelens/1");
    assert_eq!(v["errors"], Value::Array(vec![]));
    let docs = v["documents"].as_array().unwrap();
    // Each entry is exactly the file's JSONL line, in path order.
    let lines = run(&["extract", arg(dir.path()), "--format", "jsonl"]);
    let expected: Vec<Value> = lines.stdout.lines().map(json).collect();
    assert_eq!(docs, &expected);
    assert!(
        docs[0]["document"]["source"]
            .as_str()
            .unwrap()
            .ends_with("a.txt")
    );
    // A file that cannot be read is listed, and the others are still there.
    let missing = dir.path().join("gone.txt");
    let a = dir.path().join("a.txt");
    let r = run(&["extract", arg(&a), arg(&missing), "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"][0]["source"], arg(&missing));
    assert!(
        r.stderr.contains("1 of 2 inputs could not be read"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_mistyped_command_is_named_with_the_command_meant() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    for args in [
        vec!["extrct", arg(&a), "--format", "json"],
        vec!["extrct", arg(&a)],
        vec!["--kinds", "direct", "extrct", "--format", "json", arg(&a)],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("no command or file named 'extrct' — did you mean `extract`?"),
            "{args:?}: {}",
            r.stderr
        );
    }
    let r = run(&["exprot", arg(&a)]);
    assert!(r.stderr.contains("did you mean `export`?"), "{}", r.stderr);
    // A word close to no command is named too, with the commands there are.
    let r = run(&["frobnicate", arg(&a), "--format", "json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "no command or file named 'frobnicate'; the commands are read, text, extract"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn counts_of_one_are_singular() {
    let f = Files::new();
    let one = f.path("one.txt");
    let r = run(&["extract", &one, "--format", "text"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("1 speaker, 1 quote, 0 reported, 1 number\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("(person, 1 quote)"), "{}", r.stdout);
    let r = run(&["export", &one, "--format", "txt"]);
    assert!(r.stdout.contains("1 quote. Source: "), "{}", r.stdout);
}

#[test]
fn export_honours_kinds_or_refuses_them() {
    let f = Files::new();
    let article = f.path("article.txt");
    let all = run(&["export", &article]);
    assert!(all.stdout.contains("> We will stay"), "{}", all.stdout);
    let r = run(&["--kinds", "partial", "export", &article]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("> a careful compromise"), "{}", r.stdout);
    assert!(!r.stdout.contains("We will stay"), "{}", r.stdout);
    assert!(r.stdout.contains("1 quote. Source"), "{}", r.stdout);
    for scope in ["--numbers", "--highlights"] {
        let r = run(&["export", &article, scope, "--kinds", "direct"]);
        assert_eq!(r.code, 2, "{scope}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "--kinds chooses quotes; it cannot be used with {scope}"
            )),
            "{}",
            r.stderr
        );
    }
    let r = run(&["--kinds", "direct", "text", &article]);
    assert_eq!(r.code, 2, "`text` shows every quote: {}", r.stderr);
}

#[test]
fn completions_and_the_man_page_are_generated() {
    let bash = run(&["completions", "bash"]);
    assert_eq!(bash.code, 0, "{}", bash.stderr);
    assert!(bash.stdout.contains("_quotelens()"), "{}", bash.stdout);
    assert!(bash.stdout.contains("extract"));
    let zsh = run(&["completions", "zsh"]);
    assert!(
        zsh.stdout.starts_with("#compdef quotelens"),
        "{}",
        zsh.stdout
    );
    let fish = run(&["completions", "fish"]);
    assert!(
        fish.stdout.contains("complete -c quotelens"),
        "{}",
        fish.stdout
    );
    let man = run(&["man"]);
    assert_eq!(man.code, 0, "{}", man.stderr);
    assert!(man.stdout.contains(".TH quotelens 1"), "{}", man.stdout);
    assert!(man.stdout.contains("extract"), "{}", man.stdout);
    let bad = run(&["completions", "tcsh"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn exports_join_a_quotation_cut_by_its_attribution() {
    let f = Files::new();
    let article = f.path("article.txt");
    let md = run(&["export", &article]);
    assert!(
        md.stdout
            .contains("> We will stay under $30 million … and not a cent more.\n\n— Ana Ruiz"),
        "{}",
        md.stdout
    );
    assert!(!md.stdout.contains("million,"), "{}", md.stdout);
    let csv = run(&["export", &article, "--format", "csv"]);
    assert!(
        csv.stdout.contains("q1+q2,")
            && csv
                .stdout
                .contains("We will stay under $30 million … and not a cent more."),
        "{}",
        csv.stdout
    );
    let v = json(&run(&["export", &article, "--format", "json"]).stdout);
    assert_eq!(
        v["quotations"][0]["quotes"],
        serde_json::json!(["q1", "q2"])
    );
    assert_eq!(
        v["quotations"][0]["text"],
        "We will stay under $30 million … and not a cent more."
    );
}

/// A batch that waits on a named pipe keeps running until the test writes to it, so the bar
/// is seen however fast the machine is.
#[cfg(unix)]
#[test]
fn a_long_batch_shows_a_progress_bar_on_a_terminal_and_nothing_on_a_pipe() {
    let dir = config_dir();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    write(dir.path(), "c.txt", ARTICLE.as_bytes());
    let fifo = dir.path().join("b.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let mut pty = Pty::shell(
        "\"$QUOTELENS\" extract a.txt b.txt c.txt --jobs 2 > out.jsonl; echo \"done $?\"",
        100,
        10,
        &[],
        dir.path(),
    );
    // One worker waits on the pipe; the other has done the two files.
    let screen = pty.wait_for("2/3 files");
    assert!(screen.contains("/s") && screen.contains("left"), "{screen}");
    std::fs::write(&fifo, ARTICLE).unwrap();
    let screen = pty.wait_for("done 0");
    assert!(
        !screen.contains("files"),
        "the bar is cleared at the end: {screen}"
    );
    assert_eq!(pty.exit_code(), 0);
    let out = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(out.lines().count(), 3, "{out}");
    // With standard error not a terminal, nothing but the output.
    let a = dir.path().join("a.txt");
    let c = dir.path().join("c.txt");
    let r = run(&["extract", arg(&a), arg(&c), "--jobs", "1"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
}
