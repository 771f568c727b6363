//! The share of the territory each side held on each day, from the geodesic areas of the actual
//! outlines, and the share of the people (the 1897 census). Computed once per dataset (1,430
//! days), read by the chart. Free of any UI.

use crate::geometry::MapGeometry;
use crate::model::{Atlas, Date, PlaceId, PlaceKind, Side};

/// Share buckets: the six sides in [`Side::ALL`] order, then unknown.
pub const BUCKETS: usize = 7;
pub const UNKNOWN_BUCKET: usize = 6;

/// For each day from [`Date::ATLAS_START`], the fraction of the mapped territory per bucket.
#[derive(Clone, Debug, Default)]
pub struct TerritoryShares {
    pub days: Vec<[f32; BUCKETS]>,
    /// The territory counted, in km² (0 for population shares).
    pub total_km2: f64,
    /// The people counted, by the 1897 census (0 for territory shares).
    pub total_people: u64,
}

/// The areas whose holders are counted: uezds, and oblasts that have no uezd outlines, so that
/// no land is counted twice. Zones overlap their uezds and are left out.
fn leaf_areas(atlas: &Atlas, geometry: &MapGeometry) -> Vec<(PlaceId, f64)> {
    let has_uezd_children: Vec<bool> = {
        let mut flags = vec![false; atlas.places().len()];
        for id in atlas.place_ids() {
            let place = atlas.place(id);
            if place.kind == PlaceKind::Uezd
                && geometry.area(id).is_some()
                && let Some(parent) = place.parent
            {
                flags[parent.index()] = true;
            }
        }
        flags
    };
    atlas
        .place_ids()
        .filter(|&id| match atlas.place(id).kind {
            PlaceKind::Uezd => true,
            PlaceKind::Oblast => !has_uezd_children[id.index()],
            PlaceKind::City | PlaceKind::Settlement | PlaceKind::Zone => false,
        })
        .filter_map(|id| Some((id, geometry.area(id)?.area_km2())))
        .collect()
}

/// Computes the shares. Where several sides hold a place at once, its area is split equally
/// among them: the chart shows presence, not a claim about who "really" ruled.
pub fn territory_shares(atlas: &Atlas, geometry: &MapGeometry) -> TerritoryShares {
    let leaves = leaf_areas(atlas, geometry);
    let total_km2: f64 = leaves.iter().map(|(_, km2)| km2).sum();
    TerritoryShares { days: shares_by_weight(atlas, &leaves), total_km2, total_people: 0 }
}

/// The share of the people of 1897 each side held: the same units as the territory, weighed
/// by their census population. Units without a census figure are left out (and the total says
/// how many people were counted).
pub fn population_shares(atlas: &Atlas, geometry: &MapGeometry) -> TerritoryShares {
    let leaves: Vec<(PlaceId, f64)> = leaf_areas(atlas, geometry)
        .into_iter()
        .filter_map(|(place, _)| Some((place, atlas.place(place).population_1897? as f64)))
        .collect();
    let total_people = leaves.iter().map(|(_, people)| *people as u64).sum();
    TerritoryShares { days: shares_by_weight(atlas, &leaves), total_km2: 0.0, total_people }
}

fn shares_by_weight(atlas: &Atlas, leaves: &[(PlaceId, f64)]) -> Vec<[f32; BUCKETS]> {
    let total: f64 = leaves.iter().map(|(_, weight)| weight).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut days = Vec::with_capacity(1431);
    let mut day = Date::ATLAS_START;
    while day <= Date::ATLAS_END {
        let mut shares = [0.0f64; BUCKETS];
        for &(place, weight) in leaves {
            let sides = atlas.sides_on(place, day);
            if sides.is_empty() {
                shares[UNKNOWN_BUCKET] += weight;
            }
            for side in &sides {
                let bucket = Side::ALL.iter().position(|s| s == side).unwrap_or(UNKNOWN_BUCKET);
                shares[bucket] += weight / sides.len() as f64;
            }
        }
        days.push(shares.map(|weight| (weight / total) as f32));
        day = day.add_days(1);
    }
    days
}
