//! The map's textures: the hatch stripes of shared control and the relief. Loaded once per
//! egui context (the window's, or the offscreen renderer's).

use egui::{self, TextureHandle, TextureOptions};

use atlas_core::geometry::MapRect;

pub struct MapTextures {
    pub hatch: TextureHandle,
    /// The relief overlay and the map rectangle it covers; `None` if it could not be decoded.
    pub relief: Option<(TextureHandle, MapRect)>,
}

impl MapTextures {
    pub fn load(ctx: &egui::Context) -> MapTextures {
        let hatch = ctx.load_texture("hatch", crate::style::hatch_image(), TextureOptions::LINEAR_REPEAT);
        let relief = crate::relief::Relief::shipped().map(|relief| {
            let texture = ctx.load_texture("relief", super::relief_overlay(relief), TextureOptions::LINEAR);
            (texture, relief.bounds)
        });
        MapTextures { hatch, relief }
    }

    pub fn relief_id(&self) -> Option<(egui::TextureId, MapRect)> {
        self.relief.as_ref().map(|(texture, bounds)| (texture.id(), *bounds))
    }
}
