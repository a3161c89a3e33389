//! The facets that judge a record by something it reaches rather than by
//! its own fields: indicators (`indicator`, `custodian`, `tier`), judged
//! through the targets they measure, and countries (`country`, `region`,
//! `subregion`, `group`), judged through the countries an activity names.
//!
//! Each side is resolved once per view into flags per indicator (country)
//! and then per target (country): a record *includes* when one of its
//! targets (countries) has an indicator (is a country) passing every
//! include of the side at once — `custodian:ITU tier:II` means one
//! indicator that is both — and is *excluded* when any of them has an
//! excluded value, as `-target:` drops a record that has the target.

use super::{Facet, View};
use crate::snapshot::country::place_key;
use crate::snapshot::{Country, Indicator, Snapshot};

/// Membership flags over ids `0..n`: an optional include set and an exclude set.
#[derive(Debug, Clone)]
pub(super) struct Flags {
    include: Option<Vec<bool>>,
    exclude: Vec<bool>,
}

impl Flags {
    /// Whether a record with these ids passes: one included (when an
    /// include is active) and none excluded.
    pub(super) fn passes(&self, ids: impl Iterator<Item = usize> + Clone) -> bool {
        let has = |v: &[bool]| ids.clone().any(|i| v.get(i).copied().unwrap_or(false));
        self.include.as_deref().is_none_or(has) && !has(&self.exclude)
    }
    /// Whether an include is active.
    pub(super) fn includes(&self) -> bool {
        self.include.is_some()
    }
    /// Whether id `i` is included (true when no include is active).
    pub(super) fn included(&self, i: usize) -> bool {
        self.include
            .as_deref()
            .is_none_or(|v| v.get(i).copied().unwrap_or(false))
    }
}

fn lower(f: &Facet<String>) -> (Vec<String>, Vec<String>) {
    let low = |v: &[String]| v.iter().map(|x| x.to_lowercase()).collect();
    (low(&f.include), low(&f.exclude))
}

/// Whether any of `have` (lowercased on the fly) is among `want`.
fn any_of(want: &[String], have: &[String]) -> bool {
    have.iter().any(|h| want.contains(&h.to_lowercase()))
}

/// The indicator side of a view, resolved against a snapshot.
#[derive(Debug, Clone)]
pub(super) struct IndicatorSide {
    /// Per indicator.
    pub indicators: Flags,
    /// Per target: through the indicators measuring it.
    pub targets: Flags,
    /// Whether any of `indicator`, `custodian`, `tier` is active.
    pub active: bool,
}

impl IndicatorSide {
    pub(super) fn new(s: &Snapshot, v: &View) -> IndicatorSide {
        let active = !(v.indicator.is_empty() && v.custodian.is_empty() && v.tier.is_empty());
        let (code_in, code_out) = lower(&v.indicator);
        let (cust_in, cust_out) = lower(&v.custodian);
        let own = |i: &Indicator| {
            let code = i.code.to_lowercase();
            let inc = (code_in.is_empty() || code_in.contains(&code))
                && (cust_in.is_empty() || any_of(&cust_in, &i.custodians))
                && (v.tier.include.is_empty() || v.tier.include.iter().any(|t| t.holds(&i.tier)));
            let exc = code_out.contains(&code)
                || any_of(&cust_out, &i.custodians)
                || v.tier.exclude.iter().any(|t| t.holds(&i.tier));
            (inc, exc)
        };
        let flags: Vec<(bool, bool)> = s.indicators().iter().map(own).collect();
        let any_include = !(v.indicator.include.is_empty()
            && v.custodian.include.is_empty()
            && v.tier.include.is_empty());
        let indicators = Flags {
            include: any_include.then(|| flags.iter().map(|f| f.0).collect()),
            exclude: flags.iter().map(|f| f.1).collect(),
        };
        let n = s.targets().len();
        let mut t_in = vec![false; n];
        let mut t_out = vec![false; n];
        for (i, ind) in s.indicators().iter().enumerate() {
            let t = ind.target.ix();
            t_in[t] |= indicators.included(i);
            t_out[t] |= flags[i].1;
        }
        IndicatorSide {
            targets: Flags {
                include: any_include.then_some(t_in),
                exclude: t_out,
            },
            indicators,
            active,
        }
    }
}

/// The country side of a view, resolved against a snapshot.
#[derive(Debug, Clone)]
pub(super) struct CountrySide {
    /// Per country.
    pub countries: Flags,
}

impl CountrySide {
    pub(super) fn new(s: &Snapshot, v: &View) -> CountrySide {
        let resolve = |vals: &[String]| -> Vec<usize> {
            vals.iter()
                .filter_map(|x| s.country_named(x))
                .map(|c| c.ix())
                .collect()
        };
        let (named_in, named_out) = (resolve(&v.country.include), resolve(&v.country.exclude));
        let places = |vals: &[String]| vals.iter().map(|x| place_key(x)).collect::<Vec<_>>();
        let (reg_in, reg_out) = (places(&v.region.include), places(&v.region.exclude));
        let (sub_in, sub_out) = (places(&v.subregion.include), places(&v.subregion.exclude));
        let (grp_in, grp_out) = lower(&v.group);
        let region = |c: &Country, want: &[String]| {
            c.region
                .as_deref()
                .is_some_and(|r| want.contains(&place_key(r)))
        };
        let sub = |c: &Country, want: &[String]| {
            [&c.subregion, &c.intermediate_region]
                .into_iter()
                .flatten()
                .any(|r| want.contains(&place_key(r)))
        };
        let flags: Vec<(bool, bool)> = s
            .countries()
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let inc = (v.country.include.is_empty() || named_in.contains(&i))
                    && (reg_in.is_empty() || region(c, &reg_in))
                    && (sub_in.is_empty() || sub(c, &sub_in))
                    && (grp_in.is_empty() || any_of(&grp_in, &c.groups));
                let exc = named_out.contains(&i)
                    || region(c, &reg_out)
                    || sub(c, &sub_out)
                    || any_of(&grp_out, &c.groups);
                (inc, exc)
            })
            .collect();
        let any_include = !(v.country.include.is_empty()
            && v.region.include.is_empty()
            && v.subregion.include.is_empty()
            && v.group.include.is_empty());
        CountrySide {
            countries: Flags {
                include: any_include.then(|| flags.iter().map(|f| f.0).collect()),
                exclude: flags.iter().map(|f| f.1).collect(),
            },
        }
    }
}
