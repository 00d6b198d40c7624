//! The highlight store as the reader uses it: highlights and reading positions survive restarts,
//! edits of the document, corrupt files, two processes, and being killed mid-save.

use quotelens::document::{Document, Meta};
use quotelens::store::{HighlightDraft, HighlightStore, Origin, Undone};
use quotelens::{Span, analyze};
use std::path::{Path, PathBuf};

const ARTICLE: &str = "Harbour plan approved\n\n\
The council voted on Tuesday to rebuild the old harbour wall. \
“We cannot wait for the next storm,” said Mayor Ana Ribeiro. \
The work will cost €12 million and take 18 months.\n\n\
Fishermen welcomed the decision. “It is about time,” said Joaquim Sousa, who has fished there for 40 years.\n";

fn doc(text: &str) -> Document {
    Document::from_text(
        text,
        Meta {
            source: "-".into(),
            ..Meta::default()
        },
    )
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("fixture contains the needle");
    Span::new(start, start + needle.len())
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn highlights_notes_and_undo_survive_a_restart() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let a = analyze(&d);
    let quote = a
        .quotes
        .iter()
        .position(|q| q.content.text(&d.text).starts_with("We cannot wait"))
        .expect("the mayor's quote");
    let (first, second, path) = {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        assert!(store.highlights().is_empty());
        let q = store
            .add(HighlightDraft::for_quote(&d.text, &a, quote).unwrap())
            .unwrap();
        let sel = store
            .add(HighlightDraft::new(&d.text, span_of(&d.text, "€12 million")).unwrap())
            .unwrap();
        // Marking the same quote again does not duplicate it.
        let again = store
            .add(HighlightDraft::for_quote(&d.text, &a, quote).unwrap())
            .unwrap();
        assert_eq!(again, q);
        store.set_note(q, "lead quote").unwrap();
        store.remove(sel).unwrap();
        assert_eq!(store.undo().unwrap(), Some(Undone::Restored(sel)));
        (q, sel, store.path().to_path_buf())
    };
    assert!(path.starts_with(data.path()));
    let store = HighlightStore::open_in(data.path(), &d).unwrap();
    let hs = store.highlights();
    assert_eq!(hs.len(), 2);
    // Document order, whatever the order of marking.
    assert_eq!(hs[0].id, first);
    assert_eq!(hs[0].text, "We cannot wait for the next storm,");
    assert_eq!(hs[0].speaker.as_deref(), Some("Ana Ribeiro"));
    assert_eq!(hs[0].origin, Origin::Quote);
    assert_eq!(hs[0].note.as_deref(), Some("lead quote"));
    assert_eq!(hs[1].id, second);
    assert_eq!(hs[1].text, "€12 million");
    assert!(hs[1].created.ends_with('Z'));
    assert!(store.report().messages().is_empty());
}

#[test]
fn undo_reverts_adds_removes_and_notes_in_turn() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
    let id = store
        .add(HighlightDraft::new(&d.text, span_of(&d.text, "18 months")).unwrap())
        .unwrap();
    store.set_note(id, "check").unwrap();
    store.set_note(id, "checked with the council").unwrap();
    store.remove(id).unwrap();
    assert_eq!(store.undo().unwrap(), Some(Undone::Restored(id)));
    assert_eq!(store.undo().unwrap(), Some(Undone::Note(id)));
    assert_eq!(store.get(id).unwrap().note.as_deref(), Some("check"));
    assert_eq!(store.undo().unwrap(), Some(Undone::Note(id)));
    assert_eq!(store.get(id).unwrap().note, None);
    assert_eq!(store.undo().unwrap(), Some(Undone::Unmarked(id)));
    assert_eq!(store.undo().unwrap(), None);
    let reopened = HighlightStore::open_in(data.path(), &d).unwrap();
    assert!(reopened.highlights().is_empty());
}

#[test]
fn opening_writes_nothing_until_something_changes() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let store = HighlightStore::open_in(data.path(), &d).unwrap();
    assert!(!store.path().exists());
    assert!(files_in(data.path()).is_empty());
}

#[test]
fn bad_spans_are_refused_with_a_message() {
    let d = doc("Ngātiwai said “kia ora”.");
    let inside_a_char = Span::new(3, 5); // "ā" is two bytes starting at 2
    let e = HighlightDraft::new(&d.text, inside_a_char).unwrap_err();
    assert!(e.to_string().contains("character boundaries"), "{e}");
    assert!(HighlightDraft::new(&d.text, Span::new(4, 4)).is_err());
    assert!(HighlightDraft::new(&d.text, Span::new(0, 999)).is_err());
}

