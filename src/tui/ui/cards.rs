//! Cards and list rows of the records the data added last — indicators and
//! countries — kept apart from `details.rs` so the screens that show them
//! can grow without touching the other cards.

use ratatui::text::{Line, Span};

use super::text::clip;
use crate::snapshot::{CountryId, IndicatorId};
use crate::tui::state::State;

fn field(st: &State, k: &str, v: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{k:<13}"), st.theme.dim),
        Span::styled(v, st.theme.base),
    ])
}

/// The card of an indicator: code, target, name, tier with its date,
/// agencies, UNSD code and where the same indicator is repeated.
pub fn indicator(st: &State, i: IndicatorId, out: &mut Vec<Line<'static>>) {
    let s = &st.snap;
    let t = &st.theme;
    let ind = s.indicator(i);
    let target = s.target(ind.target);
    let chip = s.sdg(target.goal).map_or(t.title, |g| t.goal(g.color));
    out.push(Line::from(vec![
        Span::styled(format!(" {} ", ind.code), chip),
        Span::styled(format!(" indicator of target {}", target.code), t.dim),
    ]));
    out.push(Line::styled(ind.name.clone(), t.base));
    out.push(Line::default());
    let tier = match ind.tier.as_of() {
        Some(_) => ind.tier.to_string(),
        None => "—".to_string(),
    };
    out.push(field(st, "tier", tier));
    if !ind.custodians.is_empty() {
        out.push(field(st, "custodians", ind.custodians.join(", ")));
    }
    if !ind.partners.is_empty() {
        out.push(field(st, "partners", ind.partners.join(", ")));
    }
    if let Some(code) = &ind.unsd_code {
        out.push(field(st, "UNSD code", code.clone()));
    }
    let repeats: Vec<String> = s
        .indicator_repeats(i)
        .into_iter()
        .map(|o| s.indicator(o).code.clone())
        .collect();
    if !repeats.is_empty() {
        out.push(field(st, "also listed", repeats.join(", ")));
    }
    if !ind.former_codes.is_empty() {
        out.push(field(st, "formerly", ind.former_codes.join(", ")));
    }
    if let Some(src) = ind.source {
        out.push(field(st, "source", s.source(src).title.clone()));
    }
}

/// The card of a country: codes, UN regions, groups and its activities
/// under the current view.
pub fn country(st: &State, c: CountryId, out: &mut Vec<Line<'static>>) {
    let s = &st.snap;
    let t = &st.theme;
    let country = s.country(c);
    out.push(Line::from(vec![
        Span::styled(format!(" {} ", country.code), t.selected),
        Span::styled(format!(" {}", country.name), t.title),
    ]));
    out.push(Line::default());
    let place: Vec<&str> = [
        &country.region,
        &country.subregion,
        &country.intermediate_region,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    if !place.is_empty() {
        out.push(field(st, "region", place.join(" › ")));
    }
    if !country.groups.is_empty() {
        out.push(field(
            st,
            "groups",
            country.groups.join(", ").to_uppercase(),
        ));
    }
    let acts = s
        .index()
        .activities_of_country(c)
        .iter()
        .filter(|&&a| st.sel.activity(a))
        .count();
    out.push(field(st, "activities", acts.to_string()));
}

/// One row of a related list for an indicator or a country.
pub fn related_row(st: &State, code: &str, text: &str, width: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{code:<8}"), st.theme.accent),
        Span::styled(clip(text, width.saturating_sub(8)), st.theme.base),
    ])
}
