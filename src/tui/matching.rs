//! `n`/`N`: stepping through the last search's matches in a list, and
//! marking them where the list is drawn.
//!
//! A match is a record the finder's query matches closely (see
//! [`Search::hits`](super::ctx::Search::hits)), so `n` lands where the
//! finder's best hits are, not on loose subsequences; the status line says
//! which match it is (`match 2 of 7`) and the matched characters are
//! underlined in the rows, as in the finder. Each screen calls [`step`] on
//! the list that has its keys.

use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::ctx::Ctx;
use super::text::highlighted;
use crate::entity::EntityRef;

/// The position of the next (`forward`) or previous match in `items`
/// after `current`, wrapping, and the status line to show; or why there is
/// none.
pub fn step(
    ctx: &Ctx,
    items: &[EntityRef],
    current: usize,
    forward: bool,
) -> Result<(usize, String), String> {
    let Some(search) = &ctx.search else {
        return Err("no search yet — press / to find".into());
    };
    let mut buf = String::new();
    let hits: Vec<usize> = (0..items.len())
        .filter(|&i| search.hits(&ctx.snap, items[i], &mut buf))
        .collect();
    if hits.is_empty() {
        return Err(format!("no match for '{}' in this list", search.text));
    }
    let k = if forward {
        hits.iter().position(|&i| i > current).unwrap_or(0)
    } else {
        hits.iter()
            .rposition(|&i| i < current)
            .unwrap_or(hits.len() - 1)
    };
    let wrapped = if forward {
        hits[k] <= current
    } else {
        hits[k] >= current
    };
    let mut msg = format!("match {} of {} for '{}'", k + 1, hits.len(), search.text);
    if wrapped && hits.len() > 1 {
        msg.push_str(if forward {
            " (from the top)"
        } else {
            " (from the bottom)"
        });
    }
    Ok((hits[k], msg))
}

/// `text` (a row's name or title for `e`) as spans, with the characters
/// the last search matched underlined when `e` is a match.
pub fn spans(ctx: &Ctx, e: EntityRef, text: &str, style: Style) -> Vec<Span<'static>> {
    let marks = match &ctx.search {
        Some(s) if s.hits(&ctx.snap, e, &mut String::new()) => s.query.highlight(text),
        _ => Vec::new(),
    };
    if marks.is_empty() {
        return vec![Span::styled(text.to_string(), style)];
    }
    let hi = style
        .patch(ctx.theme.accent)
        .add_modifier(Modifier::UNDERLINED);
    highlighted(text, &marks, style, hi)
}
