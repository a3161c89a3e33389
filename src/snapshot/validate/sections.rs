//! Validation of the sections the others refer to: metadata and sources,
//! goals and their targets, indicators and Action Lines.

use super::{Validator, clean, is_iso_date, parse_color, target_goal};
use crate::sanitize::Lines;
use crate::snapshot::model::*;
use crate::snapshot::raw::*;

impl Validator {
    pub(super) fn meta(&mut self, m: RawMeta) -> Meta {
        let title = self.required("meta.title", m.title, Lines::Single);
        if !is_iso_date(&m.snapshot_date) {
            self.err(
                "meta.snapshot_date",
                format!(
                    "expected a date YYYY-MM-DD, found \"{}\"",
                    clean(&m.snapshot_date)
                ),
            );
        }
        let snapshot_date = self.text("meta.snapshot_date", m.snapshot_date, Lines::Single);
        let mut sources = Vec::with_capacity(m.sources.len());
        self.index.source_by_id.reserve(m.sources.len());
        for (i, s) in m.sources.into_iter().enumerate() {
            let path = format!("meta.sources[{i}]");
            self.unique_id(format_args!("{path}.id"), "source", &s.id, |ix| {
                ix.source_by_id
                    .insert(s.id.clone(), SourceId(i as u32))
                    .is_none()
            });
            let title = self.required(format_args!("{path}.title"), s.title, Lines::Single);
            let url = self.opt(format_args!("{path}.url"), s.url);
            sources.push(Source {
                id: s.id,
                title,
                url,
            });
        }
        let notes = m.notes.map(|n| self.text("meta.notes", n, Lines::Multi));
        Meta {
            title,
            snapshot_date,
            sources,
            notes,
        }
    }

    pub(super) fn sdgs(&mut self, raw: Vec<RawSdg>) -> (Vec<Sdg>, Vec<Target>) {
        let mut raw: Vec<(usize, RawSdg)> = raw.into_iter().enumerate().collect();
        raw.sort_by_key(|(_, s)| s.number);
        let mut sdgs = Vec::with_capacity(raw.len());
        let count = raw.iter().map(|(_, s)| s.targets.len()).sum();
        let mut targets = Vec::with_capacity(count);
        self.index.target_by_code.reserve(count);
        for (i, s) in raw {
            let path = format!("sdgs[{i}]");
            if !(1..=17).contains(&s.number) {
                self.err(
                    format!("{path}.number"),
                    format!("expected a goal number from 1 to 17, found {}", s.number),
                );
                continue;
            }
            if self.sdg_numbers.contains(s.number) {
                self.err(
                    format!("{path}.number"),
                    format!("SDG {} appears more than once", s.number),
                );
                continue;
            }
            self.sdg_numbers.insert(s.number);
            let color = parse_color(&s.color).unwrap_or_else(|| {
                self.err(
                    format!("{path}.color"),
                    format!("expected a colour #RRGGBB, found \"{}\"", clean(&s.color)),
                );
                Rgb(128, 128, 128)
            });
            let short_name = self.required(
                format_args!("{path}.short_name"),
                s.short_name,
                Lines::Single,
            );
            let title = self.required(format_args!("{path}.title"), s.title, Lines::Single);
            let mut ids = Vec::with_capacity(s.targets.len());
            for (j, t) in s.targets.into_iter().enumerate() {
                let tpath = format!("{path}.targets[{j}]");
                match target_goal(&t.code) {
                    None => self.err(
                        format!("{tpath}.code"),
                        format!(
                            "\"{}\" is not a target code like 9.1 or 9.c",
                            clean(&t.code)
                        ),
                    ),
                    Some(g) if g != s.number => self.err(
                        format!("{tpath}.code"),
                        format!(
                            "target {} is listed under SDG {} but belongs to SDG {g}",
                            t.code, s.number
                        ),
                    ),
                    Some(_) => {}
                }
                let id = TargetId(targets.len() as u32);
                if self
                    .index
                    .target_by_code
                    .insert(t.code.clone(), id)
                    .is_some()
                {
                    self.err(
                        format!("{tpath}.code"),
                        format!("duplicate target code \"{}\"", clean(&t.code)),
                    );
                }
                let text = self.required(format_args!("{tpath}.text"), t.text, Lines::Multi);
                let code = self.text(format_args!("{tpath}.code"), t.code, Lines::Single);
                targets.push(Target {
                    code,
                    text,
                    goal: s.number,
                });
                ids.push(id);
            }
            let source = s.source.as_deref().map(|src| {
                self.source_ref(
                    format_args!("{path}.source"),
                    format_args!("SDG {}", s.number),
                    src,
                )
            });
            sdgs.push(Sdg {
                number: s.number,
                short_name,
                title,
                color,
                targets: ids,
                source,
            });
        }
        (sdgs, targets)
    }

