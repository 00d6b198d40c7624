//! The export dialog (`e`): a format and a scope are chosen with the movement keys, the file name
//! can be edited, and the export is written to the folder the dialog shows (the current one)
//! under a name that never replaces an existing file.

use super::{App, Item, Job, Overlay, Tab};
use crate::analysis::model::SpeakerId;
use crate::document::Document;
use crate::document::sanitize::for_terminal;
use crate::export::write::{WriteError, write_file};
use crate::export::{Format, Scope, render, select};
use crate::store::Highlight;
use crate::tui::action::Action;
use crate::tui::annotations::Annotations;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

/// The formats offered, in order.
pub const FORMATS: [Format; 5] = [
    Format::Markdown,
    Format::Json,
    Format::Html,
    Format::Txt,
    Format::Csv,
];

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportScope {
    /// Every quote (reported speech left out, as in `quotelens export`).
    Quotes,
    /// One speaker's quotes.
    Speaker(SpeakerId),
    Highlights,
    Numbers,
}

/// The dialog's rows, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRow {
    Format,
    Scope,
    Name,
}

impl ExportRow {
    fn next(self, down: bool) -> ExportRow {
        use ExportRow::*;
        match (self, down) {
            (Format, true) | (Name, false) => Scope,
            (Scope, true) | (Format, false) => Name,
            (Name, true) | (Scope, false) => Format,
        }
    }
}

/// The dialog's state.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// Index into [`FORMATS`].
    pub format: usize,
    pub scopes: Vec<ExportScope>,
    /// Index into `scopes`.
    pub scope: usize,
    /// The row with the keyboard.
    pub row: ExportRow,
    /// The file name without its extension; it follows the scope until it is edited.
    pub name: Input,
    pub name_edited: bool,
    /// The file the export would be written to now (numbered when the name is taken).
    pub file: String,
}

impl ExportDialog {
    pub fn format(&self) -> Format {
        FORMATS[self.format % FORMATS.len()]
    }

    pub fn scope(&self) -> ExportScope {
        self.scopes
            .get(self.scope)
            .copied()
            .unwrap_or(ExportScope::Quotes)
    }
}

/// A typed file name made safe: no folders, no extension of the chosen format repeated.
fn clean_name(typed: &str, ext: &str) -> String {
    let name: String = typed
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let name = name.strip_suffix(&format!(".{ext}")).unwrap_or(&name);
    name.trim_start_matches('.').to_string()
}

/// An export to render and write on another thread.
#[derive(Debug, Clone)]
pub struct ExportJob {
    pub doc: Arc<Document>,
    pub ann: Arc<Annotations>,
    pub highlights: Vec<Highlight>,
    pub scope: Scope,
    pub speaker: Option<String>,
    pub format: Format,
    pub dir: PathBuf,
    /// The file name without extension; `-2`, `-3` … are added when it is taken.
    pub base: String,
}

impl ExportJob {
    /// Renders and writes; returns the file written and what it holds ("5 quotes by …").
    pub fn run(self) -> Result<(PathBuf, String), String> {
        let sel = select(
            &self.doc,
            &self.ann.analysis,
            &self.highlights,
            self.scope,
            self.speaker.as_deref(),
        )
        .map_err(|e| e.to_string())?;
        let body = render(self.format, &sel);
        let ext = self.format.extension();
        for n in 1..1000 {
            let path = self.dir.join(numbered(&self.base, n, ext));
            match write_file(&path, body.as_bytes(), false) {
                Ok(()) => return Ok((path, sel.describe())),
                Err(WriteError::Exists(_)) => continue,
                Err(e) => return Err(e.to_string()),
            }
        }
        Err(format!(
            "{}: every name from {} to {} is taken",
            self.dir.display(),
            numbered(&self.base, 1, ext),
            numbered(&self.base, 999, ext)
        ))
    }
}

fn numbered(base: &str, n: usize, ext: &str) -> String {
    if n == 1 {
        format!("{base}.{ext}")
    } else {
        format!("{base}-{n}.{ext}")
    }
}

/// The first name from `base` that is free in `dir` (for showing; the write itself never
/// replaces a file that appears meanwhile).
pub fn free_name(dir: &Path, base: &str, ext: &str) -> String {
    (1..1000)
        .map(|n| numbered(base, n, ext))
        .find(|name| std::fs::symlink_metadata(dir.join(name)).is_err())
        .unwrap_or_else(|| numbered(base, 1000, ext))
}

