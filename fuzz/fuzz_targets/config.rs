//! The reader's config parser on arbitrary text: it returns a configuration or an error with a
//! line, and never panics. An error's message is always safe to print on a terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match quotelens::tui::config::parse(src) {
        Ok(config) => {
            // Every action keeps a key or was unbound on purpose; lookups never panic.
            for &a in quotelens::tui::Action::ALL {
                let _ = config.keymap.keys(a);
            }
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(!shown.contains('\u{1b}'), "an escape reached the message: {shown:?}");
            if let Some(line) = e.line {
                assert!(line >= 1 && line <= src.lines().count().max(1) + 1, "line {line} of {src:?}");
            }
        }
    }
});
