//! Synthetic datasets N times the shipped one, for the scale benchmarks.
//!
//! `scaled(n)` makes `n` copies of the shipped data and lays them out side by side in a grid
//! over the shipped map's own extent, each copy shrunk to one cell: N times the places, the
//! vertices (outlines, water, rivers, neighbours, present-day borders), the control periods and
//! the events, on a map of the same size, so that a "whole map" frame draws N times as much.
//! Copy 0 keeps the shipped ids (so `--place omsk` and the default view work); copy k > 0 has
//! `_sK` appended to every place, event, range and outline id. Forces, sources and people are
//! shared by all copies, as a larger atlas of the same war would share them.
//!
//! The files are the shipped ones rewritten (TOML through `toml`, GeoJSON through
//! `serde_json`), so they go through the same loader, checks and index as the real data.

use std::path::Path;

use serde_json::Value;
use steppe_atlas::data::{Dataset, FILE_NAMES};

/// The shipped data files, by name.
fn shipped(name: &str) -> Option<String> {
    Dataset::embedded().file(name).map(|file| file.text.clone())
}

/// The extent of all shipped geometry, in degrees: [lon_min, lat_min, lon_max, lat_max].
fn extent(geojson: &[Value]) -> [f64; 4] {
    let mut extent = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for document in geojson {
        visit_positions(document, &mut |lon, lat| {
            extent = [extent[0].min(lon), extent[1].min(lat), extent[2].max(lon), extent[3].max(lat)];
        });
    }
    extent
}

/// Calls `f` with every [lon, lat] position under `value`'s `coordinates`.
fn visit_positions(value: &Value, f: &mut impl FnMut(f64, f64)) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                if key == "coordinates" {
                    visit_coordinates(item, f);
                } else {
                    visit_positions(item, f);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| visit_positions(item, f)),
        _ => {}
    }
}

fn visit_coordinates(value: &Value, f: &mut impl FnMut(f64, f64)) {
    if let Some([lon, lat]) = position(value) {
        f(lon, lat);
    } else if let Value::Array(items) = value {
        items.iter().for_each(|item| visit_coordinates(item, f));
    }
}

fn position(value: &Value) -> Option<[f64; 2]> {
    match value.as_array()?.as_slice() {
        [lon, lat] => Some([lon.as_f64()?, lat.as_f64()?]),
        _ => None,
    }
}

/// Moves positions into one cell of the grid.
#[derive(Clone, Copy)]
struct Cell {
    extent: [f64; 4],
    column: f64,
    row: f64,
    columns: f64,
    rows: f64,
}

impl Cell {
    fn new(extent: [f64; 4], copy: usize, copies: usize) -> Cell {
        let columns = (copies as f64).sqrt().ceil().max(1.0);
        let rows = (copies as f64 / columns).ceil().max(1.0);
        Cell { extent, column: (copy as f64 % columns), row: (copy as f64 / columns).floor(), columns, rows }
    }

    fn place(&self, lon: f64, lat: f64) -> [f64; 2] {
        let [lon_min, lat_min, lon_max, lat_max] = self.extent;
        let (width, height) = (lon_max - lon_min, lat_max - lat_min);
        let x = (self.column + (lon - lon_min) / width) / self.columns;
        let y = (self.row + (lat - lat_min) / height) / self.rows;
        // Rounded as a person would write them, so the files stay of the shipped size per vertex.
        let round = |value: f64| (value * 1e5).round() / 1e5;
        [round(lon_min + x * width), round(lat_min + y * height)]
    }

    fn move_coordinates(&self, value: &mut Value) {
        if let Some([lon, lat]) = position(value) {
            let [lon, lat] = self.place(lon, lat);
            *value = serde_json::json!([lon, lat]);
        } else if let Value::Array(items) = value {
            items.iter_mut().for_each(|item| self.move_coordinates(item));
        }
    }
}

fn suffix(copy: usize) -> String {
    if copy == 0 { String::new() } else { format!("_s{copy}") }
}

fn rename(value: &mut toml::Value, copy: usize) {
    if let toml::Value::String(id) = value {
        id.push_str(&suffix(copy));
    }
}

