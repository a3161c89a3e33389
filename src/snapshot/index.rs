//! Lookups and relations of a validated snapshot, built once.
//!
//! Every relation (SDG ↔ targets ↔ links ↔ rows ↔ activities) is stored in
//! both directions as a compressed adjacency list ([`Adjacency`]): one offsets
//! array and one items array per relation instead of a `Vec` per record, so a
//! million activities cost a few flat allocations and a lookup is two array
//! reads. Key lookups (code or id → record) are hash maps.

use std::collections::HashMap;

use super::model::{
    ActionLine, Activity, ActivityId, Indicator, IndicatorId, LineId, Link, LinkId, Sdg, SourceId,
    TargetId,
};

/// A compressed one-to-many relation from dense keys `0..n` to items.
#[derive(Debug, Clone, Default)]
pub struct Adjacency<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy> Adjacency<T> {
    /// Builds the relation for keys `0..keys` from (key, item) pairs; items of a
    /// key keep the order the pairs came in.
    pub fn build(keys: usize, pairs: impl Iterator<Item = (usize, T)> + Clone) -> Self {
        let mut counts = vec![0u32; keys + 1];
        for (k, _) in pairs.clone() {
            counts[k + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let offsets = counts.clone();
        let mut fill = counts;
        let mut items: Vec<Option<T>> = vec![None; offsets[keys] as usize];
        for (k, item) in pairs {
            items[fill[k] as usize] = Some(item);
            fill[k] += 1;
        }
        Self {
            offsets,
            items: items.into_iter().flatten().collect(),
        }
    }

    /// The items related to `key` (empty for an unknown key).
    pub fn get(&self, key: usize) -> &[T] {
        match (self.offsets.get(key), self.offsets.get(key + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
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
    pub(crate) activity_by_id: HashMap<String, ActivityId>,
    pub(crate) source_by_id: HashMap<String, SourceId>,
    pub(crate) indicator_by_code: HashMap<String, IndicatorId>,
    links_by_sdg: Adjacency<LinkId>,
    links_by_target: Adjacency<LinkId>,
    links_by_line: Adjacency<LinkId>,
    links_by_cell: Adjacency<LinkId>,
    activities_by_sdg: Adjacency<ActivityId>,
    activities_by_target: Adjacency<ActivityId>,
    activities_by_line: Adjacency<ActivityId>,
    activities_by_cell: Adjacency<ActivityId>,
    indicators_by_target: Adjacency<IndicatorId>,
}

/// The records an index is built from.
pub(crate) struct Parts<'a> {
    pub sdgs: &'a [Sdg],
    pub targets: usize,
    pub indicators: &'a [Indicator],
    pub lines: &'a [ActionLine],
    pub links: &'a [Link],
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
        let acts = || {
            p.activities
                .iter()
                .enumerate()
                .map(|(i, a)| (ActivityId(i as u32), a))
        };
        self.activities_by_sdg = Adjacency::build(
            18,
            acts().flat_map(|(id, a)| a.sdgs.iter().map(move |&s| (s as usize, id))),
        );
        self.activities_by_target = Adjacency::build(
            p.targets,
            acts().flat_map(|(id, a)| a.targets.iter().map(move |t| (t.ix(), id))),
        );
        self.activities_by_line = Adjacency::build(
            p.lines.len(),
            acts().flat_map(|(id, a)| a.action_lines.iter().map(move |l| (l.ix(), id))),
        );
        self.activities_by_cell = Adjacency::build(
            cells,
            acts().flat_map(move |(id, a)| {
                a.action_lines.iter().flat_map(move |&l| {
                    a.sdgs
                        .iter()
                        .filter_map(move |&s| cell(l, s).map(|c| (c, id)))
                })
            }),
        );
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
        self.activity_by_id.get(id).copied()
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

    fn cell(&self, line: LineId, sdg: u8) -> Option<usize> {
        if sdg as usize >= 18 {
            return None;
        }
        self.row_pos(line).map(|r| r * 18 + sdg as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::Adjacency;

    #[test]
    fn adjacency_groups_items_by_key_in_order() {
        let pairs = [(2usize, 'a'), (0, 'b'), (2, 'c'), (1, 'd')];
        let adj = Adjacency::build(4, pairs.iter().copied());
        assert_eq!(adj.get(0), &['b']);
        assert_eq!(adj.get(1), &['d']);
        assert_eq!(adj.get(2), &['a', 'c']);
        assert_eq!(adj.get(3), &[] as &[char]);
        assert_eq!(adj.get(99), &[] as &[char]);
    }
}
