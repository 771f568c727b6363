//! Which optional layers of the map are shown: a small set shared by the window, `render`, tours
//! and the kiosk, free of egui so that tours can name layers and be checked without a window.

use std::fmt;

/// A layer the user can turn on or off. The control fills, water and cities are always drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Shaded relief under everything (Natural Earth).
    Relief,
    /// The neighbouring governorates and states of 1917, in a neutral tone, with their names.
    Neighbours,
    /// Rivers and the names of rivers, lakes and seas.
    Rivers,
    /// Uezd borders inside the oblasts.
    UezdBorders,
    /// Partisan districts and other free zones.
    Zones,
    /// The names of cities (markers stay).
    CityLabels,
    /// Today's international borders as dashed lines over the historical map.
    ModernBorders,
    /// Present-day names (Almaty, Astana, Kyzylorda) instead of the names of 1917.
    ModernNames,
}

impl Layer {
    pub const ALL: [Layer; 8] = [
        Layer::Relief,
        Layer::Neighbours,
        Layer::Rivers,
        Layer::UezdBorders,
        Layer::Zones,
        Layer::CityLabels,
        Layer::ModernBorders,
        Layer::ModernNames,
    ];

    /// The name used on the command line, in tours and in saved settings.
    pub fn id(self) -> &'static str {
        match self {
            Layer::Relief => "relief",
            Layer::Neighbours => "neighbours",
            Layer::Rivers => "rivers",
            Layer::UezdBorders => "uezd_borders",
            Layer::Zones => "zones",
            Layer::CityLabels => "city_labels",
            Layer::ModernBorders => "modern_borders",
            Layer::ModernNames => "modern_names",
        }
    }

    /// The translation key of the layer's name in the View menu.
    pub fn label_key(self) -> &'static str {
        match self {
            Layer::Relief => "layer_relief",
            Layer::Neighbours => "layer_neighbours",
            Layer::Rivers => "layer_rivers",
            Layer::UezdBorders => "layer_uezd_borders",
            Layer::Zones => "layer_zones",
            Layer::CityLabels => "layer_city_labels",
            Layer::ModernBorders => "layer_modern_borders",
            Layer::ModernNames => "layer_modern_names",
        }
    }

    pub fn from_id(id: &str) -> Option<Layer> {
        let id = id.trim().replace('-', "_");
        Layer::ALL.into_iter().find(|layer| layer.id() == id)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of layers that are on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayerSet(u16);

impl Default for LayerSet {
    /// What a new user sees: the historical map with its context, no present-day overlay.
    fn default() -> LayerSet {
        LayerSet::NONE
            .with(Layer::Relief, true)
            .with(Layer::Neighbours, true)
            .with(Layer::Rivers, true)
            .with(Layer::UezdBorders, true)
            .with(Layer::Zones, true)
            .with(Layer::CityLabels, true)
    }
}

impl LayerSet {
    pub const NONE: LayerSet = LayerSet(0);

    pub fn contains(self, layer: Layer) -> bool {
        self.0 & layer.bit() != 0
    }

    #[must_use]
    pub fn with(self, layer: Layer, on: bool) -> LayerSet {
        if on { LayerSet(self.0 | layer.bit()) } else { LayerSet(self.0 & !layer.bit()) }
    }

    pub fn set(&mut self, layer: Layer, on: bool) {
        *self = self.with(layer, on);
    }

    pub fn iter(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |&layer| self.contains(layer))
    }

    /// Parses a comma-separated list as given to `--layers`:
    /// - `rivers,zones` — exactly these layers;
    /// - `+modern_borders,-relief` — the default set with these changes;
    /// - `all`, `none` — every layer, or none.
    pub fn parse(text: &str) -> Result<LayerSet, UnknownLayer> {
        let items: Vec<&str> = text.split(',').map(str::trim).filter(|item| !item.is_empty()).collect();
        match items.as_slice() {
            ["all"] => return Ok(Layer::ALL.into_iter().fold(LayerSet::NONE, |set, layer| set.with(layer, true))),
            ["none"] => return Ok(LayerSet::NONE),
            _ => {}
        }
        let relative = items.iter().all(|item| item.starts_with(['+', '-']));
        let mut set = if relative { LayerSet::default() } else { LayerSet::NONE };
        for item in items {
            let (on, name) = match item.strip_prefix('-') {
                Some(name) => (false, name),
                None => (true, item.trim_start_matches('+')),
            };
            let layer = Layer::from_id(name).ok_or_else(|| UnknownLayer(name.to_owned()))?;
            set.set(layer, on);
        }
        Ok(set)
    }
}

/// A name in a list of layers that names no layer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown layer `{0}` (known: {known}, all, none)", known = Layer::ALL.map(Layer::id).join(", "))]
pub struct UnknownLayer(pub String);

impl fmt::Display for LayerSet {
    /// The layers that are on, comma-separated, as [`LayerSet::parse`] reads them back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Layer::id).collect();
        if names.is_empty() { write!(f, "none") } else { write!(f, "{}", names.join(",")) }
    }
}

impl fmt::Debug for LayerSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LayerSet({self})")
    }
}

impl serde::Serialize for LayerSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for LayerSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<LayerSet, D::Error> {
        let text = String::deserialize(deserializer)?;
        LayerSet::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_list_turns_on_only_what_it_names() {
        let set = LayerSet::parse("rivers, zones").unwrap();
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![Layer::Rivers, Layer::Zones]);
    }

    #[test]
    fn plus_and_minus_change_the_default() {
        let set = LayerSet::parse("+modern_borders,-relief").unwrap();
        assert!(set.contains(Layer::ModernBorders));
        assert!(!set.contains(Layer::Relief));
        assert!(set.contains(Layer::Rivers));
    }

    #[test]
    fn the_text_form_reads_back_to_the_same_set() {
        for text in ["all", "none", "relief,city_labels", "+modern_names"] {
            let set = LayerSet::parse(text).unwrap();
            assert_eq!(LayerSet::parse(&set.to_string()).unwrap(), set, "{text}");
        }
    }

    #[test]
    fn an_unknown_layer_is_named_in_the_error() {
        let error = LayerSet::parse("rivers,mountains").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("`mountains`"), "{error}");
        assert!(error.contains("uezd_borders"), "{error}");
    }
}
