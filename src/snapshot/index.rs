//! Lookups and relations of a validated snapshot, built once.
//!
//! Every relation (SDG ↔ targets ↔ links ↔ rows ↔ activities) is stored in
//! both directions as a compressed adjacency list ([`Adjacency`]): one offsets
//! array and one items array per relation instead of a `Vec` per record, so a
//! million activities cost a few flat allocations and a lookup is two array
//! reads. Key lookups (code or id → record) are hash maps with foldhash, a
//! randomly seeded hash several times faster than std's SipHash on short keys.

use std::hash::BuildHasher;

use foldhash::HashMap;
use foldhash::fast::RandomState;

use super::adjacency::{Adjacency, PARALLEL_RELATIONS_FROM, all_activity_relations};
use super::country::name_key;
use super::model::{
    ActionLine, Activity, ActivityId, Country, CountryId, Indicator, IndicatorId, LineId, Link,
    LinkId, Sdg, SourceId, TargetId,
};

/// A string-keyed map for many keys (activity ids) that keeps every key in
/// one arena instead of one heap string per key: an open-addressing table
/// with a randomly seeded hash (foldhash, like the other maps of the
/// index), so crafted ids cannot force collisions. Each slot holds the entry number and the top half of
/// its key's hash, so probing and growing rarely touch the keys themselves.
/// A million ids cost a few flat allocations to build and to free.
#[derive(Debug, Default)]
pub(crate) struct IdMap<V> {
    hasher: RandomState,
    /// `hash >> 32 << 32 | entry + 1`, or 0 for an empty slot; the length is
    /// a power of two.
    slots: Vec<u64>,
    /// (start, end) of each key in `arena`, and its value.
    entries: Vec<(u32, u32, V)>,
    arena: String,
}

const ENTRY: u64 = u32::MAX as u64;

impl<V: Copy> IdMap<V> {
    /// Makes room for `n` more keys of `bytes` bytes in all.
    pub(crate) fn reserve(&mut self, n: usize, bytes: usize) {
        self.entries.reserve(n);
        self.arena.reserve(bytes);
        self.grow_to(self.entries.len() + n);
    }

    fn grow_to(&mut self, keys: usize) {
        let want = (keys * 2).next_power_of_two().max(16);
        if want <= self.slots.len() {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![0; want]);
        let mask = want - 1;
        for slot in old.into_iter().filter(|&s| s != 0) {
            let mut at = (slot >> 32) as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }

    fn hash(&self, key: &str) -> u64 {
        self.hasher.hash_one(key) & !ENTRY
    }

    /// `Ok(slot)` of `key`, or `Err(slot)` of the empty slot where it goes.
    fn probe(&self, key: &str, hash: u64) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut at = (hash >> 32) as usize & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                s if s & !ENTRY == hash => {
                    let (a, b, _) = self.entries[(s & ENTRY) as usize - 1];
                    if &self.arena[a as usize..b as usize] == key {
                        return Ok(at);
                    }
                }
                _ => {}
            }
            at = (at + 1) & mask;
        }
    }

    /// Inserts `key`; like `HashMap::insert`, returns the value it replaced.
    pub(crate) fn insert(&mut self, key: &str, value: V) -> Option<V> {
        self.grow_to(self.entries.len() + 1);
        let hash = self.hash(key);
        match self.probe(key, hash) {
            Ok(at) => {
                let e = &mut self.entries[(self.slots[at] & ENTRY) as usize - 1];
                Some(std::mem::replace(&mut e.2, value))
            }
            Err(at) => {
                // Keys live in a snapshot of at most 1 GiB: offsets fit.
                let start = self.arena.len() as u32;
                self.arena.push_str(key);
                self.entries.push((start, self.arena.len() as u32, value));
                self.slots[at] = hash | self.entries.len() as u64;
                None
            }
        }
    }

    /// Reads the slot where each of `keys` would start probing, all before
    /// any is inserted: the reads are independent, so the processor waits
    /// for their cache misses together instead of one insert at a time (a
    /// table of a million ids is far larger than the caches).
    pub(crate) fn touch<'k>(&self, keys: impl Iterator<Item = &'k str>) {
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut any = 0;
        for key in keys {
            any |= self.slots[(self.hash(key) >> 32) as usize & mask];
        }
        std::hint::black_box(any);
    }

    /// The value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let at = self.probe(key, self.hash(key)).ok()?;
        Some(self.entries[(self.slots[at] & ENTRY) as usize - 1].2)
    }
}

/// Country names folded by [`name_key`], for lookups by name.
#[derive(Debug, Default)]
pub(crate) struct CountryNames {
    /// Folded name → country; `None` when two countries share it.
    pub by_name: HashMap<String, Option<CountryId>>,
    /// (name, first country, second country) for each shared name, in file order.
    pub clashes: Vec<(String, CountryId, CountryId)>,
}

