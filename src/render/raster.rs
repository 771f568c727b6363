//! A small CPU rasteriser of egui's tessellated triangles.
//!
//! Why our own and not the GPU: `render` must run on machines with no display and no GPU (CI,
//! a museum's build server), give the same bytes for the same command on every machine, and
//! never depend on a driver. egui's output is only textured, vertex-coloured triangles with
//! anti-aliasing already baked in as feathered edges, so a faithful rasteriser is short.
//!
//! It follows egui-wgpu's maths: vertex colours and textures are premultiplied sRGB ("gamma"),
//! multiplied together and blended "over" in gamma space. Vertices are snapped to 1/256 of a
//! pixel and edges follow the top-left rule, so triangles that share an edge cover each pixel
//! exactly once: no seams or double-blended lines inside a mesh.

use std::collections::HashMap;

use eframe::egui::{
    self, ClippedPrimitive, Color32, ColorImage, TextureId, TexturesDelta,
    epaint::{Primitive, Vertex, textures::TextureWrapMode},
};

/// A texture as egui gave it, kept for sampling.
struct Texture {
    image: ColorImage,
    wrap: TextureWrapMode,
    /// Nearest-neighbour instead of bilinear (egui's `TextureFilter::Nearest`).
    nearest: bool,
}

/// The textures egui has asked for so far (the font atlas, the hatch stripes, the relief).
#[derive(Default)]
pub struct TextureStore {
    textures: HashMap<TextureId, Texture>,
}

impl TextureStore {
    fn apply_one(&mut self, id: TextureId, image_delta: &egui::epaint::ImageDelta) {
        let egui::ImageData::Color(image) = &image_delta.image;
        let wrap = image_delta.options.wrap_mode;
        let nearest = image_delta.options.magnification == egui::TextureFilter::Nearest;
        match (image_delta.pos, self.textures.get_mut(&id)) {
            (Some([x0, y0]), Some(texture)) => {
                let [width, height] = image.size;
                let [full_width, full_height] = texture.image.size;
                for y in 0..height.min(full_height.saturating_sub(y0)) {
                    for x in 0..width.min(full_width.saturating_sub(x0)) {
                        texture.image.pixels[(y0 + y) * full_width + x0 + x] = image.pixels[y * width + x];
                    }
                }
            }
            _ => {
                self.textures.insert(id, Texture { image: ColorImage::clone(image), wrap, nearest });
            }
        }
    }

    /// Applies what changed in egui's textures since the last frame.
    pub fn apply(&mut self, delta: &TexturesDelta) {
        // Textures are independent of each other; the order of ids does not matter.
        #[expect(clippy::iter_over_hash_type)]
        for (id, image_deltas) in &delta.set {
            for image_delta in image_deltas {
                self.apply_one(*id, image_delta);
            }
        }
        for id in &delta.free {
            self.textures.remove(id);
        }
    }
}

/// An RGBA image, 8 bits a channel, rows top to bottom, premultiplied alpha.
#[derive(Clone, PartialEq, Eq)]
pub struct Canvas {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<[u8; 4]>,
}

impl std::fmt::Debug for Canvas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Canvas({}x{})", self.width, self.height)
    }
}

impl Canvas {
    pub fn new(width: u32, height: u32, background: Color32) -> Canvas {
        Canvas { width, height, pixels: vec![background.to_array(); width as usize * height as usize] }
    }

