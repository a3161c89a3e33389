//! The Activities screen's state: the table's order under the view, its
//! sort, its cursor, and the panes beside it.

use super::super::panes::ListPanes;
use crate::snapshot::ActivityId;
use crate::tui::ctx::Ctx;
use crate::tui::layout::Cursor;

/// Activity table columns, in `s` cycling order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// By title.
    #[default]
    Title,
    /// By lead.
    Lead,
    /// By year.
    Year,
    /// By sector.
    Sector,
    /// By first SDG.
    Sdgs,
}

impl SortKey {
    /// The next column.
    pub fn next(self) -> Self {
        match self {
            SortKey::Title => SortKey::Lead,
            SortKey::Lead => SortKey::Year,
            SortKey::Year => SortKey::Sector,
            SortKey::Sector => SortKey::Sdgs,
            SortKey::Sdgs => SortKey::Title,
        }
    }
    /// The column's name, for the pane title.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Title => "title",
            SortKey::Lead => "lead",
            SortKey::Year => "year",
            SortKey::Sector => "sector",
            SortKey::Sdgs => "SDGs",
        }
    }
}

/// The Activities screen.
#[derive(Debug, Default)]
pub struct Activities {
    /// Activities in table order (those the view keeps).
    pub order: Vec<ActivityId>,
    /// The table cursor.
    pub cursor: Cursor,
    /// Sort column.
    pub sort: SortKey,
    /// Descending sort.
    pub desc: bool,
    /// The card and related list beside the table.
    pub panes: ListPanes,
}

impl Activities {
    /// The table under the view of `ctx`, sorted by title.
    pub fn new(ctx: &Ctx) -> Activities {
        let mut a = Activities::default();
        a.resort(ctx);
        a
    }

    /// Rebuilds the order after a change of sort or view.
    pub fn resort(&mut self, ctx: &Ctx) {
        let s = &ctx.snap;
        let empty = |a: ActivityId| {
            let x = s.activity(a);
            match self.sort {
                SortKey::Title => false,
                SortKey::Lead => x.lead().unwrap_or("").trim().is_empty(),
                SortKey::Year => x.year().is_none(),
                SortKey::Sector => x.sector().unwrap_or("").trim().is_empty(),
                SortKey::Sdgs => x.sdgs().is_empty(),
            }
        };
        // rows without a value for the sort column go last, either way
        // round, in id order (as a spreadsheet or VisiData puts blanks)
        let (mut order, mut blank): (Vec<ActivityId>, Vec<ActivityId>) = (0..s.activities().len()
            as u32)
            .map(ActivityId)
            .filter(|&a| ctx.sel().activity(a))
            .partition(|&a| !empty(a));
        // names sort as a reader expects (case, opening quotes ignored),
        // each key made once; ties by id as everywhere
        let by_name = |f: fn(&crate::snapshot::Activity) -> &str, order: &mut Vec<ActivityId>| {
            order.sort_by_cached_key(|&a| {
                let x = s.activity(a);
                (crate::collate::key(f(x)), x.id())
            });
        };
        match self.sort {
            SortKey::Title => by_name(|a| a.title(), &mut order),
            SortKey::Lead => by_name(|a| a.lead().unwrap_or(""), &mut order),
            key => order.sort_by(|&a, &b| {
                let (x, y) = (s.activity(a), s.activity(b));
                let ord = match key {
                    SortKey::Year => x.year().cmp(&y.year()),
                    SortKey::Sector => x.sector().cmp(&y.sector()),
                    _ => x.sdgs().cmp(&y.sdgs()),
                };
                ord.then_with(|| x.id().cmp(y.id()))
            }),
        }
        if self.desc {
            order.reverse();
        }
        blank.sort_by(|&a, &b| s.activity(a).id().cmp(s.activity(b).id()));
        order.extend(blank);
        self.order = order;
        self.cursor.clamp(self.order.len());
    }
}
