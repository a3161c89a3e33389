//! What the Countries screen lists: the UN regions, each opening into its
//! countries, with how many activities of the view name each — counted once
//! per view change, not per frame, so the screen stays as fast with 100k
//! activities as with the bundled ones.

use std::collections::BTreeSet;

use crate::selection::Selection;
use crate::snapshot::{ActivityId, CountryId, Snapshot};
use crate::tui::layout::Cursor;
use crate::tui::screens::panes::ListPanes;

/// The name the screen gives the countries M49 puts in no region.
pub const NO_REGION: &str = "No UN region";

/// A UN region and its countries (by name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// `Africa`, `Americas` … or [`NO_REGION`].
    pub name: String,
    /// Its countries, by name.
    pub countries: Vec<CountryId>,
}

/// A row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A region (index into [`Countries::regions`]).
    Region(usize),
    /// A country of an open region.
    Country(CountryId),
}

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CountrySort {
    /// Regions and countries by name.
    #[default]
    Name,
    /// By activities in the view, most first (ties by name).
    Activities,
}

impl CountrySort {
    /// The other order.
    pub fn next(self) -> CountrySort {
        match self {
            CountrySort::Name => CountrySort::Activities,
            CountrySort::Activities => CountrySort::Name,
        }
    }
    /// `by name`, `by activities`.
    pub fn name(self) -> &'static str {
        match self {
            CountrySort::Name => "by name",
            CountrySort::Activities => "by activities",
        }
    }
}

/// Counts under one selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Activities of the view naming each country (by country id).
    pub country: Vec<u32>,
    /// Distinct activities of the view naming a country of each region.
    pub region: Vec<u32>,
    /// Countries of each region the view lists.
    pub listed: Vec<u32>,
}

impl Counts {
    /// The counts of `regions` under `sel`: one pass over what the
    /// countries' activity lists hold.
    pub fn new(s: &Snapshot, regions: &[Region], sel: &Selection) -> Counts {
        let ix = s.index();
        let country: Vec<u32> = (0..s.countries().len() as u32)
            .map(|c| {
                ix.activities_of_country(CountryId(c))
                    .iter()
                    .filter(|&&a| sel.activity(a))
                    .count() as u32
            })
            .collect();
        let mut region = Vec::with_capacity(regions.len());
        let mut listed = Vec::with_capacity(regions.len());
        let mut acts: Vec<ActivityId> = Vec::new();
        for r in regions {
            acts.clear();
            for &c in &r.countries {
                acts.extend(
                    ix.activities_of_country(c)
                        .iter()
                        .filter(|&&a| sel.activity(a)),
                );
            }
            acts.sort_unstable();
            acts.dedup();
            region.push(acts.len() as u32);
            listed.push(r.countries.iter().filter(|&&c| sel.country(c)).count() as u32);
        }
        Counts {
            country,
            region,
            listed,
        }
    }
}

/// The Countries screen's own state.
#[derive(Debug)]
pub struct Countries {
    /// The regions of the snapshot's countries, by name, [`NO_REGION`] last.
    pub regions: Vec<Region>,
    /// Counts under the current view.
    pub counts: Counts,
    /// Counts of the whole snapshot (for "N (M in this view)").
    pub totals: Counts,
    /// Open regions, by name.
    pub open: BTreeSet<String>,
    /// The order of the list.
    pub sort: CountrySort,
    /// The cursor over the rows.
    pub cursor: Cursor,
    /// The card and related list beside the list.
    pub panes: ListPanes,
}

/// The regions of `s`'s countries, by name ([`NO_REGION`] last), each with
/// its countries by name.
pub fn regions(s: &Snapshot) -> Vec<Region> {
    let mut by: std::collections::BTreeMap<String, Vec<CountryId>> = Default::default();
    let mut none = Vec::new();
    for (i, c) in s.countries().iter().enumerate() {
        let id = CountryId(i as u32);
        match &c.region {
            Some(r) => by.entry(r.clone()).or_default().push(id),
            None => none.push(id),
        }
    }
    let mut out: Vec<Region> = by
        .into_iter()
        .map(|(name, countries)| Region { name, countries })
        .collect();
    if !none.is_empty() {
        out.push(Region {
            name: NO_REGION.to_string(),
            countries: none,
        });
    }
    for r in &mut out {
        r.countries
            .sort_by_cached_key(|&c| s.country(c).name.to_lowercase());
    }
    out
}

impl Countries {
    /// The screen under the view of `s` and `sel`, every region closed.
    pub fn with(s: &Snapshot, sel: &Selection) -> Countries {
        let regions = regions(s);
        let all = Selection::all(s);
        Countries {
            counts: Counts::new(s, &regions, sel),
            totals: Counts::new(s, &regions, &all),
            regions,
            open: BTreeSet::new(),
            sort: CountrySort::default(),
            cursor: Cursor::default(),
            panes: ListPanes::default(),
        }
    }