    /// The pixels as RGBA bytes with straight (unpremultiplied) alpha, as PNG wants them.
    pub fn to_rgba_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.pixels.len() * 4);
        for &[r, g, b, a] in &self.pixels {
            let colour = Color32::from_rgba_premultiplied(r, g, b, a).to_srgba_unmultiplied();
            bytes.extend_from_slice(&colour);
        }
        bytes
    }

    /// Copies `other` into this canvas with its top-left corner at (`x`, `y`), clipped.
    pub fn blit(&mut self, other: &Canvas, x: u32, y: u32) {
        for row in 0..other.height {
            let target_y = y + row;
            if target_y >= self.height {
                break;
            }
            for column in 0..other.width {
                let target_x = x + column;
                if target_x >= self.width {
                    break;
                }
                self.pixels[(target_y * self.width + target_x) as usize] =
                    other.pixels[(row * other.width + column) as usize];
            }
        }
    }

    /// Draws egui's tessellated output. `pixels_per_point` converts egui's points to pixels.
    pub fn draw(&mut self, primitives: &[ClippedPrimitive], textures: &TextureStore, pixels_per_point: f32) {
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                continue; // Paint callbacks are GPU-only; the atlas uses none.
            };
            let clip = primitive.clip_rect;
            let clip = PixelRect {
                min_x: ((clip.min.x * pixels_per_point).round().max(0.0) as i64).min(i64::from(self.width)),
                min_y: ((clip.min.y * pixels_per_point).round().max(0.0) as i64).min(i64::from(self.height)),
                max_x: ((clip.max.x * pixels_per_point).round().max(0.0) as i64).min(i64::from(self.width)),
                max_y: ((clip.max.y * pixels_per_point).round().max(0.0) as i64).min(i64::from(self.height)),
            };
            if clip.min_x >= clip.max_x || clip.min_y >= clip.max_y {
                continue;
            }
            let texture = textures.textures.get(&mesh.texture_id);
            for triangle in mesh.indices.chunks_exact(3) {
                let corner = |i: usize| mesh.vertices.get(triangle[i] as usize).copied();
                if let (Some(a), Some(b), Some(c)) = (corner(0), corner(1), corner(2)) {
                    self.triangle([a, b, c], texture, clip, pixels_per_point);
                }
            }
        }
    }

    fn triangle(&mut self, corners: [Vertex; 3], texture: Option<&Texture>, clip: PixelRect, pixels_per_point: f32) {
        // Snapped to 1/256 pixel so that shared edges are computed exactly alike.
        let snap = |v: f32| (f64::from(v * pixels_per_point) * SUBPIXELS as f64).round() as i64;
        let mut p = corners.map(|v| [snap(v.pos.x), snap(v.pos.y)]);
        let mut corners = corners;
        let mut area = edge(p[0], p[1], p[2]);
        if area == 0 {
            return;
        }
        if area < 0 {
            p.swap(1, 2);
            corners.swap(1, 2);
            area = -area;
        }
        let min_x = (p.iter().map(|q| q[0]).min().unwrap_or(0) / SUBPIXELS).max(clip.min_x);
        let max_x = (p.iter().map(|q| q[0]).max().unwrap_or(0) / SUBPIXELS + 1).min(clip.max_x);
        let min_y = (p.iter().map(|q| q[1]).min().unwrap_or(0) / SUBPIXELS).max(clip.min_y);
        let max_y = (p.iter().map(|q| q[1]).max().unwrap_or(0) / SUBPIXELS + 1).min(clip.max_y);
        if min_x >= max_x || min_y >= max_y {
            return;
        }
        // Pixels on an edge belong to the triangle only if it is a top or left edge.
        let bias = [top_left_bias(p[1], p[2]), top_left_bias(p[2], p[0]), top_left_bias(p[0], p[1])];
        let flat = corners[0].color == corners[1].color && corners[1].color == corners[2].color;
        let flat_uv = corners[0].uv == corners[1].uv && corners[1].uv == corners[2].uv;
        let flat_colour = (flat && flat_uv).then(|| shade(corners[0].color, corners[0].uv, texture));
        let inverse_area = 1.0 / area as f64;
        for y in min_y..max_y {
            let centre_y = y * SUBPIXELS + SUBPIXELS / 2;
            let row = (y as u32 * self.width) as usize;
            for x in min_x..max_x {
                let centre = [x * SUBPIXELS + SUBPIXELS / 2, centre_y];
                let w0 = edge(p[1], p[2], centre);
                let w1 = edge(p[2], p[0], centre);
                let w2 = edge(p[0], p[1], centre);
                if w0 + bias[0] <= 0 || w1 + bias[1] <= 0 || w2 + bias[2] <= 0 {
                    continue;
                }
                let colour = match flat_colour {
                    Some(colour) => colour,
                    None => {
                        let weights = [w0 as f64 * inverse_area, w1 as f64 * inverse_area, w2 as f64 * inverse_area];
                        let colour = interpolate_colour(&corners, weights);
                        let uv = egui::pos2(
                            (f64::from(corners[0].uv.x) * weights[0]
                                + f64::from(corners[1].uv.x) * weights[1]
                                + f64::from(corners[2].uv.x) * weights[2]) as f32,
                            (f64::from(corners[0].uv.y) * weights[0]
                                + f64::from(corners[1].uv.y) * weights[1]
                                + f64::from(corners[2].uv.y) * weights[2]) as f32,
                        );
                        shade(colour, uv, texture)
                    }
                };
                let pixel = &mut self.pixels[row + x as usize];
                *pixel = blend_over(colour, *pixel);
            }
        }
    }
}

