//! The values of each facet with live counts, for the filter panel.
//!
//! For a facet, every value present in the snapshot is listed with the
//! number of activities (links, for `status`) that would pass if the view
//! kept all its *other* filters and asked for just that value — the
//! "drill-sideways" counts users know from faceted search. Each facet costs
//! one [`apply`] of the view without it plus one pass over the records.

use std::collections::BTreeMap;

use super::{Facet, Key, TierValue, View, apply, status_name};
use crate::snapshot::{ActivityId, IndicatorId, LinkId, LinkStatus, Snapshot};

/// The facets the panel offers, in order.
pub const PANEL: [Key; 11] = [
    Key::Sdg,
    Key::Al,
    Key::Status,
    Key::Sector,
    Key::Kind,
    Key::Lead,
    Key::Year,
    Key::Region,
    Key::Subregion,
    Key::Country,
    Key::Group,
];

/// One value of a facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// The value as written in a view (`9`, `C7-e-health`, `disputed`, `2017`).
    pub value: String,
    /// A label to show beside it (goal or line name), may be empty.
    pub label: String,
    /// Records that pass with this value under the other filters.
    pub count: usize,
    /// Whether the view includes this value.
    pub selected: bool,
}

/// The values of facet `key` under `view`.
pub fn values(s: &Snapshot, view: &View, key: Key) -> Vec<FacetValue> {
    let mut others = view.clone();
    clear(&mut others, key);
    let sel = apply(s, &others);
    let acts = || {
        (0..s.activities().len() as u32)
            .map(ActivityId)
            .filter(|&a| sel.activity(a))
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    match key {
        Key::Sdg => {
            for g in s.sdgs() {
                labels.insert(format!("{:02}", g.number), g.short_name.clone());
                counts.insert(format!("{:02}", g.number), 0);
            }
            for a in acts() {
                for n in &s.activity(a).sdgs() {
                    *counts.entry(format!("{n:02}")).or_default() += 1;
                }
            }
        }
        Key::Al => {
            for l in s.action_lines() {
                labels.insert(l.id.clone(), l.short_name.clone());
                counts.insert(l.id.clone(), 0);
            }
            // each activity counts once per line, and once for a parent
            // however many of its sub-lines it names
            let mut seen: Vec<crate::snapshot::LineId> = Vec::new();
            for a in acts() {
                seen.clear();
                for &l in s.activity(a).action_lines() {
                    seen.push(l);
                    seen.extend(s.line(l).parent);
                }
                seen.sort_unstable();
                seen.dedup();
                for &l in &seen {
                    *counts.entry(s.line(l).id.clone()).or_default() += 1;
                }
            }
        }
        Key::Status => {
            for st in [
                LinkStatus::Confirmed,
                LinkStatus::Partial,
                LinkStatus::Disputed,
            ] {
                counts.insert(status_name(st).to_string(), 0);
            }
            for k in (0..s.links().len() as u32)
                .map(LinkId)
                .filter(|&k| sel.link(k))
            {
                *counts
                    .entry(status_name(s.link(k).status).to_string())
                    .or_default() += 1;
            }
        }
        Key::Custodian | Key::Tier => {
            let inds = (0..s.indicators().len() as u32)
                .map(IndicatorId)
                .filter(|&i| sel.indicator(i));
            for i in inds {
                let ind = s.indicator(i);
                let vals: Vec<String> = if key == Key::Custodian {
                    ind.custodians.clone()
                } else {
                    TierValue::ALL
                        .into_iter()
                        .filter(|t| t.holds(&ind.tier))
                        .map(|t| t.name().to_string())
                        .collect()
                };
                for v in vals {
                    *counts.entry(v).or_default() += 1;
                }
            }
        }
        Key::Country | Key::Region | Key::Subregion | Key::Group => {
            for a in acts() {
                let mut vals: Vec<String> = Vec::new();
                for &c in s.activity(a).countries() {
                    let c = s.country(c);
                    match key {
                        Key::Country => {
                            labels.insert(c.code.clone(), c.name.clone());
                            vals.push(c.code.clone());
                        }
                        Key::Region => vals.extend(c.region.clone()),
                        Key::Subregion => {
                            vals.extend(c.subregion.clone());
                            vals.extend(c.intermediate_region.clone());
                        }
                        _ => vals.extend(c.groups.iter().cloned()),
                    }
                }
                vals.sort_unstable();
                vals.dedup();
                for v in vals {
                    *counts.entry(v).or_default() += 1;
                }
            }
        }
        Key::Sector | Key::Kind | Key::Lead | Key::Year => {
            for a in acts() {
                let act = s.activity(a);
                let v = match key {
                    Key::Sector => act.sector().map(str::to_owned),
                    Key::Kind => act.kind().map(str::to_owned),
                    Key::Lead => act.lead().map(str::to_owned),
                    _ => act.year().map(|y| y.to_string()),
                };
                if let Some(v) = v {
                    *counts.entry(v).or_default() += 1;
                }
            }
        }
        _ => {}
    }
    if matches!(key, Key::Sector | Key::Kind | Key::Lead | Key::Custodian) {
        counts = merge_case(counts);
    }
    let mut out: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, count)| {
            let label = labels.get(&value).cloned().unwrap_or_default();
            let value = if key == Key::Sdg {
                value.trim_start_matches('0').to_string()
            } else {
                value
            };
            let selected = is_selected(view, key, &value);
            FacetValue {
                value,
                label,
                count,
                selected,
            }
        })
        .collect();
    if key == Key::Al {
        let pos = |id: &str| s.index().line(id).map_or(usize::MAX, |l| l.ix());
        out.sort_by_key(|f| pos(&f.value));
    }
    if key == Key::Status {
        let order = |v: &str| {
            ["confirmed", "partial", "disputed"]
                .iter()
                .position(|x| *x == v)
        };
        out.sort_by_key(|f| order(&f.value));
    }
    out
}

