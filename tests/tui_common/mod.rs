//! Helpers for driving the reader headless: an `App` on the sample article, keys by name, and a
//! `TestBackend` frame.

#![allow(dead_code)]

use quotelens::tui::{App, Config, Theme, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

pub struct Reader {
    pub app: App,
    pub term: Terminal<TestBackend>,
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
        let mut app = App::new(Arc::new(doc), &Config::defaults(), theme, (w, h));
        if analyse {
            app.run_jobs_inline();
        }
        let term = match Terminal::new(TestBackend::new(w, h)) {
            Ok(t) => t,
            Err(e) => match e {},
        };
        let mut r = Reader { app, term };
        r.draw();
        r
    }

    pub fn draw(&mut self) {
        let app = &mut self.app;
        let _ = self.term.draw(|f| views::draw(f, app));
    }

    /// Presses keys given like the config names them ("]", "enter", "ctrl-d"), runs any jobs
    /// (search) and draws.
    pub fn press(&mut self, keys: &[&str]) {
        for k in keys {
            let key = quotelens::tui::keymap::Key::parse(k).unwrap_or_else(|e| panic!("{e}"));
            self.app.on_key(KeyEvent::new(key.code, key.mods));
            self.app.run_jobs_inline();
            self.draw();
        }
    }

    /// Types text into the search prompt, one character at a time.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.app
                .on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        self.draw();
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.term.backend_mut().resize(w, h);
        self.draw();
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

    pub fn status(&self) -> String {
        self.lines().last().cloned().unwrap_or_default()
    }
}