#[test]
fn the_reading_position_is_restored_and_follows_edits() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let pos = d.text.find("Fishermen").unwrap();
    {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        assert_eq!(store.reading_position(), None);
        store.set_reading_position(&d.text, pos).unwrap();
    }
    let store = HighlightStore::open_in(data.path(), &d).unwrap();
    assert_eq!(store.reading_position(), Some(pos));

    // The same file edited: a paragraph inserted above. Keyed by content here (stdin), so
    // point the edited text at the same store file.
    let edited = ARTICLE.replacen(
        "Fishermen",
        "Update: the vote was unanimous.\n\nFishermen",
        1,
    );
    let d2 = doc(&edited);
    let store = HighlightStore::open_file(store.path().to_path_buf(), &d2).unwrap();
    let p = store.reading_position().unwrap();
    assert!(d2.text[p..].starts_with("Fishermen"), "{:?}", &d2.text[p..]);
}

#[test]
fn an_edited_document_reanchors_highlights_and_keeps_orphans() {
    let data = tempdir();
    let file = data.path().join("harbour.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let load = || {
        quotelens::document::load::load(&quotelens::document::load::Source::Path(file.clone()))
            .unwrap()
    };
    let d = load();
    let (moved, deleted) = {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        let moved = store
            .add(
                HighlightDraft::new(&d.text, span_of(&d.text, "It is about time"))
                    .unwrap()
                    .speaker("Joaquim Sousa"),
            )
            .unwrap();
        let deleted = store
            .add(HighlightDraft::new(&d.text, span_of(&d.text, "€12 million")).unwrap())
            .unwrap();
        store.set_note(deleted, "verify the cost").unwrap();
        (moved, deleted)
    };

    // Text inserted before both highlights, and the sentence with the cost rewritten.
    let edited = ARTICLE
        .replace(
            "Harbour plan approved\n\n",
            "Harbour plan approved\n\nBy our correspondent\n\n",
        )
        .replace(
            "The work will cost €12 million and take 18 months.",
            "The cost was not disclosed.",
        );
    std::fs::write(&file, &edited).unwrap();
    let d2 = load();
    let store = HighlightStore::open_in(data.path(), &d2).unwrap();
    let report = store.report();
    assert!(report.text_changed);
    assert_eq!(report.reanchored, 1);
    assert_eq!(report.orphaned, vec![deleted]);
    assert!(
        report.messages().iter().any(|m| m.contains("orphaned")),
        "{:?}",
        report.messages()
    );
    let h = store.get(moved).unwrap();
    let span = h.span().unwrap();
    assert_eq!(&d2.text[span.start..span.end], "It is about time");
    assert_eq!(span, span_of(&d2.text, "It is about time"));
    let orphan = store.get(deleted).unwrap();
    assert!(orphan.orphaned && orphan.span().is_none());
    assert_eq!(orphan.text, "€12 million");
    assert_eq!(orphan.note.as_deref(), Some("verify the cost"));
    // Listed last, never dropped.
    assert_eq!(store.highlights().last().map(|h| h.id), Some(deleted));
    assert_eq!(store.orphans().count(), 1);

    // A later change saves the re-anchored state; the orphan stays in the file.
    let mut store = store;
    store.set_reading_position(&d2.text, 0).unwrap();
    let saved = std::fs::read_to_string(store.path()).unwrap();
    assert!(saved.contains("€12 million") && saved.contains("\"orphaned\": true"));

    // The text comes back: the orphan is found again.
    std::fs::write(&file, ARTICLE).unwrap();
    let store = HighlightStore::open_in(data.path(), &load()).unwrap();
    assert!(store.report().orphaned.is_empty());
    assert_eq!(
        store.get(deleted).unwrap().span(),
        Some(span_of(ARTICLE, "€12 million"))
    );
}

#[test]
fn a_corrupt_store_file_is_moved_aside_not_overwritten() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let path = {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        store
            .add(HighlightDraft::new(&d.text, span_of(&d.text, "18 months")).unwrap())
            .unwrap();
        store.path().to_path_buf()
    };
    std::fs::write(&path, b"{\"schema\": \"quotelens-highlights/1\", \"highli").unwrap();
    let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
    let moved = &store.report().moved_aside;
    assert_eq!(moved.len(), 1);
    assert!(moved[0].reason.contains("JSON"), "{}", moved[0].reason);
    let aside = moved[0].path.clone();
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .contains(".corrupt-")
    );
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        b"{\"schema\": \"quotelens-highlights/1\", \"highli"
    );
    assert!(store.report().messages()[0].contains("moved to"));
    assert!(store.highlights().is_empty());
    store
        .add(HighlightDraft::new(&d.text, span_of(&d.text, "40 years")).unwrap())
        .unwrap();
    // The moved file is untouched by the new save.
    assert!(aside.exists());
}