/// Whether `value` is among the includes of facet `key`.
pub fn is_selected(view: &View, key: Key, value: &str) -> bool {
    let has = |f: &Facet<String>| f.include.iter().any(|x| x.eq_ignore_ascii_case(value));
    match key {
        Key::Sdg => value
            .parse::<u8>()
            .is_ok_and(|n| view.sdg.include.contains(&n)),
        Key::Al => has(&view.al),
        Key::Sector => has(&view.sector),
        Key::Kind => has(&view.kind),
        Key::Lead => has(&view.lead),
        Key::Custodian => has(&view.custodian),
        Key::Country => has(&view.country),
        Key::Region => has(&view.region),
        Key::Subregion => has(&view.subregion),
        Key::Group => has(&view.group),
        Key::Tier => view.tier.include.iter().any(|t| t.name() == value),
        Key::Status => view.status.include.iter().any(|s| status_name(*s) == value),
        Key::Year => value.parse::<i32>().is_ok_and(|y| {
            view.year
                .include
                .iter()
                .any(|r| r.from == Some(y) && r.to == Some(y))
        }),
        _ => false,
    }
}

/// One entry per value compared case-insensitively, as the facet matches
/// (`MINISTRY OF EDUCATION` and `Ministry of Education` are one lead), under
/// its most frequent spelling (the first in order on a tie).
fn merge_case(counts: BTreeMap<String, usize>) -> BTreeMap<String, usize> {
    let mut by_key: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    for (value, n) in counts {
        let e = by_key
            .entry(value.to_lowercase())
            .or_insert_with(|| (value.clone(), 0, 0));
        if n > e.2 {
            e.0 = value;
            e.2 = n;
        }
        e.1 += n;
    }
    by_key
        .into_values()
        .map(|(value, total, _)| (value, total))
        .collect()
}

/// Adds `value` to the includes of facet `key`, or removes it when present.
/// Returns the new view; `value` must be one [`values`] listed.
pub fn toggle(view: &View, key: Key, value: &str) -> View {
    let mut v = view.clone();
    let on = !is_selected(view, key, value);
    fn flip<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
        list.retain(|x| *x != item);
        if on {
            list.push(item);
        }
    }
    let text = value.to_string();
    match key {
        Key::Sdg => {
            if let Ok(n) = value.parse::<u8>() {
                flip(&mut v.sdg.include, n, on);
            }
        }
        Key::Al => flip(&mut v.al.include, text, on),
        Key::Sector => flip(&mut v.sector.include, text, on),
        Key::Kind => flip(&mut v.kind.include, text, on),
        Key::Lead => flip(&mut v.lead.include, text, on),
        Key::Custodian => flip(&mut v.custodian.include, text, on),
        Key::Country => flip(&mut v.country.include, text, on),
        Key::Region => flip(&mut v.region.include, text, on),
        Key::Subregion => flip(&mut v.subregion.include, text, on),
        Key::Group => flip(&mut v.group.include, text, on),
        Key::Tier => {
            if let Some(t) = TierValue::ALL.into_iter().find(|t| t.name() == value) {
                flip(&mut v.tier.include, t, on);
            }
        }
        Key::Status => {
            let st = [
                LinkStatus::Confirmed,
                LinkStatus::Partial,
                LinkStatus::Disputed,
            ]
            .into_iter()
            .find(|s| status_name(*s) == value);
            if let Some(st) = st {
                flip(&mut v.status.include, st, on);
            }
        }
        Key::Year => {
            if let Ok(y) = value.parse::<i32>() {
                flip(
                    &mut v.year.include,
                    super::YearRange {
                        from: Some(y),
                        to: Some(y),
                    },
                    on,
                );
            }
        }
        _ => {}
    }
    v.normalize();
    v
}

