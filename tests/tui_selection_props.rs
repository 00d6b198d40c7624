//! The reader's rule as a property: whatever keys are pressed — scrolling, paging, jumps, quote
//! and search steps, tab switches, list moves, focus changes — and however the terminal is
//! resized, the current item, when there is one and it has a place in the text, is on one of
//! the article's visible rows; and the list of the shown tab selects it whenever it lists it.

mod tui_common;

use proptest::prelude::*;
use quotelens::tui::{Item, Theme};
use tui_common::Reader;

/// One step of a session.
#[derive(Debug, Clone)]
enum Step {
    Key(&'static str),
    Resize(u16, u16),
}

const KEYS: [&str; 24] = [
    "j", "k", "space", "b", "ctrl-d", "ctrl-u", "g", "G", "]", "[", "}", "{", "1", "2", "3", "4",
    "l", "h", "tab", "esc", "enter", "n", "N", "x",
];

const SIZES: [(u16, u16); 6] = [(80, 24), (100, 30), (140, 40), (40, 12), (61, 15), (20, 5)];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..KEYS.len()).prop_map(|i| Step::Key(KEYS[i])),
        1 => (0..SIZES.len()).prop_map(|i| Step::Resize(SIZES[i].0, SIZES[i].1)),
    ]
}

/// Checks the rule on the reader as it is now.
fn check(r: &Reader, after: &[Step]) -> Result<(), TestCaseError> {
    let app = &r.app;
    let text = app.screen.text;
    let Some(item) = app.current else {
        return Ok(());
    };
    if text.width > 0
        && text.height > 0
        && let Some(span) = app.item_span(item)
    {
        let visible = app.article.visible();
        prop_assert!(
            app.article.shows(span),
            "after {after:?}: {item:?} at {span:?} is off screen (visible {visible:?})"
        );
    }
    let tab = app.panel.tab;
    if let Some(row) = app.list_row(tab, item) {
        prop_assert_eq!(
            app.panel.list(tab).selected(),
            Some(row),
            "after {:?}: the {:?} list does not select {:?}",
            after,
            tab,
            item
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_current_item_is_always_on_screen(
        search in any::<bool>(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let mut r = Reader::sample(100, 30, Theme::COLOUR);
        if search {
            r.press(&["/"]);
            r.type_text("the");
            r.press(&["enter"]);
        }
        for (i, s) in steps.iter().enumerate() {
            match s {
                Step::Key(k) => r.press(&[k]),
                Step::Resize(w, h) => r.resize(*w, *h),
            }
            check(&r, &steps[..=i])?;
        }
    }
}

#[test]
fn a_match_is_an_item_too() {
    let mut r = Reader::sample(100, 30, Theme::COLOUR);
    r.press(&["/"]);
    r.type_text("belarus");
    r.press(&["enter"]);
    assert!(matches!(r.app.current, Some(Item::Hit(0))));
    // Scrolling away from it: the quote at the reading position takes its place.
    r.press(&["space", "space"]);
    let item = r.app.current;
    assert!(!matches!(item, Some(Item::Hit(0))), "{item:?}");
    if let Some(span) = item.and_then(|i| r.app.item_span(i)) {
        assert!(r.app.article.shows(span));
    }
}