#[test]
fn a_file_from_a_newer_version_is_left_alone() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let path = {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        store.set_reading_position(&d.text, 5).unwrap();
        store.path().to_path_buf()
    };
    let newer = r#"{"schema":"quotelens-highlights/2","everything":"different"}"#;
    std::fs::write(&path, newer).unwrap();
    let e = HighlightStore::open_in(data.path(), &d).err().unwrap();
    assert!(e.to_string().contains("newer quotelens"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn fields_from_a_newer_minor_version_are_kept() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let path = {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        store
            .add(HighlightDraft::new(&d.text, span_of(&d.text, "18 months")).unwrap())
            .unwrap();
        store.path().to_path_buf()
    };
    let json = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"origin\"", "\"colour\": \"amber\",\n      \"origin\"");
    std::fs::write(&path, json).unwrap();
    let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
    let id = store.highlights()[0].id;
    store.set_note(id, "n").unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"colour\": \"amber\"")
    );
}

#[test]
fn two_readers_on_one_document_keep_both_highlights() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let mut one = HighlightStore::open_in(data.path(), &d).unwrap();
    let mut two = HighlightStore::open_in(data.path(), &d).unwrap();
    one.add(HighlightDraft::new(&d.text, span_of(&d.text, "18 months")).unwrap())
        .unwrap();
    two.add(HighlightDraft::new(&d.text, span_of(&d.text, "40 years")).unwrap())
        .unwrap();
    // `two` merged what `one` saved; both got id 1, so one of them was renumbered.
    let texts: Vec<&str> = two.highlights().iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["18 months", "40 years"]);
    let reopened = HighlightStore::open_in(data.path(), &d).unwrap();
    let mut ids: Vec<u64> = reopened.highlights().iter().map(|h| h.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 2, "ids stay unique");
    // A removal saved by one process is not undone when the other saves.
    let id = two
        .highlights()
        .iter()
        .find(|h| h.text == "40 years")
        .unwrap()
        .id;
    two.remove(id).unwrap();
    one.set_note(one.highlights()[0].id, "still here").unwrap();
    let reopened = HighlightStore::open_in(data.path(), &d).unwrap();
    let texts: Vec<&str> = reopened
        .highlights()
        .iter()
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(texts, ["18 months"]);
    assert_eq!(reopened.highlights()[0].note.as_deref(), Some("still here"));
}

#[test]
fn temporary_files_left_by_a_killed_save_are_cleaned_up_later() {
    let data = tempdir();
    let d = doc(ARTICLE);
    let path = {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        store.set_reading_position(&d.text, 3).unwrap();
        store.path().to_path_buf()
    };
    let dir = path.parent().unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let stale = dir.join(format!(".{name}.Ab3dE9"));
    let fresh = dir.join(format!(".{name}.Zz9yY8"));
    std::fs::write(&stale, "partial").unwrap();
    std::fs::write(&fresh, "in flight").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let _ = HighlightStore::open_in(data.path(), &d).unwrap();
    assert!(!stale.exists());
    assert!(
        fresh.exists(),
        "a save in progress elsewhere is not disturbed"
    );
}

// ---------------------------------------------------------------------------------------------
// Killed in the middle of saves.
//
// The parent test starts this test binary again in "child mode" (only the child test runs, with
// QUOTELENS_KILL_CHILD set): the child performs a fixed sequence of changes, printing the number
// of each change once its save returned. The parent kills it (SIGKILL) at a random moment, then
// opens the store: it must be readable and hold exactly the state after the last reported change
// or the one after it — never corrupt, never empty, never an older state.

const KILL_ENV: &str = "QUOTELENS_KILL_CHILD";
const SEEDS: [&str; 2] = ["We cannot wait for the next storm", "It is about time"];

/// Highlight texts after change `n` of the child's sequence: change 2j-1 adds "h{j}", change 2j
/// removes "h{j-3}" (or only moves the reading position while j <= 3).
fn expected_after(n: u64) -> Vec<String> {
    let adds = n.div_ceil(2);
    let removes = (n / 2).saturating_sub(3);
    let mut v: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    v.extend((removes + 1..=adds).map(|j| format!("h{j}")));
    v
}

fn child_text() -> String {
    // Enough distinct words for the child's highlights: "h1 h2 h3 …".
    let words: Vec<String> = (1..=5000).map(|j| format!("h{j}")).collect();
    format!("{ARTICLE}\n{}\n", words.join(" "))
}

fn span_of_word(text: &str, word: &str) -> Span {
    let needle = format!(" {word} ");
    let at = text
        .find(&needle)
        .or_else(|| text.find(&format!("\n{word} ")));
    let start = at.expect("word in child text") + 1;
    Span::new(start, start + word.len())
}