/// `n` copies of the entries `[[key]]` of a TOML file, with `id_fields` renamed and positions in
/// `lonlat_fields` moved into each copy's cell.
fn copy_toml(text: &str, key: &str, id_fields: &[&str], lonlat_fields: &[&str], cells: &[Cell]) -> String {
    let Ok(table) = text.parse::<toml::Table>() else { return String::new() };
    let Some(toml::Value::Array(entries)) = table.get(key) else { return String::new() };
    let mut copies = Vec::with_capacity(entries.len() * cells.len());
    for (copy, cell) in cells.iter().enumerate() {
        for entry in entries {
            let mut entry = entry.clone();
            if let toml::Value::Table(fields) = &mut entry {
                for (name, value) in fields.iter_mut() {
                    if id_fields.contains(&name.as_str()) {
                        match &mut *value {
                            toml::Value::Array(ids) => ids.iter_mut().for_each(|id| rename(id, copy)),
                            id => rename(id, copy),
                        }
                    }
                    if lonlat_fields.contains(&name.as_str())
                        && let toml::Value::Array(pair) = value
                        && let [Some(lon), Some(lat)] = [pair.first(), pair.get(1)].map(|v| v.and_then(as_f64))
                    {
                        let [lon, lat] = cell.place(lon, lat);
                        *pair = vec![toml::Value::Float(lon), toml::Value::Float(lat)];
                    }
                }
            }
            copies.push(entry);
        }
    }
    let mut out = toml::Table::new();
    out.insert(key.to_owned(), toml::Value::Array(copies));
    toml::to_string(&out).unwrap_or_default()
}

fn as_f64(value: &toml::Value) -> Option<f64> {
    match value {
        toml::Value::Float(x) => Some(*x),
        toml::Value::Integer(n) => Some(*n as f64),
        _ => None,
    }
}

/// `n` copies of every feature of a GeoJSON FeatureCollection, ids renamed, moved into cells.
fn copy_geojson(document: &Value, cells: &[Cell]) -> String {
    let features = document.get("features").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut copies = Vec::with_capacity(features.len() * cells.len());
    for (copy, cell) in cells.iter().enumerate() {
        for feature in &features {
            let mut feature = feature.clone();
            if let Some(Value::String(id)) = feature.pointer_mut("/properties/id") {
                id.push_str(&suffix(copy));
            }
            if let Some(coordinates) = feature.pointer_mut("/geometry/coordinates") {
                cell.move_coordinates(coordinates);
            }
            copies.push(feature);
        }
    }
    // One feature a line, as the shipped files are written: lines stay meaningful in messages.
    let lines: Vec<String> = copies.iter().map(Value::to_string).collect();
    format!("{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}\n", lines.join(",\n"))
}

/// The texts of a dataset `n` times the shipped one, by file name (the shipped texts for 1).
pub fn scaled_texts(n: usize) -> Vec<(&'static str, String)> {
    let n = n.max(1);
    if n == 1 {
        return FILE_NAMES.iter().filter_map(|&name| Some((name, shipped(name)?))).collect();
    }
    let geojson_names =
        ["areas.geojson", "water.geojson", "rivers.geojson", "context.geojson", "modern_borders.geojson"];
    let documents: Vec<(&str, Value)> =
        geojson_names.iter().filter_map(|&name| Some((name, serde_json::from_str(&shipped(name)?).ok()?))).collect();
    let values: Vec<Value> = documents.iter().map(|(_, document)| document.clone()).collect();
    let extent = extent(&values);
    let cells: Vec<Cell> = (0..n).map(|copy| Cell::new(extent, copy, n)).collect();
    let mut texts = Vec::new();
    for (name, document) in &documents {
        let Some(&name) = FILE_NAMES.iter().find(|known| *known == name) else { continue };
        texts.push((name, copy_geojson(document, &cells)));
    }
    let toml_files: [(&'static str, &str, &[&str], &[&str]); 4] = [
        ("places.toml", "place", &["id", "parent"], &["lonlat"]),
        ("control.toml", "period", &["place"], &[]),
        ("events.toml", "event", &["id", "places"], &[]),
        ("ranges.toml", "range", &["id"], &["at"]),
    ];
    for (name, key, ids, lonlats) in toml_files {
        if let Some(text) = shipped(name) {
            texts.push((name, copy_toml(&text, key, ids, lonlats, &cells)));
        }
    }
    for name in ["forces.toml", "sources.toml", "people.toml"] {
        if let Some(text) = shipped(name) {
            texts.push((name, text));
        }
    }
    texts
}

/// Writes a dataset `n` times the shipped one into `dir` (for `--data DIR`).
pub fn write_scaled(n: usize, dir: &Path) -> std::io::Result<()> {
    for (name, text) in scaled_texts(n) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}