fn clear(v: &mut View, key: Key) {
    match key {
        Key::Sdg => v.sdg = Facet::default(),
        Key::Target => v.target = Facet::default(),
        Key::Indicator => v.indicator = Facet::default(),
        Key::Custodian => v.custodian = Facet::default(),
        Key::Tier => v.tier = Facet::default(),
        Key::Al => v.al = Facet::default(),
        Key::Sector => v.sector = Facet::default(),
        Key::Kind => v.kind = Facet::default(),
        Key::Lead => v.lead = Facet::default(),
        Key::Partner => v.partner = Facet::default(),
        Key::Country => v.country = Facet::default(),
        Key::Region => v.region = Facet::default(),
        Key::Subregion => v.subregion = Facet::default(),
        Key::Group => v.group = Facet::default(),
        Key::Year => v.year = Facet::default(),
        Key::Status => v.status = Facet::default(),
        Key::Source => v.source = Facet::default(),
        Key::Show | Key::Focus | Key::With | Key::At => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;
    use crate::view::parse;

    #[test]
    fn sdg_counts_are_activities_per_goal_under_the_other_filters() {
        let s = load_bundled().unwrap();
        let v = parse("sdg:9 sector:ITU-D").unwrap();
        let vals = values(&s, &v, Key::Sdg);
        assert_eq!(vals.len(), 17);
        let nine = vals.iter().find(|f| f.value == "9").unwrap();
        assert!(nine.selected);
        let expected = s
            .activities()
            .iter()
            .filter(|a| a.sector() == Some("ITU-D") && a.sdgs().contains(9))
            .count();
        assert_eq!(nine.count, expected);
        assert!(!vals.iter().find(|f| f.value == "3").unwrap().selected);
    }

    #[test]
    fn toggling_adds_and_removes_a_value() {
        let s = load_bundled().unwrap();
        let v = parse("sdg:9").unwrap();
        let v2 = toggle(&v, Key::Sdg, "4");
        assert_eq!(v2.to_string(), "sdg:4,9");
        assert_eq!(toggle(&v2, Key::Sdg, "9").to_string(), "sdg:4");
        let al = toggle(&View::default(), Key::Al, "C7-e-health");
        assert_eq!(al.to_string(), "al:C7-e-health");
        let st = toggle(&View::default(), Key::Status, "disputed");
        assert_eq!(apply(&s, &st).link_count(), 5);
        assert_eq!(
            toggle(&View::default(), Key::Year, "2017").to_string(),
            "year:2017"
        );
    }

    #[test]
    fn country_side_values_count_activities_once_each() {
        let s = load_bundled().unwrap();
        let v = parse("kind:nominee year:2015").unwrap();
        let regions = values(&s, &v, Key::Region);
        let total: usize = regions.iter().map(|f| f.count).sum();
        let with_country = s
            .activities()
            .iter()
            .filter(|a| a.year() == Some(2015) && !a.countries().is_empty())
            .count();
        assert_eq!(total, with_country, "one country each in 2015");
        let groups = values(&s, &v, Key::Group);
        assert!(groups.iter().any(|f| f.value == "ldc" && f.count > 0));
        let thai = values(&s, &v, Key::Country)
            .into_iter()
            .find(|f| f.value == "THA")
            .unwrap();
        assert_eq!((thai.label.as_str(), thai.count), ("Thailand", 14));
        let on = toggle(&v, Key::Country, "THA");
        assert_eq!(on.to_string(), "kind:nominee country:THA year:2015");
        assert!(is_selected(&on, Key::Country, "tha"));
        assert_eq!(toggle(&on, Key::Country, "THA"), v);
    }

    #[test]
    fn values_that_differ_only_in_case_are_one_value() {
        let counts: BTreeMap<String, usize> = [
            ("MINISTRY OF EDUCATION".to_string(), 1),
            ("Ministry of Education".to_string(), 7),
            ("ITU".to_string(), 2),
        ]
        .into_iter()
        .collect();
        let merged: Vec<(String, usize)> = merge_case(counts).into_iter().collect();
        assert_eq!(
            merged,
            [
                ("ITU".to_string(), 2),
                ("Ministry of Education".to_string(), 8)
            ]
        );
    }

    #[test]
    fn indicator_side_values_count_indicators() {
        let s = load_bundled().unwrap();
        let tiers = values(&s, &View::default(), Key::Tier);
        let count = |v: &str| tiers.iter().find(|f| f.value == v).map_or(0, |f| f.count);
        assert_eq!(count("unclassified"), 7);
        assert!(count("I") + count("II") >= 244);
        let itu = values(&s, &View::default(), Key::Custodian)
            .into_iter()
            .find(|f| f.value == "ITU")
            .unwrap();
        assert_eq!(itu.count, 5);
        assert_eq!(
            toggle(&View::default(), Key::Tier, "II").to_string(),
            "tier:II"
        );
    }

    #[test]
    fn status_values_count_links() {
        let s = load_bundled().unwrap();
        let vals = values(&s, &View::default(), Key::Status);
        let counts: Vec<(String, usize)> = vals.into_iter().map(|f| (f.value, f.count)).collect();
        assert_eq!(
            counts,
            [
                ("confirmed".into(), 122),
                ("partial".into(), 2),
                ("disputed".into(), 5)
            ]
        );
    }
}