#[test]
fn kill_child_saver() {
    let Some(dir) = std::env::var_os(KILL_ENV) else {
        return; // Only does something when started by the kill test.
    };
    let dir = PathBuf::from(dir);
    let text = child_text();
    let d = doc(&text);
    let mut store = HighlightStore::open_in(&dir, &d).unwrap();
    let mut ids = std::collections::HashMap::new();
    let mut n: u64 = expected_done(&store);
    println!("READY {n}");
    loop {
        n += 1;
        let j = n.div_ceil(2);
        if n % 2 == 1 {
            let w = format!("h{j}");
            let id = store
                .add(HighlightDraft::new(&text, span_of_word(&text, &w)).unwrap())
                .unwrap();
            ids.insert(w, id);
        } else if j > 3 {
            let w = format!("h{}", j - 3);
            let id = match ids.get(&w) {
                Some(id) => *id,
                None => store.highlights().iter().find(|h| h.text == w).unwrap().id,
            };
            store.remove(id).unwrap();
        } else {
            store.set_reading_position(&text, j as usize).unwrap();
        }
        println!("SAVED {n}");
    }
}

/// Which change the store's current state is the result of, so the child resumes from there.
/// After an add (odd change 2j-1, j > 3) "h{j-3}".."h{j}" are saved; after a removal (2j)
/// "h{j-2}".."h{j}"; in the first six changes every other one only moves the reading position,
/// so the later of the two is as good.
fn expected_done(store: &HighlightStore) -> u64 {
    let js: Vec<u64> = store
        .highlights()
        .iter()
        .filter_map(|h| h.text.strip_prefix('h')?.parse().ok())
        .collect();
    let Some(&max) = js.iter().max() else {
        return 0;
    };
    if max > 3 && js.len() == 4 {
        2 * max - 1
    } else {
        2 * max
    }
}

/// The number after `tag` in a line of the child's output (the test harness may print its
/// own text before it on the same line).
fn number_after(line: &str, tag: &str) -> Option<u64> {
    let at = line.find(tag)? + tag.len();
    line[at..].split_whitespace().next()?.parse().ok()
}

#[test]
fn killed_in_the_middle_of_saves_the_store_is_never_corrupt() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    const ROUNDS: usize = 300;
    let data = tempdir();
    let text = child_text();
    let d = doc(&text);
    {
        let mut store = HighlightStore::open_in(data.path(), &d).unwrap();
        for s in SEEDS {
            store
                .add(HighlightDraft::new(&text, span_of(&text, s)).unwrap())
                .unwrap();
        }
    }
    let exe = std::env::current_exe().unwrap();
    let mut rng: u64 = 0x9E37_79B9_7F4A_7C15
        ^ u64::from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos(),
        );
    let mut total_saves = 0u64;
    let started = std::time::Instant::now();
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "kill_child_saver",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(KILL_ENV, data.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait until the child is saving, then kill it after 0–25 ms.
        let ready = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| number_after(&l, "READY "));
        assert!(ready.is_some(), "round {round}: the child did not start");
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(std::time::Duration::from_micros(rng % 25_000));
        child.kill().unwrap();
        child.wait().unwrap();
        // Everything the child reported before it died.
        let reported: Vec<u64> = lines
            .map_while(Result::ok)
            .filter_map(|l| number_after(&l, "SAVED "))
            .collect();
        let from = ready.unwrap_or_default();
        let last = reported.last().copied().unwrap_or(from);
        total_saves += last - from;

        let store = HighlightStore::open_in(data.path(), &d).unwrap();
        assert!(
            store.report().moved_aside.is_empty(),
            "round {round}: store was corrupt: {:?}",
            store.report()
        );
        let texts: Vec<String> = store.highlights().iter().map(|h| h.text.clone()).collect();
        assert!(
            texts == expected_after(last) || texts == expected_after(last + 1),
            "round {round}: after change {last} the store holds {texts:?}"
        );
        assert!(store.highlights().iter().all(|h| !h.orphaned));
    }
    let dir = data.path().join("highlights");
    let names = files_in(&dir);
    assert!(names.iter().all(|n| !n.contains("corrupt")), "{names:?}");
    // Each temporary file left behind is a kill that landed inside a save, between creating the
    // new file and renaming it into place: the case this test is about. (They are removed by a
    // later open once a minute old.)
    let mid_save = names.iter().filter(|n| n.starts_with('.')).count();
    assert!(mid_save > 0, "no kill landed inside a save; {names:?}");
    assert!(total_saves > 0);
    // Once old enough, those leftovers are cleaned up by the next open.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for n in names.iter().filter(|n| n.starts_with('.')) {
        let f = std::fs::File::options()
            .write(true)
            .open(dir.join(n))
            .unwrap();
        f.set_modified(old).unwrap();
    }
    let _ = HighlightStore::open_in(data.path(), &d).unwrap();
    let left = files_in(&dir);
    assert_eq!(left.len(), 1, "only the store file remains: {left:?}");
    eprintln!(
        "{ROUNDS} kills, {total_saves} saves, {mid_save} kills inside a save, {:?}",
        started.elapsed()
    );
}
