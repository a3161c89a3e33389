//! The card section of a country: its name, ISO and M49 codes, its UN M49 region,
//! sub-region and intermediate region, its LDC / LLDC / SIDS groups, and
//! how many activities name it (and how many the view keeps).

use ratatui::text::Span;

use super::builder::Card;
use crate::entity::EntityRef;
use crate::tui::ui::card::Row;

/// A country's own facts.
pub fn country(c: &mut Card, e: EntityRef) {
    let EntityRef::Country(k) = e else { return };
    let ctx = c.ctx;
    let (s, t) = (&ctx.snap, &ctx.theme);
    let country = s.country(k);
    c.push(Row::Text(vec![
        Span::styled(format!(" {} ", country.code), t.selected),
        Span::styled(format!(" {}", country.name), t.title),
    ]));
    c.blank();
    let mut codes = vec![format!("ISO {}", country.code)];
    codes.extend(country.alpha2.clone());
    codes.extend(country.m49.map(|m| format!("M49 {m:03}")));
    c.field("codes", codes.join(" · "));
    let place: Vec<&str> = [
        &country.region,
        &country.subregion,
        &country.intermediate_region,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    c.field(
        "region",
        if place.is_empty() {
            "none (the UN M49 standard gives it no region)".to_string()
        } else {
            place.join(" › ")
        },
    );
    if !country.groups.is_empty() {
        c.field("groups", country.groups.join(", ").to_uppercase());
    }
    let acts = s.index().activities_of_country(k);
    let shown = acts.iter().filter(|&&a| ctx.sel().activity(a)).count();
    c.field("activities", c.count(acts.len(), shown));
    c.source(country.source.map(|x| s.source(x).title.clone()));
}
