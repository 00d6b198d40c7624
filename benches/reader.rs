//! The reader's speed on a 100 MB document: drawing a frame, a key press plus the frame after it,
//! and opening a file up to its first frame. Frames are drawn into ratatui's `TestBackend` at
//! 120×40.
//!
//! Run: `cargo bench --bench reader` (building the 100 MB document and its analysis takes a few
//! seconds before the first figure).

use divan::Bencher;
use quotelens::Document;
use quotelens::tui::annotations::Annotations;
use quotelens::tui::keymap::Key;
use quotelens::tui::{App, Config, Effect, Input, Theme, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn main() {
    divan::main();
}

const SIZE: usize = 100 * 1024 * 1024;
const W: u16 = 120;
const H: u16 = 40;

/// The sample article repeated to 100 MB, and its analysis (built once).
fn big() -> &'static (Arc<Document>, Arc<Annotations>) {
    static BIG: OnceLock<(Arc<Document>, Arc<Annotations>)> = OnceLock::new();
    BIG.get_or_init(|| {
        let text = big_text();
        let doc = Document::from_text(&text, quotelens::Meta::default());
        let ann = Annotations::new(quotelens::analyze(&doc), doc.text.len());
        (Arc::new(doc), Arc::new(ann))
    })
}

fn big_text() -> String {
    let unit = format!("{}\n\n", quotelens::cli::SAMPLE_TEXT.trim_end());
    unit.repeat(SIZE / unit.len() + 1)
}

/// The 100 MB text as a file, written once to the temp folder.
fn big_file() -> PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let path = std::env::temp_dir().join("quotelens-bench-100mb.txt");
        let text = big_text();
        let fresh = std::fs::metadata(&path).is_ok_and(|m| m.len() == text.len() as u64);
        if !fresh && let Err(e) = std::fs::write(&path, &text) {
            panic!("cannot write {}: {e}", path.display());
        }
        path
    })
    .clone()
}

struct Reader {
    app: App,
    term: Terminal<TestBackend>,
}

impl Reader {
    fn big() -> Reader {
        let (doc, ann) = big();
        let mut app = App::new(Arc::clone(doc), &Config::defaults(), Theme::COLOUR, (W, H));
        app.set_annotations(Arc::clone(ann));
        let term = match Terminal::new(TestBackend::new(W, H)) {
            Ok(t) => t,
            Err(e) => match e {},
        };
        let mut r = Reader { app, term };
        r.draw();
        r
    }

    fn draw(&mut self) {
        let app = &self.app;
        let _ = self.term.draw(|f| views::draw(f, app));
    }

    /// A key press, as the event loop feeds it; its jobs (a search) run here and now.
    fn key(&mut self, name: &str) {
        let k = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
        let effects = self.app.update(Input::Key(KeyEvent::new(k.code, k.mods)));
        divan::black_box(self.app.settle(effects));
    }

    fn press(&mut self, names: &[&str]) {
        for n in names {
            self.key(n);
            self.draw();
        }
    }
}

/// Drawing one frame at the start, the middle and the end of the 100 MB document.
#[divan::bench(args = ["start", "middle", "end"])]
fn frame_100mb(bencher: Bencher, at: &str) {
    let mut r = Reader::big();
    match at {
        "middle" => {
            let doc = Arc::clone(&r.app.doc);
            r.app.article.set_top(&doc.text, doc.text.len() / 2);
        }
        "end" => r.press(&["G"]),
        _ => {}
    }
    r.press(&["]"]);
    bencher.bench_local(|| r.draw());
}

/// The same frames with 20,000 saved highlights spread over the document (every tenth speech
/// quote), drawn as overlays, and the Highlights list.
#[divan::bench(args = ["article", "list j"])]
fn frame_100mb_highlighted(bencher: Bencher, what: &str) {
    let mut r = Reader::big();
    let dir = highlighted_store();
    r.app.store_by_content = true;
    r.app.enable_store(dir.to_path_buf());
    let effects = r.app.take_effects();
    divan::black_box(r.app.settle(effects));
    assert_eq!(
        r.app.highlights().len(),
        HIGHLIGHTS,
        "the store did not open"
    );
    r.press(&["]"]);
    let mut i = 0usize;
    bencher.bench_local(|| {
        if what == "list j" {
            if i == 0 {
                r.press(&["4"]);
            }
            r.key(if i.is_multiple_of(2) { "j" } else { "k" });
        } else {
            r.key(if i.is_multiple_of(2) { "]" } else { "[" });
        }
        i += 1;
        r.draw();
    });
}

const HIGHLIGHTS: usize = 20_000;