const SUBPIXELS: i64 = 256;

#[derive(Clone, Copy)]
struct PixelRect {
    min_x: i64,
    min_y: i64,
    max_x: i64,
    max_y: i64,
}

/// Twice the signed area of (a, b, c): positive when c lies to the right of a→b in screen
/// coordinates (y down), i.e. for clockwise-on-screen triangles.
fn edge(a: [i64; 2], b: [i64; 2], c: [i64; 2]) -> i64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// 1 for a top or left edge (a pixel centre exactly on it is inside), 0 otherwise. With the
/// winding used here (clockwise on a y-down screen), a top edge runs rightwards and a left
/// edge upwards.
fn top_left_bias(a: [i64; 2], b: [i64; 2]) -> i64 {
    let top = a[1] == b[1] && b[0] > a[0];
    let left = b[1] < a[1];
    if top || left { 1 } else { 0 }
}

fn interpolate_colour(corners: &[Vertex; 3], weights: [f64; 3]) -> Color32 {
    let channel = |i: usize| {
        let value = f64::from(corners[0].color.to_array()[i]) * weights[0]
            + f64::from(corners[1].color.to_array()[i]) * weights[1]
            + f64::from(corners[2].color.to_array()[i]) * weights[2];
        value.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

/// The vertex colour times the texture's colour at `uv`, both premultiplied gamma.
fn shade(colour: Color32, uv: egui::Pos2, texture: Option<&Texture>) -> [u8; 4] {
    let texel = texture.map_or([255; 4], |texture| sample(texture, uv));
    let c = colour.to_array();
    std::array::from_fn(|i| ((u32::from(c[i]) * u32::from(texel[i]) + 127) / 255) as u8)
}

fn sample(texture: &Texture, uv: egui::Pos2) -> [u8; 4] {
    let [width, height] = texture.image.size;
    if width == 0 || height == 0 {
        return [255; 4];
    }
    let at = |x: i64, y: i64| -> [f32; 4] {
        let x = wrap(x, width, texture.wrap);
        let y = wrap(y, height, texture.wrap);
        texture.image.pixels[y * width + x].to_array().map(f32::from)
    };
    let x = uv.x * width as f32 - 0.5;
    let y = uv.y * height as f32 - 0.5;
    if texture.nearest {
        return at(x.round() as i64, y.round() as i64).map(|v| v as u8);
    }
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let (x0, y0) = (x0 as i64, y0 as i64);
    let (a, b, c, d) = (at(x0, y0), at(x0 + 1, y0), at(x0, y0 + 1), at(x0 + 1, y0 + 1));
    std::array::from_fn(|i| {
        let top = a[i] + (b[i] - a[i]) * fx;
        let bottom = c[i] + (d[i] - c[i]) * fx;
        (top + (bottom - top) * fy).round().clamp(0.0, 255.0) as u8
    })
}

fn wrap(i: i64, size: usize, mode: TextureWrapMode) -> usize {
    let size = size as i64;
    let wrapped = match mode {
        TextureWrapMode::ClampToEdge => i.clamp(0, size - 1),
        TextureWrapMode::Repeat => i.rem_euclid(size),
        TextureWrapMode::MirroredRepeat => {
            let period = i.rem_euclid(2 * size);
            if period < size { period } else { 2 * size - 1 - period }
        }
    };
    wrapped as usize
}

/// Premultiplied "over": what egui-wgpu's blend state (One, OneMinusSrcAlpha) computes.
fn blend_over(source: [u8; 4], target: [u8; 4]) -> [u8; 4] {
    let keep = 255 - u32::from(source[3]);
    std::array::from_fn(|i| (u32::from(source[i]) + (u32::from(target[i]) * keep + 127) / 255).min(255) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Mesh, Rect, pos2};

    fn draw_mesh(canvas: &mut Canvas, mesh: Mesh) {
        let primitive = ClippedPrimitive {
            clip_rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(1e4, 1e4)),
            primitive: Primitive::Mesh(mesh),
        };
        canvas.draw(&[primitive], &TextureStore::default(), 1.0);
    }

    #[test]
    fn two_triangles_sharing_an_edge_cover_each_pixel_once() {
        let mut canvas = Canvas::new(16, 16, Color32::BLACK);
        let colour = Color32::from_rgba_premultiplied(100, 0, 0, 128);
        let mut mesh = Mesh::default();
        for (x, y) in [(0.0, 0.0), (16.0, 0.0), (16.0, 16.0), (0.0, 16.0)] {
            mesh.colored_vertex(pos2(x, y), colour);
        }
        mesh.add_triangle(0, 1, 2);
        mesh.add_triangle(0, 2, 3);
        draw_mesh(&mut canvas, mesh);
        let blended_once = blend_over(colour.to_array(), Color32::BLACK.to_array());
        let wrong: Vec<(usize, [u8; 4])> =
            canvas.pixels.iter().copied().enumerate().filter(|&(_, p)| p != blended_once).collect();
        assert!(wrong.is_empty(), "a seam or double blend: {wrong:?} (want {blended_once:?})");
    }

    #[test]
    fn a_triangle_covers_about_its_area_whatever_its_winding() {
        for order in [[0, 1, 2], [0, 2, 1]] {
            let mut canvas = Canvas::new(20, 20, Color32::BLACK);
            let mut mesh = Mesh::default();
            for (x, y) in [(0.0, 0.0), (20.0, 0.0), (0.0, 20.0)] {
                mesh.colored_vertex(pos2(x, y), Color32::WHITE);
            }
            mesh.add_triangle(order[0], order[1], order[2]);
            draw_mesh(&mut canvas, mesh);
            let covered = canvas.pixels.iter().filter(|p| p[0] == 255).count();
            assert!((190..=210).contains(&covered), "{covered} pixels for an area of 200");
        }
    }

    #[test]
    fn nothing_is_drawn_outside_the_clip_rect() {
        let mut canvas = Canvas::new(10, 10, Color32::BLACK);
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0)), Color32::WHITE);
        let primitive = ClippedPrimitive {
            clip_rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(5.0, 10.0)),
            primitive: Primitive::Mesh(mesh),
        };
        canvas.draw(&[primitive], &TextureStore::default(), 1.0);
        assert_eq!(canvas.pixels[4], [255; 4]);
        assert_eq!(canvas.pixels[5], Color32::BLACK.to_array());
    }

    #[test]
    fn unmultiplied_bytes_restore_straight_alpha() {
        let canvas = Canvas::new(1, 1, Color32::from_rgba_premultiplied(50, 0, 0, 128));
        let bytes = canvas.to_rgba_bytes();
        assert_eq!(bytes[3], 128);
        assert!((99..=100).contains(&bytes[0]), "{bytes:?}");
    }
}