/// A file-name-safe word: letters, digits, `-` and `_`, at most 40 characters.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "export".into() } else { out }
}

impl App {
    /// `e`: opens the dialog, with "this speaker" offered when a speaker is selected.
    pub(super) fn open_export_dialog(&mut self) {
        if self.ann.is_none() {
            self.warn("Still analysing…");
            return;
        }
        let mut scopes = vec![ExportScope::Quotes];
        if let Some(s) = self.speaker_in_focus() {
            scopes.push(ExportScope::Speaker(s));
        }
        scopes.push(ExportScope::Highlights);
        scopes.push(ExportScope::Numbers);
        // Start on what the reader is looking at.
        let scope = match self.panel.tab {
            Tab::Highlights => scopes.iter().position(|&s| s == ExportScope::Highlights),
            Tab::Numbers => scopes.iter().position(|&s| s == ExportScope::Numbers),
            _ => None,
        }
        .unwrap_or(0);
        self.selection = None;
        let mut d = ExportDialog {
            format: 0,
            scopes,
            scope,
            row: ExportRow::Format,
            name: Input::default(),
            name_edited: false,
            file: String::new(),
        };
        self.refresh_export_name(&mut d);
        self.overlay = Some(Overlay::Export(d));
    }

    /// The default name follows the scope until it is edited; the file shown follows both.
    fn refresh_export_name(&self, d: &mut ExportDialog) {
        if !d.name_edited {
            d.name = Input::new(self.export_base(d.scope()));
        }
        let ext = d.format().extension();
        let base = match clean_name(d.name.value(), ext) {
            b if b.is_empty() => self.export_base(d.scope()),
            b => b,
        };
        d.file = free_name(&self.export_dir, &base, ext);
    }

    /// The speaker "this speaker" means: the selected quote's, else the one the quotes are
    /// filtered by, else the one selected in the Speakers list — if they are quoted.
    fn speaker_in_focus(&self) -> Option<SpeakerId> {
        let a = self.ann.as_ref()?;
        let quoted = |s: SpeakerId| a.by_speaker.get(s).is_some_and(|q| !q.is_empty());
        let from_item = match self.current {
            Some(Item::Quote(q)) => a.analysis.quotes.get(q).and_then(|q| q.speaker),
            Some(Item::Speaker(s)) => Some(s),
            _ => None,
        };
        from_item.or(self.panel.filter).filter(|&s| quoted(s))
    }

    /// How a scope is named in the dialog.
    pub fn scope_label(&self, scope: ExportScope) -> String {
        match scope {
            ExportScope::Quotes => "all quotes".into(),
            ExportScope::Speaker(s) => {
                let name = self
                    .ann
                    .as_ref()
                    .and_then(|a| a.analysis.speakers.get(s))
                    .map_or("this speaker".to_string(), |sp| {
                        for_terminal(&sp.name).into_owned()
                    });
                format!("quotes by {name}")
            }
            ExportScope::Highlights => format!("highlights ({})", self.highlights().len()),
            ExportScope::Numbers => "numbers".into(),
        }
    }

    /// The file name an export would get, before numbering ("kremlin-talks-quotes").
    pub fn export_base(&self, scope: ExportScope) -> String {
        let stem = if self.doc.meta.source == "-" {
            "stdin".to_string()
        } else {
            Path::new(&self.doc.meta.source)
                .file_stem()
                .map(|s| slug(&s.to_string_lossy()))
                .unwrap_or_else(|| slug(&self.doc.display_name()))
        };
        let what = match scope {
            ExportScope::Quotes => "quotes".to_string(),
            ExportScope::Speaker(s) => {
                let name = self
                    .ann
                    .as_ref()
                    .and_then(|a| a.analysis.speakers.get(s))
                    .map(crate::tui::names::short_name)
                    .unwrap_or_else(|| "speaker".into());
                format!("quotes-{}", slug(&name))
            }
            ExportScope::Highlights => "highlights".into(),
            ExportScope::Numbers => "numbers".into(),
        };
        format!("{stem}-{what}")
    }

