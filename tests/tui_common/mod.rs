//! Helpers for driving the reader headless: an `App` on the sample article, keys by name, and a
//! `TestBackend` frame.

#![allow(dead_code)]

pub mod pty;

use quotelens::tui::{App, Config, Effect, Input, Job, Theme, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use std::sync::Arc;

pub struct Reader {
    pub app: App,
    pub term: Terminal<TestBackend>,
    /// What the reader wrote to the terminal besides frames (OSC 52), not yet taken.
    pub written: Vec<u8>,
    /// Times the reader asked to be suspended.
    pub suspended: usize,
}

impl Reader {
    /// The sample article, analysed, at `w`×`h`.
    pub fn sample(w: u16, h: u16, theme: Theme) -> Reader {
        let doc = match quotelens::cli::reader_document(None) {
            Ok(d) => d,
            Err(f) => panic!("{}", f.message),
        };
        Reader::with_doc(doc, w, h, theme, true)
    }

    pub fn with_doc(
        doc: quotelens::Document,
        w: u16,
        h: u16,
        theme: Theme,
        analyse: bool,
    ) -> Reader {
        let app = App::new(Arc::new(doc), &Config::defaults(), theme, (w, h));
        Reader::around(app, analyse)
    }

    /// A reader around `app` in a terminal of its size; `settle`: run its queued jobs first.
    pub fn around(app: App, settle: bool) -> Reader {
        let (w, h) = app.size;
        let term = match Terminal::new(TestBackend::new(w, h)) {
            Ok(t) => t,
            Err(e) => match e {},
        };
        let mut r = Reader {
            app,
            term,
            written: Vec::new(),
            suspended: 0,
        };
        if settle {
            r.settle();
        }
        r.draw();
        r
    }

    pub fn draw(&mut self) {
        let app = &self.app;
        let _ = self.term.draw(|f| views::draw(f, app));
    }

    /// Carries out effects as the event loop would, running jobs here and now.
    fn carry_out(&mut self, effects: Vec<Effect>) {
        for e in self.app.settle(effects) {
            match e {
                Effect::Write(bytes) => self.written.extend(bytes),
                Effect::Suspend => self.suspended += 1,
                Effect::Mouse(_) | Effect::Run(_) => {}
            }
        }
    }

    /// Runs the jobs the reader has queued (and theirs).
    pub fn settle(&mut self) {
        let effects = self.app.take_effects();
        self.carry_out(effects);
    }

    /// The jobs the reader has queued, taken without running them.
    pub fn take_jobs(&mut self) -> Vec<Job> {
        let mut jobs = Vec::new();
        for e in self.app.take_effects() {
            match e {
                Effect::Run(j) => jobs.push(j),
                Effect::Write(bytes) => self.written.extend(bytes),
                _ => {}
            }
        }
        jobs
    }

    /// Feeds input to the reader, runs what it asks for, and draws.
    pub fn input(&mut self, input: Input) {
        let effects = self.app.update(input);
        self.carry_out(effects);
        self.draw();
    }

    /// Presses keys given like the config names them ("]", "enter", "ctrl-d"), runs any jobs
    /// (search) and draws.
    pub fn press(&mut self, keys: &[&str]) {
        for k in keys {
            let key = quotelens::tui::keymap::Key::parse(k).unwrap_or_else(|e| panic!("{e}"));
            self.input(Input::Key(KeyEvent::new(key.code, key.mods)));
        }
    }

    /// Types text into the search prompt, one character at a time.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.input(Input::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    pub fn mouse(&mut self, ev: MouseEvent) {
        self.input(Input::Mouse(ev));
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.term.backend_mut().resize(w, h);
        self.input(Input::Resize(w, h));
    }

    /// What the reader wrote to the terminal besides frames since the last call.
    pub fn take_written(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.written)
    }

    /// The screen as text, one line per row.
    pub fn lines(&self) -> Vec<String> {
        let buf = self.term.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect()
    }

    pub fn screen(&self) -> String {
        self.lines().join("\n")
    }

    /// The status bar: its last line, after any earlier lines a long message takes (joined
    /// with a space, as the message was wrapped).
    pub fn status(&self) -> String {
        let lines = self.lines();
        let n = match self.app.mode {
            quotelens::tui::Mode::Document => self.app.screen.status.height.max(1) as usize,
            quotelens::tui::Mode::Library => 1,
        };
        let from = lines.len().saturating_sub(n);
        let last = lines.len().saturating_sub(1);
        lines[from..]
            .iter()
            .enumerate()
            .map(|(i, l)| {
                // Lines after the first start with the bar's margin.
                let l = if i > 0 {
                    l.strip_prefix(' ').unwrap_or(l)
                } else {
                    l
                };
                if from + i == last {
                    l.to_string()
                } else {
                    l.trim_end().to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Reader {
    /// The sample with highlights on, stored under `data` (keyed by its text, as the reader
    /// does), exports written to `data/exports`.
    pub fn sample_with_store(w: u16, h: u16, theme: Theme, data: &std::path::Path) -> Reader {
        let doc = match quotelens::cli::reader_document(None) {
            Ok(d) => d,
            Err(f) => panic!("{}", f.message),
        };
        Reader::with_store(doc, w, h, theme, data, true)
    }

    /// `doc` with highlights on, stored under `data`.
    pub fn with_store(
        doc: quotelens::Document,
        w: u16,
        h: u16,
        theme: Theme,
        data: &std::path::Path,
        by_content: bool,
    ) -> Reader {
        let mut r = Reader::with_doc(doc, w, h, theme, true);
        r.app.store_by_content = by_content;
        r.app.export_dir = data.join("exports");
        let _ = std::fs::create_dir_all(&r.app.export_dir);
        r.app.enable_store(data.to_path_buf());
        r.settle();
        r.input(Input::Tick);
        r
    }

    /// Types text into a prompt and presses Enter.
    pub fn enter_text(&mut self, text: &str) {
        self.type_text(text);
        self.press(&["enter"]);
    }
}

/// Gives the `n`th speech quote (0-based) of the reader's analysis the confidence `confidence`,
/// as if the engine had been that sure of its speaker, and draws again.
pub fn set_confidence(r: &mut Reader, n: usize, confidence: f32) {
    let Some(ann) = r.app.ann.as_ref() else {
        panic!("the document is not analysed");
    };
    let mut analysis = ann.analysis.clone();
    let q = ann.speech[n];
    analysis.quotes[q].confidence = confidence;
    let len = r.app.doc.text.len();
    let ann = quotelens::tui::annotations::Annotations::new(analysis, len);
    r.app.set_annotations(Arc::new(ann));
    r.draw();
}
