//! "Who holds what on this date": the answer behind `steppe-atlas query`, free of any UI.
//!
//! The JSON shape is a contract for scripts; add fields, never rename or remove them.

use geo::Contains;
use serde::Serialize;

use crate::geometry::distance_km;
use crate::i18n::Translations;
use crate::model::{Atlas, Confidence, Date, Language, LonLat, Names, PlaceId, PlaceKind, Role, Side};

/// How far `--near` looks for a city.
pub const NEAR_CITY_KM: f64 = 30.0;

#[derive(Debug, Serialize)]
pub struct QueryReport {
    pub date: String,
    /// The Julian date before 14 February 1918; `null` after.
    pub date_old_style: Option<String>,
    pub places: Vec<PlaceReport>,
}

#[derive(Debug, Serialize)]
pub struct PlaceReport {
    pub id: String,
    pub kind: &'static str,
    pub names: Names,
    /// Parent ids, nearest first.
    pub parents: Vec<String>,
    /// Empty when nobody is known to hold the place on that date.
    pub control: Vec<ControlReport>,
}

#[derive(Debug, Serialize)]
pub struct ControlReport {
    pub side: &'static str,
    pub force: String,
    pub role: &'static str,
    pub confidence: &'static str,
    pub sources: Vec<String>,
}

/// Which places a query asks about.
#[derive(Clone, Debug)]
pub enum Selection {
    All,
    /// The places whose id or name in any language best answers the name, as the window's
    /// search ranks them ([`crate::search::find_places`]).
    Named(String),
    /// Areas containing the point and the nearest city within [`NEAR_CITY_KM`].
    Near(LonLat),
}

/// The places a selection picks, in atlas order.
pub fn select(atlas: &Atlas, selection: &Selection) -> Vec<PlaceId> {
    match selection {
        Selection::All => atlas.place_ids().collect(),
        Selection::Named(name) => crate::search::find_places(atlas, name).places,
        Selection::Near(point) => places_near(atlas, *point),
    }
}

/// Oblasts, uezds and zones containing `point`, then the nearest city within 30 km.
pub fn places_near(atlas: &Atlas, point: LonLat) -> Vec<PlaceId> {
    let geo_point = geo::Point::new(point.lon, point.lat);
    let mut found: Vec<PlaceId> = atlas
        .place_ids()
        .filter(|&id| atlas.place(id).area.as_ref().is_some_and(|area| area.contains(&geo_point)))
        .collect();
    let nearest_city = atlas
        .place_ids()
        .filter_map(|id| Some((id, distance_km(point, atlas.place(id).location?))))
        .filter(|&(_, km)| km <= NEAR_CITY_KM)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    found.extend(nearest_city.map(|(id, _)| id));
    found
}

/// The report for `date` over the selected places.
pub fn report(atlas: &Atlas, date: Date, places: &[PlaceId]) -> QueryReport {
    QueryReport {
        date: date.to_string(),
        date_old_style: date.old_style().map(|d| d.to_string()),
        places: places.iter().map(|&id| place_report(atlas, id, date)).collect(),
    }
}

fn place_report(atlas: &Atlas, id: PlaceId, date: Date) -> PlaceReport {
    let place = atlas.place(id);
    let control = atlas
        .control_on(id, date)
        .map(|period| {
            period
                .holders
                .iter()
                .map(|holder| {
                    let force = atlas.force(holder.force);
                    ControlReport {
                        side: holder.side.id(),
                        force: force.id.clone(),
                        role: holder.role.id(),
                        confidence: period.confidence.id(),
                        sources: period.sources.iter().map(|&s| atlas.source(s).id.clone()).collect(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    PlaceReport {
        id: place.id.clone(),
        kind: place.kind.id(),
        names: place.name.clone(),
        parents: atlas.ancestors(id).into_iter().map(|p| atlas.place(p).id.clone()).collect(),
        control,
    }
}

/// The report as plain text, one place a line, in one language: the date as the language writes
/// it, places, kinds, sides, roles and confidence in words; ids stay as they are, for scripts.
pub fn report_text(atlas: &Atlas, report: &QueryReport, texts: &Translations, language: Language) -> String {
    let tr = |key| texts.tr(language, key);
    // Each name is looked up from the id the JSON carries; an id the table lacks shows itself.
    let word = |key: Option<&'static str>, id: &'static str| key.map_or(id, |key| tr(key));
    let mut out = match Date::parse(&report.date) {
        Ok(date) => format!("{} ({})", report.date, texts.format_date(language, date.ymd())),
        Err(_) => report.date.clone(),
    };
    if let Some(old_style) = Date::parse(&report.date).ok().and_then(Date::old_style) {
        out.push_str(&format!("; {}: {}", tr("old_style"), texts.format_date(language, old_style)));
    }
    out.push('\n');
    for place in &report.places {
        let holders = if place.control.is_empty() {
            tr("unknown").to_owned()
        } else {
            place
                .control
                .iter()
                .map(|c| {
                    let force = atlas.force_by_id(&c.force).map_or(c.force.as_str(), |f| f.name.get(language));
                    let side = word(Side::from_id(c.side).map(Side::key), c.side);
                    let role = word(Role::from_id(c.role).map(Role::key), c.role);
                    let confidence = word(Confidence::from_id(c.confidence).map(Confidence::key), c.confidence);
                    format!("{force} ({side}, {role}, {confidence})")
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let kind = word(PlaceKind::from_id(place.kind).map(PlaceKind::key), place.kind);
        let name = texts.data_text(language, &place.names);
        out.push_str(&format!("{name} [{}, {}]: {}\n", place.id, kind, holders));
    }
    out
}