    /// Keys while the dialog is open.
    pub(super) fn apply_export_dialog(&mut self, action: Action) {
        let Some(Overlay::Export(mut d)) = self.overlay.take() else {
            return;
        };
        let step = |i: usize, n: usize, forward: bool| {
            let n = n.max(1);
            if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }
        };
        match action {
            Action::Down | Action::ToggleFocus => d.row = d.row.next(true),
            Action::Up => d.row = d.row.next(false),
            Action::NextTab | Action::SelectWordNext | Action::PrevTab | Action::SelectWordPrev => {
                let forward = matches!(action, Action::NextTab | Action::SelectWordNext);
                match d.row {
                    ExportRow::Format => d.format = step(d.format, FORMATS.len(), forward),
                    ExportRow::Scope => d.scope = step(d.scope, d.scopes.len(), forward),
                    ExportRow::Name => {}
                }
            }
            Action::Activate => return self.start_export(&d),
            Action::Cancel | Action::Quit | Action::Export => return,
            Action::Help => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return;
            }
            _ => {}
        }
        self.refresh_export_name(&mut d);
        self.overlay = Some(Overlay::Export(d));
    }

    /// A key while the file name has the keyboard: it edits the name, except the keys that
    /// leave the row, write or cancel. `false` when the dialog is not editing its name.
    pub(super) fn export_name_key(&mut self, ev: KeyEvent) -> bool {
        let Some(Overlay::Export(d)) = &mut self.overlay else {
            return false;
        };
        if d.row != ExportRow::Name {
            return false;
        }
        match ev.code {
            KeyCode::Enter | KeyCode::Esc | KeyCode::Up | KeyCode::Down => return false,
            KeyCode::Tab | KeyCode::BackTab => return false,
            _ => {}
        }
        if let Some(request) = to_input_request(&Event::Key(ev))
            && d.name.handle(request).is_some_and(|c| c.value)
        {
            d.name_edited = true;
            let mut d = d.clone();
            self.refresh_export_name(&mut d);
            self.overlay = Some(Overlay::Export(d));
        }
        true
    }

    fn start_export(&mut self, d: &ExportDialog) {
        let Some(ann) = self.ann.clone() else { return };
        let scope = d.scope();
        let (export_scope, speaker) = match scope {
            ExportScope::Quotes => (Scope::Quotes { reported: false }, None),
            ExportScope::Speaker(s) => (
                Scope::Quotes { reported: false },
                ann.analysis.speakers.get(s).map(|sp| sp.name.clone()),
            ),
            ExportScope::Highlights => (Scope::Highlights, None),
            ExportScope::Numbers => (Scope::Numbers, None),
        };
        let base = match clean_name(d.name.value(), d.format().extension()) {
            b if b.is_empty() => self.export_base(scope),
            b => b,
        };
        self.run(Job::Export(Box::new(ExportJob {
            doc: Arc::clone(&self.doc),
            ann,
            highlights: self.highlights().to_vec(),
            scope: export_scope,
            speaker,
            format: d.format(),
            dir: self.export_dir.clone(),
            base,
        })));
        self.info("Exporting…");
    }

    /// The export is written (or not): say where.
    pub(super) fn on_exported(&mut self, r: Result<(PathBuf, String), String>) {
        match r {
            Ok((path, what)) => {
                tracing::info!(path = %path.display(), %what, "exported");
                let shown = path
                    .strip_prefix(std::env::current_dir().unwrap_or_default())
                    .map(|p| Path::new(".").join(p))
                    .unwrap_or(path);
                self.info(format!(
                    "Wrote {} to {}",
                    for_terminal(&what),
                    for_terminal(&shown.display().to_string())
                ));
            }
            Err(e) => {
                tracing::error!(error = %e, "export failed");
                self.warn(format!("The export failed: {}", for_terminal(&e)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_numbered_when_taken() {
        assert_eq!(slug("Kremlin talks (draft)!"), "kremlin-talks-draft");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("…"), "export");
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(free_name(dir.path(), "a-quotes", "md"), "a-quotes.md");
        std::fs::write(dir.path().join("a-quotes.md"), "x").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(free_name(dir.path(), "a-quotes", "md"), "a-quotes-2.md");
    }

    #[test]
    fn a_typed_name_stays_in_the_folder() {
        assert_eq!(clean_name(" ../notes/putin.md ", "md"), "-notes-putin");
        assert_eq!(clean_name("mine.md", "json"), "mine.md");
        assert_eq!(clean_name("   ", "md"), "");
    }
}