impl CountryNames {
    pub(crate) fn new(countries: &[Country]) -> CountryNames {
        let mut out = CountryNames::default();
        for (i, c) in countries.iter().enumerate() {
            let id = CountryId(i as u32);
            for name in c.all_names() {
                let key = name_key(name);
                match out.by_name.get_mut(&key) {
                    None => {
                        out.by_name.insert(key, Some(id));
                    }
                    Some(Some(other)) if *other == id => {}
                    Some(seen) => {
                        if let Some(first) = seen.take() {
                            out.clashes.push((key, first, id));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Id and relation lookups over a snapshot.
#[derive(Debug, Default)]
pub struct Index {
    sdg_pos: [Option<u8>; 18],
    rows: Vec<LineId>,
    /// Position of each line among the Matrix rows.
    row_pos: Vec<Option<u16>>,
    pub(crate) target_by_code: HashMap<String, TargetId>,
    pub(crate) line_by_id: HashMap<String, LineId>,
    pub(crate) activity_by_id: IdMap<ActivityId>,
    pub(crate) source_by_id: HashMap<String, SourceId>,
    pub(crate) indicator_by_code: HashMap<String, IndicatorId>,
    pub(crate) country_by_code: HashMap<String, CountryId>,
    /// Folded names ([`name_key`]) → country (`None` when two countries
    /// share the name), built on first use: loading never pays for it.
    pub(crate) country_by_name: std::sync::OnceLock<CountryNames>,
    indicators_by_unsd: HashMap<String, Vec<IndicatorId>>,
    links_by_sdg: Adjacency<LinkId>,
    links_by_target: Adjacency<LinkId>,
    links_by_line: Adjacency<LinkId>,
    links_by_cell: Adjacency<LinkId>,
    activities_by_sdg: Adjacency<ActivityId>,
    activities_by_target: Adjacency<ActivityId>,
    activities_by_line: Adjacency<ActivityId>,
    activities_by_cell: Adjacency<ActivityId>,
    activities_by_country: Adjacency<ActivityId>,
    indicators_by_target: Adjacency<IndicatorId>,
}

/// The records an index is built from.
pub(crate) struct Parts<'a> {
    pub sdgs: &'a [Sdg],
    pub targets: usize,
    pub indicators: &'a [Indicator],
    pub lines: &'a [ActionLine],
    pub links: &'a [Link],
    pub countries: &'a [Country],
    pub activities: &'a [Activity],
}

impl Index {
    /// Builds relations; the key maps are filled during validation.
    pub(crate) fn build_relations(&mut self, p: Parts<'_>) {
        for (i, sdg) in p.sdgs.iter().enumerate() {
            self.sdg_pos[sdg.number as usize] = Some(i as u8);
        }
        self.rows = p
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.children.is_empty())
            .map(|(i, _)| LineId(i as u32))
            .collect();
        self.row_pos = vec![None; p.lines.len()];
        for (pos, row) in self.rows.iter().enumerate() {
            self.row_pos[row.ix()] = Some(pos as u16);
        }
        let cells = self.rows.len() * 18;
        let links = || {
            p.links
                .iter()
                .enumerate()
                .map(|(i, l)| (LinkId(i as u32), l))
        };
        self.links_by_sdg = Adjacency::build(18, links().map(|(id, l)| (l.sdg as usize, id)));
        self.links_by_target = Adjacency::build(
            p.targets,
            links().flat_map(|(id, l)| l.targets.iter().map(move |t| (t.ix(), id))),
        );
        self.links_by_line = Adjacency::build(
            p.lines.len(),
            links().map(|(id, l)| (l.action_line.ix(), id)),
        );
        let row_pos = &self.row_pos;
        let cell =
            move |line: LineId, sdg: u8| row_pos[line.ix()].map(|r| r as usize * 18 + sdg as usize);
        self.links_by_cell = Adjacency::build(
            cells,
            links().filter_map(|(id, l)| cell(l.action_line, l.sdg).map(|c| (c, id))),
        );
        let keys = [18, p.targets, p.lines.len(), cells, p.countries.len()];
        let parallel = p.activities.len() >= PARALLEL_RELATIONS_FROM;
        [
            self.activities_by_sdg,
            self.activities_by_target,
            self.activities_by_line,
            self.activities_by_cell,
            self.activities_by_country,
        ] = all_activity_relations(p.activities, keys, cell, parallel);
        self.indicators_by_unsd.reserve(p.indicators.len());
        for (i, ind) in p.indicators.iter().enumerate() {
            if let Some(code) = &ind.unsd_code {
                self.indicators_by_unsd
                    .entry(code.clone())
                    .or_default()
                    .push(IndicatorId(i as u32));
            }
        }

        self.indicators_by_target = Adjacency::build(
            p.targets,
            p.indicators
                .iter()
                .enumerate()
                .map(|(i, ind)| (ind.target.ix(), IndicatorId(i as u32))),
        );
    }

    /// Position of goal `number` in `Snapshot::sdgs`.
    pub fn sdg_pos(&self, number: u8) -> Option<usize> {
        self.sdg_pos
            .get(number as usize)
            .copied()
            .flatten()
            .map(usize::from)
    }
    /// The Matrix rows (leaf lines) in file order.
    pub fn rows(&self) -> &[LineId] {
        &self.rows
    }
    /// Position of a line among the Matrix rows, if it is a row.
    pub fn row_pos(&self, line: LineId) -> Option<usize> {
        self.row_pos
            .get(line.ix())
            .copied()
            .flatten()
            .map(usize::from)
    }
    /// A target by its code.
    pub fn target(&self, code: &str) -> Option<TargetId> {
        self.target_by_code.get(code).copied()
    }
    /// An Action Line by its id.
    pub fn line(&self, id: &str) -> Option<LineId> {
        self.line_by_id.get(id).copied()
    }
    /// An activity by its id.
    pub fn activity(&self, id: &str) -> Option<ActivityId> {
        self.activity_by_id.get(id)
    }
    /// A source by its id.
    pub fn source(&self, id: &str) -> Option<SourceId> {
        self.source_by_id.get(id).copied()
    }
    /// An indicator by its code.
    pub fn indicator(&self, code: &str) -> Option<IndicatorId> {
        self.indicator_by_code.get(code).copied()
    }
    /// Links to goal `sdg`.
    pub fn links_of_sdg(&self, sdg: u8) -> &[LinkId] {
        self.links_by_sdg.get(sdg as usize)
    }
    /// Links naming target `t`.
    pub fn links_of_target(&self, t: TargetId) -> &[LinkId] {
        self.links_by_target.get(t.ix())
    }
    /// Links of line `l`.
    pub fn links_of_line(&self, l: LineId) -> &[LinkId] {
        self.links_by_line.get(l.ix())
    }
    /// Links at Matrix cell (row line, goal).
    pub fn links_at(&self, line: LineId, sdg: u8) -> &[LinkId] {
        self.cell(line, sdg)
            .map_or(&[], |c| self.links_by_cell.get(c))
    }
    /// Activities serving goal `sdg`.
    pub fn activities_of_sdg(&self, sdg: u8) -> &[ActivityId] {
        self.activities_by_sdg.get(sdg as usize)
    }
    /// Activities naming target `t`.
    pub fn activities_of_target(&self, t: TargetId) -> &[ActivityId] {
        self.activities_by_target.get(t.ix())
    }
    /// Activities tagged with line `l` itself (not its sub-lines).
    pub fn activities_of_line(&self, l: LineId) -> &[ActivityId] {
        self.activities_by_line.get(l.ix())
    }
    /// Activities tagged with row `line` that serve goal `sdg`.
    pub fn activities_at(&self, line: LineId, sdg: u8) -> &[ActivityId] {
        self.cell(line, sdg)
            .map_or(&[], |c| self.activities_by_cell.get(c))
    }
    /// Indicators measuring target `t`.
    pub fn indicators_of_target(&self, t: TargetId) -> &[IndicatorId] {
        self.indicators_by_target.get(t.ix())
    }
    /// The indicators with UNSD code `code`, in file order (more than one
    /// when an indicator is repeated under several targets).
    pub fn indicators_with_code(&self, code: &str) -> &[IndicatorId] {
        self.indicators_by_unsd.get(code).map_or(&[], Vec::as_slice)
    }
    /// A country by its ISO alpha-3 code (exact).
    pub fn country(&self, code: &str) -> Option<CountryId> {
        self.country_by_code.get(code).copied()
    }
    /// Activities working in country `c`.
    pub fn activities_of_country(&self, c: CountryId) -> &[ActivityId] {
        self.activities_by_country.get(c.ix())
    }

    fn cell(&self, line: LineId, sdg: u8) -> Option<usize> {
        if sdg as usize >= 18 {
            return None;
        }
        self.row_pos(line).map(|r| r * 18 + sdg as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;

    #[test]
    fn id_map_finds_inserts_and_replaces() {
        let mut m = IdMap::default();
        assert_eq!(m.get("a"), None);
        for i in 0..1000u32 {
            assert_eq!(m.insert(&format!("id-{i}"), i), None);
        }
        assert_eq!(m.insert("id-7", 70), Some(7));
        assert_eq!(m.get("id-7"), Some(70));
        assert_eq!(m.get("id-999"), Some(999));
        assert_eq!(m.get("id-1000"), None);
        assert_eq!(m.get(""), None);
        m.reserve(5000, 50_000);
        assert_eq!(m.get("id-500"), Some(500));
    }
}
