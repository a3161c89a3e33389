//! Synthetic snapshot generator (test data only), shared by
//! `examples/synth.rs` and `benches/load.rs` via `#[path]`.
//!
//! The goals, targets, indicators, Action Lines, Matrix links and countries
//! are the real ones from the bundled snapshot; only the activities are made
//! up, from word lists, deterministically for a seed (each names a few of
//! the real countries). Every generated record cites the
//! `synthetic` source, and the title says the data is not real.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use sdgmap::snapshot::raw::{RawActivity, RawSnapshot, RawSource};

/// The id of the source every synthetic activity cites.
pub const SOURCE_ID: &str = "synthetic";

const ADJECTIVES: &[&str] = &[
    "Digital",
    "Smart",
    "Rural",
    "Inclusive",
    "Open",
    "Green",
    "Resilient",
    "Connected",
    "Mobile",
    "Secure",
    "Affordable",
    "Sustainable",
];
const TOPICS: &[&str] = &[
    "Broadband",
    "Health",
    "Skills",
    "Connectivity",
    "Agriculture",
    "Education",
    "Finance",
    "Government",
    "Identity",
    "Cities",
    "Emergency Telecommunications",
    "Data",
    "Innovation",
    "Spectrum",
    "Cybersecurity",
    "Satellite",
    "Schools",
    "Transformation",
];
const NOUNS: &[&str] = &[
    "Initiative",
    "Programme",
    "Partnership",
    "Platform",
    "Network",
    "Academy",
    "Lab",
    "Alliance",
    "Toolkit",
    "Observatory",
    "Challenge",
    "Centres",
];
const REGIONS: &[&str] = &[
    "for Africa",
    "for Small Island Developing States",
    "in the Americas",
    "for Asia-Pacific",
    "for Least Developed Countries",
    "for Women and Girls",
    "for Youth",
    "in the Arab Region",
    "for Landlocked Developing Countries",
    "in Europe and CIS",
];
const ORGS: &[&str] = &[
    "ITU",
    "WHO",
    "ILO",
    "UNESCO",
    "UNDP",
    "FAO",
    "UNEP",
    "UNICEF",
    "UNCTAD",
    "UN Women",
    "UNIDO",
    "World Bank",
    "UPU",
    "WMO",
    "UNHCR",
    "GSMA",
];
const SECTORS: &[&str] = &["ITU-D", "ITU-T", "ITU-R", "GS"];
const KINDS: &[&str] = &[
    "partnership",
    "programme",
    "initiative",
    "project",
    "standard",
    "platform",
    "capacity-building",
    "report",
];
const AUDIENCES: &[&str] = &[
    "governments",
    "regulators",
    "rural communities",
    "small businesses",
    "schools",
    "health workers",
    "farmers",
    "women entrepreneurs",
    "young people",
    "city authorities",
    "national statistics offices",
];
const ACTIONS: &[&str] = &[
    "helps",
    "supports",
    "trains",
    "connects",
    "equips",
    "brings together",
];
const GOALS: &[&str] = &[
    "expand affordable access to broadband",
    "use mobile services to deliver public information",
    "build digital skills for the jobs of tomorrow",
    "measure ICT development with comparable statistics",
    "prepare early-warning systems for disasters",
    "protect networks and users from cyber threats",
    "adopt international standards for interoperable services",
    "close the digital gender divide",
    "put e-government services online",
    "manage radio-frequency spectrum efficiently",
];
const FOLLOW_UPS: &[&str] = &[
    "It publishes guidelines, case studies and an annual progress report.",
    "Pilots have run in several countries before a wider roll-out.",
    "Partners contribute funding, expertise and in-kind support.",
    "Results feed into the WSIS Forum and the SDG follow-up and review.",
    "Training is delivered online and through regional centres.",
    "An open dataset tracks the projects and their outcomes.",
];