    pub(super) fn indicators(&mut self, raw: Vec<RawIndicator>) -> Vec<Indicator> {
        let mut out = Vec::with_capacity(raw.len());
        self.index.indicator_by_code.reserve(raw.len());
        for (i, ind) in raw.into_iter().enumerate() {
            let path = format!("indicators[{i}]");
            let target = match self.index.target(&ind.target) {
                Some(t) => t,
                None => {
                    self.err(
                        format!("{path}.target"),
                        format!(
                            "indicator {} refers to target \"{}\", which is not in sdgs[].targets",
                            clean(&ind.code),
                            clean(&ind.target)
                        ),
                    );
                    continue;
                }
            };
            if !ind.code.starts_with(&format!("{}.", ind.target)) {
                self.err(
                    format!("{path}.code"),
                    format!(
                        "indicator {} does not belong to its target {}",
                        clean(&ind.code),
                        clean(&ind.target)
                    ),
                );
            }
            if self
                .index
                .indicator_by_code
                .insert(ind.code.clone(), IndicatorId(out.len() as u32))
                .is_some()
            {
                self.err(
                    format!("{path}.code"),
                    format!("duplicate indicator code \"{}\"", clean(&ind.code)),
                );
            }
            let code = self.text(format_args!("{path}.code"), ind.code, Lines::Single);
            let name = self.required(format_args!("{path}.name"), ind.name, Lines::Single);
            let unsd_code = ind.unsd_code.map(|u| {
                if u.is_empty() || !u.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    self.err(
                        format!("{path}.unsd_code"),
                        format!(
                            "indicator {code}: \"{}\" is not a UNSD indicator code like C090c01 (letters and digits)",
                            clean(&u)
                        ),
                    );
                }
                self.text(format_args!("{path}.unsd_code"), u, Lines::Single)
            });
            let tier = self.tier(&path, &code, ind.tier, ind.tier_as_of);
            let custodians = self.list(format_args!("{path}.custodians"), ind.custodians);
            let partners = self.list(format_args!("{path}.partners"), ind.partners);
            let former_codes = self.list(format_args!("{path}.former_codes"), ind.former_codes);
            let tier_source = ind.tier_source.as_deref().map(|src| {
                self.source_ref(
                    format_args!("{path}.tier_source"),
                    format_args!("indicator {code}"),
                    src,
                )
            });
            let source = ind.source.as_deref().map(|src| {
                self.source_ref(
                    format_args!("{path}.source"),
                    format_args!("indicator {code}"),
                    src,
                )
            });
            out.push(Indicator {
                code,
                target,
                name,
                unsd_code,
                tier,
                custodians,
                partners,
                former_codes,
                tier_source,
                source,
            });
        }
        out
    }

    /// An indicator's tier: a tier needs the date of its classification,
    /// and must name a tier class.
    fn tier(
        &mut self,
        path: &str,
        code: &str,
        tier: Option<String>,
        as_of: Option<String>,
    ) -> Tier {
        let Some(as_of) = as_of else {
            if tier.is_some() {
                self.err(
                    format!("{path}.tier_as_of"),
                    format!("indicator {code} gives a tier but no tier_as_of; a tier means something only with the date of its classification"),
                );
            }
            return Tier::Unknown;
        };
        if !is_iso_date(&as_of) {
            self.err(
                format!("{path}.tier_as_of"),
                format!("expected a date YYYY-MM-DD, found \"{}\"", clean(&as_of)),
            );
        }
        let as_of = self.text(format_args!("{path}.tier_as_of"), as_of, Lines::Single);
        match tier {
            None => Tier::Unclassified { as_of },
            Some(text) => {
                let classes = TierClasses::parse(&text);
                if classes.is_empty() {
                    self.err(
                        format!("{path}.tier"),
                        format!(
                            "indicator {code}: tier \"{}\" names no tier class (Tier I, II or III)",
                            clean(&text)
                        ),
                    );
                }
                let text = self.required(format_args!("{path}.tier"), text, Lines::Single);
                Tier::Classified {
                    text,
                    classes,
                    as_of,
                }
            }
        }
    }

    pub(super) fn lines(&mut self, raw: Vec<RawActionLine>) -> Vec<ActionLine> {
        self.index.line_by_id.reserve(raw.len());
        for (i, l) in raw.iter().enumerate() {
            self.unique_id(
                format_args!("action_lines[{i}].id"),
                "action line",
                &l.id,
                |ix| {
                    ix.line_by_id
                        .insert(l.id.clone(), LineId(i as u32))
                        .is_none()
                },
            );
        }
        let parents: Vec<Option<String>> = raw.iter().map(|l| l.parent.clone()).collect();
        let mut out: Vec<ActionLine> = Vec::with_capacity(raw.len());
        for (i, l) in raw.into_iter().enumerate() {
            let path = format!("action_lines[{i}]");
            let parent = l.parent.as_deref().and_then(|p| match self.index.line(p) {
                None => {
                    self.err(format!("{path}.parent"), format!("action line {} names parent \"{}\", which is not in action_lines", clean(&l.id), clean(p)));
                    None
                }
                Some(pid) if pid.ix() == i => {
                    self.err(format!("{path}.parent"), format!("action line {} names itself as its parent", clean(&l.id)));
                    None
                }
                Some(pid) if parents[pid.ix()].is_some() => {
                    self.err(format!("{path}.parent"), format!("action line {} has parent {p}, which is itself a sub-line; only one level is allowed", clean(&l.id)));
                    None
                }
                Some(pid) => Some(pid),
            });
            if l.prize_category == Some(0) {
                self.err(
                    format!("{path}.prize_category"),
                    "WSIS Prizes categories are numbered from 1",
                );
            }
            let source = l.source.as_deref().map(|s| {
                self.source_ref(
                    format_args!("{path}.source"),
                    format_args!("action line {}", clean(&l.id)),
                    s,
                )
            });
            let title = self.required(format_args!("{path}.title"), l.title, Lines::Single);
            let short_name = match l.short_name {
                Some(s) => self.required(format_args!("{path}.short_name"), s, Lines::Single),
                None => title.clone(),
            };
            let facilitators = self.list(format_args!("{path}.facilitators"), l.facilitators);
            out.push(ActionLine {
                id: l.id,
                title,
                short_name,
                parent,
                children: Vec::new(),
                facilitators,
                prize_category: l.prize_category,
                source,
            });
        }
        for i in 0..out.len() {
            if let Some(p) = out[i].parent {
                out[p.ix()].children.push(LineId(i as u32));
            }
        }
        out
    }
}