/// A store file for the 100 MB document with [`HIGHLIGHTS`] highlights, written once.
fn highlighted_store() -> &'static std::path::Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        use quotelens::store::{DocumentKey, hash, store_path};
        let (doc, ann) = big();
        let dir = std::env::temp_dir().join(format!("quotelens-bench-store-{}", std::process::id()));
        let text_hash = hash::text_hash(&doc.text);
        let path = store_path(&dir, &DocumentKey::Content(text_hash.clone()));
        let highlights: Vec<serde_json::Value> = ann
            .speech
            .iter()
            .step_by(10)
            .take(HIGHLIGHTS)
            .enumerate()
            .map(|(i, &q)| {
                let span = ann.analysis.quotes[q].content;
                serde_json::json!({
                    "id": i + 1,
                    "start": span.start,
                    "end": span.end,
                    "text": span.text(&doc.text),
                    "prefix": "",
                    "suffix": "",
                    "origin": "quote",
                    "created": "2026-01-01T00:00:00Z",
                })
            })
            .collect();
        let file = serde_json::json!({
            "schema": quotelens::store::SCHEMA,
            "document": {"source": "", "title": null, "text_hash": text_hash, "bytes": doc.text.len()},
            "revision": 1,
            "next_id": highlights.len() + 1,
            "highlights": highlights,
        });
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Err(e) = std::fs::write(&path, file.to_string()) {
            panic!("cannot write {}: {e}", path.display());
        }
        dir
    })
}

/// A key press and the frame after it, on the 100 MB document. Keys that move back and forth
/// alternate so every iteration does real work; "resize" alternates between two terminal sizes
/// (re-wrap, re-anchor, and a new timeline).
#[divan::bench(args = [
    "j", "space", "]", "}", "G g", "ctrl-d ctrl-u", "n", "list j", "2 list j", "resize"
])]
fn key_and_frame_100mb(bencher: Bencher, keys: &str) {
    let mut r = Reader::big();
    r.press(&["]"]);
    let mut names: Vec<&str> = keys.split(' ').collect();
    match keys {
        "n" => {
            r.press(&["/"]);
            for c in "russia".chars() {
                r.key(&c.to_string());
            }
            r.press(&["enter"]);
        }
        "list j" => {
            r.press(&["tab", "3"]);
            names = vec!["j"];
        }
        "2 list j" => {
            r.press(&["tab", "2"]);
            names = vec!["j"];
        }
        _ => {}
    }
    let mut i = 0usize;
    let mut wide = false;
    bencher.bench_local(|| {
        if keys == "resize" {
            wide = !wide;
            let (w, h) = if wide { (W + 17, H + 5) } else { (W, H) };
            r.term.backend_mut().resize(w, h);
            divan::black_box(r.app.update(Input::Resize(w, h)));
        } else {
            r.key(names[i % names.len()]);
            i += 1;
        }
        r.draw();
    });
}

/// From a file name to the first frame: read the start of the 100 MB file (the rest loads and is
/// analysed in the background), build the reader, draw.
#[divan::bench(sample_count = 20)]
fn open_to_first_frame_100mb_file(bencher: Bencher) {
    let path = big_file().display().to_string();
    bencher.bench_local(|| {
        let opened =
            quotelens::tui::open::open(Some(&path)).unwrap_or_else(|f| panic!("{}", f.message));
        let mut app = App::new(
            Arc::new(opened.doc),
            &Config::defaults(),
            Theme::COLOUR,
            (W, H),
        );
        if opened.preview {
            app.set_preview();
        }
        let mut term = match Terminal::new(TestBackend::new(W, H)) {
            Ok(t) => t,
            Err(e) => match e {},
        };
        let _ = term.draw(|f| views::draw(f, &app));
        divan::black_box(app.take_effects());
    });
}

/// The same for the bundled sample article.
#[divan::bench]
fn open_to_first_frame_sample(bencher: Bencher) {
    bencher.bench_local(|| {
        let opened = quotelens::tui::open::open(None).unwrap_or_else(|f| panic!("{}", f.message));
        let mut app = App::new(
            Arc::new(opened.doc),
            &Config::defaults(),
            Theme::COLOUR,
            (W, H),
        );
        let mut term = match Terminal::new(TestBackend::new(W, H)) {
            Ok(t) => t,
            Err(e) => match e {},
        };
        let _ = term.draw(|f| views::draw(f, &app));
        divan::black_box(app.take_effects());
    });
}

/// A 100 MB file with no line breaks at all (no analysis): moving through it and jumping to its
/// end stay as fast as in ordinary text.
#[divan::bench(args = ["j", "space", "G g", "middle"])]
fn key_and_frame_one_line_100mb(bencher: Bencher, keys: &str) {
    static ONE_LINE: OnceLock<Arc<Document>> = OnceLock::new();
    let doc = ONE_LINE.get_or_init(|| {
        let text = "lorem ipsum dolor sit amet ".repeat(SIZE / 27);
        Arc::new(Document::from_text(&text, quotelens::Meta::default()))
    });
    let mut app = App::new(Arc::clone(doc), &Config::defaults(), Theme::COLOUR, (W, H));
    let _: Vec<Effect> = app.take_effects();
    let mut term = match Terminal::new(TestBackend::new(W, H)) {
        Ok(t) => t,
        Err(e) => match e {},
    };
    let names: Vec<&str> = keys.split(' ').collect();
    let mut i = 0usize;
    let len = doc.text.len();
    bencher.bench_local(|| {
        if keys == "middle" {
            // A jump to a new place each time (the worst case: a line never seen before).
            let pos = (i * 7919 * 4099) % len;
            app.article.set_top(&doc.text, pos);
        } else {
            let k = Key::parse(names[i % names.len()]).unwrap_or_else(|e| panic!("{e}"));
            divan::black_box(app.update(Input::Key(KeyEvent::new(k.code, k.mods))));
        }
        i += 1;
        let _ = term.draw(|f| views::draw(f, &app));
    });
}