/// Builds a synthetic snapshot: the real reference data of `base` (goals,
/// targets, indicators, Action Lines, links) plus `activities` generated
/// activities, the same for the same `seed`. `base`'s own activities are
/// dropped, so every activity in the result is synthetic.
pub fn generate(base: &RawSnapshot, activities: usize, seed: u64) -> RawSnapshot {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut snap = base.clone();
    snap.activities = Vec::new();
    snap.meta.title =
        format!("SYNTHETIC test data: {activities} generated activities (seed {seed}) — not real");
    snap.meta.notes = Some(format!(
        "SYNTHETIC test data made by sdgmap's `synth` example for load tests and benchmarks. \
         The SDGs, targets, indicators, Action Lines and Matrix links are copied from the \
         bundled snapshot ({}); every activity is generated from word lists and does not exist.",
        base.meta.title
    ));
    snap.meta.sources.push(RawSource {
        id: SOURCE_ID.to_string(),
        title:
            "SYNTHETIC: activities generated at random by sdgmap's `synth` example for testing; \
                not real data"
                .to_string(),
        url: None,
    });

    // Target codes per goal number, and every Action Line id.
    let mut targets_of: Vec<Vec<&str>> = vec![Vec::new(); 18];
    for s in &base.sdgs {
        if let Some(slot) = targets_of.get_mut(usize::from(s.number)) {
            slot.extend(s.targets.iter().map(|t| t.code.as_str()));
        }
    }
    let goals: Vec<u8> = base.sdgs.iter().map(|s| s.number).collect();
    let lines: Vec<&str> = base.action_lines.iter().map(|l| l.id.as_str()).collect();
    let countries: Vec<&str> = base.countries.iter().map(|c| c.code.as_str()).collect();

    snap.activities.reserve_exact(activities);
    for i in 0..activities {
        snap.activities.push(activity(
            &mut rng,
            i,
            &goals,
            &targets_of,
            &lines,
            &countries,
        ));
    }
    snap
}

fn pick<'a>(rng: &mut StdRng, from: &[&'a str]) -> &'a str {
    from.choose(rng).copied().unwrap_or_default()
}

fn activity(
    rng: &mut StdRng,
    i: usize,
    goals: &[u8],
    targets_of: &[Vec<&str>],
    lines: &[&str],
    country_codes: &[&str],
) -> RawActivity {
    let id = format!("synthetic-{i:07}");
    let mut title = format!(
        "{} {} {}",
        pick(rng, ADJECTIVES),
        pick(rng, TOPICS),
        pick(rng, NOUNS)
    );
    if rng.random_bool(0.6) {
        title.push(' ');
        title.push_str(pick(rng, REGIONS));
    }
    let lead = pick(rng, ORGS);
    let mut summary = format!(
        "{} {} {} {} to {}.",
        if lead == "ITU" { "An ITU" } else { "A" },
        pick(rng, KINDS).replace('-', " "),
        pick(rng, ACTIONS),
        pick(rng, AUDIENCES),
        pick(rng, GOALS),
    );
    summary = summary
        .replacen("A a", "An a", 1)
        .replacen("A i", "An i", 1);
    for _ in 0..rng.random_range(0..=2) {
        summary.push(' ');
        summary.push_str(pick(rng, FOLLOW_UPS));
    }
    let n_partners = rng.random_range(0..=4);
    let partners: Vec<String> = ORGS
        .sample(rng, n_partners + 1)
        .filter(|&&o| o != lead)
        .take(n_partners)
        .map(|o| o.to_string())
        .collect();
    let sector = if lead == "ITU" || rng.random_bool(0.5) {
        Some(pick(rng, SECTORS).to_string())
    } else {
        None
    };
    let kind = rng.random_bool(0.95).then(|| pick(rng, KINDS).to_string());
    let year = rng.random_bool(0.95).then(|| rng.random_range(2005..=2026));

    let n_goals = rng.random_range(1..=3);
    let mut sdgs: Vec<u8> = goals.sample(rng, n_goals).copied().collect();
    sdgs.sort_unstable();
    let mut targets = Vec::new();
    for &g in &sdgs {
        let of_goal = &targets_of[usize::from(g)];
        let n = rng.random_range(0..=2).min(of_goal.len());
        targets.extend(of_goal.sample(rng, n).map(|t| t.to_string()));
    }
    let n_lines = rng.random_range(1..=3);
    let action_lines = lines.sample(rng, n_lines).map(|l| l.to_string()).collect();
    // Most activities name one country, some several, some none.
    let n_countries = match rng.random_range(0..20) {
        0..=2 => 0,
        3..=15 => 1,
        16..=18 => 2,
        _ => 4,
    };
    let countries = country_codes
        .sample(rng, n_countries)
        .map(|c| c.to_string())
        .collect();
    let url = rng
        .random_bool(0.5)
        .then(|| format!("https://example.org/synthetic/{id}"));
    let note = rng.random_bool(0.1).then(|| {
        "Synthetic record: generated for testing, describes no real activity.".to_string()
    });
    RawActivity {
        id,
        title,
        summary,
        lead: Some(lead.to_string()),
        partners,
        sector,
        kind,
        year,
        sdgs,
        targets,
        action_lines,
        countries,
        source: SOURCE_ID.to_string(),
        url,
        note,
        suggested: None,
    }
}