    /// Recounts under `sel` (and re-reads the regions of a reloaded `s`).
    pub fn recount(&mut self, s: &Snapshot, sel: &Selection) {
        let regions = regions(s);
        if regions != self.regions {
            self.totals = Counts::new(s, &regions, &Selection::all(s));
            self.regions = regions;
        }
        self.counts = Counts::new(s, &self.regions, sel);
    }

    /// The rows: every region with a country the view lists and, under an
    /// open one, those countries, in the list's order.
    pub fn rows(&self, sel: &Selection) -> Vec<Row> {
        self.rows_in(sel, false)
    }

    /// [`Countries::rows`], as if every region were open when `all_open`.
    pub fn rows_in(&self, sel: &Selection, all_open: bool) -> Vec<Row> {
        let mut order: Vec<usize> = (0..self.regions.len())
            .filter(|&r| self.counts.listed.get(r).copied().unwrap_or(0) > 0)
            .collect();
        if self.sort == CountrySort::Activities {
            // stable: ties keep the order by name
            order.sort_by_key(|&r| std::cmp::Reverse(self.counts.region[r]));
        }
        let mut out = Vec::new();
        for r in order {
            out.push(Row::Region(r));
            let region = &self.regions[r];
            if !all_open && !self.open.contains(&region.name) {
                continue;
            }
            let mut cs: Vec<CountryId> = region
                .countries
                .iter()
                .copied()
                .filter(|&c| sel.country(c))
                .collect();
            if self.sort == CountrySort::Activities {
                cs.sort_by_key(|c| std::cmp::Reverse(self.counts.country[c.ix()]));
            }
            out.extend(cs.into_iter().map(Row::Country));
        }
        out
    }

    /// The region a country is in.
    pub fn region_of(&self, c: CountryId) -> Option<usize> {
        self.regions.iter().position(|r| r.countries.contains(&c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;

    fn names(s: &Snapshot, m: &Countries, sel: &Selection) -> Vec<String> {
        m.rows(sel)
            .into_iter()
            .map(|r| match r {
                Row::Region(i) => m.regions[i].name.clone(),
                Row::Country(c) => format!("  {}", s.country(c).code),
            })
            .collect()
    }

    #[test]
    fn regions_open_into_their_countries_with_counts_under_the_view() {
        let s = load_bundled().unwrap();
        let all = Selection::all(&s);
        let mut m = Countries::with(&s, &all);
        let top = names(&s, &m, &all);
        assert_eq!(
            top,
            ["Africa", "Americas", "Asia", "Europe", "Oceania", NO_REGION]
        );
        // every country is in exactly one region
        let n: usize = m.regions.iter().map(|r| r.countries.len()).sum();
        assert_eq!(n, s.countries().len());
        m.open.insert("Asia".into());
        let rows = names(&s, &m, &all);
        assert!(rows.contains(&"  THA".to_string()));
        let tha = s.index().country("THA").unwrap();
        assert_eq!(
            m.counts.country[tha.ix()] as usize,
            s.index().activities_of_country(tha).len()
        );
        // under a view: only what it lists, counted under it
        let v = crate::view::parse("year:2015").unwrap();
        let sel = crate::view::apply(&s, &v);
        m.recount(&s, &sel);
        let tha_2015 = s
            .index()
            .activities_of_country(tha)
            .iter()
            .filter(|&&a| s.activity(a).year() == Some(2015))
            .count();
        assert_eq!(m.counts.country[tha.ix()] as usize, tha_2015);
        assert!(m.counts.country[tha.ix()] < m.totals.country[tha.ix()]);
    }

    #[test]
    fn a_region_counts_an_activity_naming_two_of_its_countries_once() {
        let s = load_bundled().unwrap();
        let all = Selection::all(&s);
        let m = Countries::with(&s, &all);
        for (r, region) in m.regions.iter().enumerate() {
            let acts: Vec<ActivityId> = (0..s.activities().len() as u32)
                .map(ActivityId)
                .filter(|&a| {
                    s.activity(a)
                        .countries()
                        .iter()
                        .any(|c| region.countries.contains(c))
                })
                .collect();
            assert_eq!(m.counts.region[r] as usize, acts.len(), "{}", region.name);
            let sum: u32 = region
                .countries
                .iter()
                .map(|c| m.counts.country[c.ix()])
                .sum();
            assert!(m.counts.region[r] <= sum);
        }
    }

    #[test]
    fn the_activity_order_puts_the_most_named_first() {
        let s = load_bundled().unwrap();
        let all = Selection::all(&s);
        let mut m = Countries::with(&s, &all);
        m.sort = CountrySort::Activities;
        m.open.insert("Asia".into());
        let rows = m.rows(&all);
        let counts: Vec<u32> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Country(c) => Some(m.counts.country[c.ix()]),
                Row::Region(_) => None,
            })
            .collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        let regions: Vec<u32> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Region(i) => Some(m.counts.region[*i]),
                Row::Country(_) => None,
            })
            .collect();
        assert!(regions.windows(2).all(|w| w[0] >= w[1]), "{regions:?}");
    }
}
