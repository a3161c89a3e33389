//! The `:` command palette: fuzzy search over every action in the keymap,
//! each shown with its key, plus `open VIEW` to open a view string.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::action::Action;
use super::input::LineEdit;
use super::keymap::{Binding, Context, KEYMAP};

/// The palette's state.
#[derive(Debug, Clone, Default)]
pub struct PaletteOverlay {
    /// What is typed.
    pub input: LineEdit,
    /// Cursor over the matching commands.
    pub cursor: usize,
}

/// What `Enter` in the palette does.
#[derive(Debug, Clone)]
pub enum Command {
    /// Run a keymap binding's action (the binding itself, so the palette
    /// shows the key and words of the binding that matched).
    Run(&'static Binding),
    /// Open a view string.
    Open(String),
}

/// The bindings the palette offers (everything a user can invoke by name).
pub fn commands() -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(|b| {
        b.contexts.iter().any(|c| {
            matches!(
                c,
                Context::Global
                    | Context::Matrix
                    | Context::Tree
                    | Context::Table
                    | Context::Panes
                    | Context::Drill
                    | Context::Tour
            )
        }) && !matches!(b.action, Action::ForceQuit)
    })
}

/// The commands matching the typed text, best first (table order on ties).
pub fn matches(text: &str) -> Vec<Command> {
    let text = text.trim();
    if let Some(view) = text
        .strip_prefix("open ")
        .or_else(|| text.strip_prefix("open:"))
    {
        return vec![Command::Open(view.trim().to_string())];
    }
    let m = SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, usize, &'static Binding)> = commands()
        .enumerate()
        .filter_map(|(i, b)| {
            if text.is_empty() {
                return Some((0, i, b));
            }
            m.fuzzy_match(&format!("{} {}", b.desc, b.label), text)
                .map(|s| (s, i, b))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<Command> = scored
        .into_iter()
        .map(|(_, _, a)| Command::Run(a))
        .collect();
    if "open".starts_with(text) && !text.is_empty() {
        out.push(Command::Open(String::new()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::state::Screen;

    #[test]
    fn fuzzy_over_descriptions() {
        let first = |text: &str| match matches(text).into_iter().next() {
            Some(Command::Run(b)) => Some(b.action),
            _ => None,
        };
        assert_eq!(first("zoom"), Some(Action::ToggleZoom));
        assert_eq!(
            first("activities scr"),
            Some(Action::Show(Screen::Activities))
        );
        assert!(matches!(&matches("open sdg:9")[..], [Command::Open(v)] if v == "sdg:9"));
        assert!(matches("").len() > 20);
    }

    #[test]
    fn each_match_shows_the_binding_that_matched() {
        // "collapse" is the tree's h/←, not the matrix's "previous column"
        match matches("collapse").into_iter().next() {
            Some(Command::Run(b)) => assert!(b.desc.starts_with("collapse"), "{}", b.desc),
            other => panic!("{other:?}"),
        }
    }
}
