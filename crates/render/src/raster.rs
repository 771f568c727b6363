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

use egui::{
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
    ///
    /// The canvas is cut into bands of rows, each drawing every primitive clipped to itself;
    /// one thread per core takes the next band until none is left, so a core that drew light
    /// bands (sky, margins) takes more of them. A pixel belongs to one band and sees the
    /// triangles in the same order, so the bytes are the same whatever the number of cores.
    pub fn draw(&mut self, primitives: &[ClippedPrimitive], textures: &TextureStore, pixels_per_point: f32) {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
        let rows_per_band = (self.height as usize).div_ceil(threads * BANDS_PER_THREAD).max(MIN_BAND_ROWS);
        self.draw_in_bands(primitives, textures, pixels_per_point, rows_per_band, threads);
    }

    fn draw_in_bands(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &TextureStore,
        pixels_per_point: f32,
        rows_per_band: usize,
        threads: usize,
    ) {
        let width = self.width as usize;
        if width == 0 || rows_per_band == 0 {
            return;
        }
        let bands = self.pixels.chunks_mut(rows_per_band * width).enumerate().map(|(index, pixels)| Band {
            first_row: (index * rows_per_band) as i64,
            rows: (pixels.len() / width) as i64,
            width: self.width,
            pixels,
        });
        let bands = std::sync::Mutex::new(bands);
        // The lock is held only to take a band (the guard is dropped inside `and_then`). A
        // poisoned lock means another thread panicked, which the scope raises again.
        let work = || {
            while let Some(mut band) = bands.lock().ok().and_then(|mut bands| bands.next()) {
                band.draw(primitives, textures, pixels_per_point);
            }
        };
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(work);
            }
            work();
        });
    }
}

/// More threads than this gain nothing on an image of a few million pixels.
const MAX_THREADS: usize = 16;
/// Bands per thread: enough that the threads finish together, few enough that setting up
/// every triangle once per band stays cheap.
const BANDS_PER_THREAD: usize = 4;
/// Bands thinner than this cost more in setting up triangles than they save.
const MIN_BAND_ROWS: usize = 32;

/// Some whole rows of a canvas, drawn by one thread.
struct Band<'a> {
    /// The canvas row of the band's first row.
    first_row: i64,
    rows: i64,
    width: u32,
    pixels: &'a mut [[u8; 4]],
}

impl Band<'_> {
    fn draw(&mut self, primitives: &[ClippedPrimitive], textures: &TextureStore, pixels_per_point: f32) {
        let (width, top, bottom) = (i64::from(self.width), self.first_row, self.first_row + self.rows);
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                continue; // Paint callbacks are GPU-only; the atlas uses none.
            };
            let clip = primitive.clip_rect;
            let to_pixel = |v: f32| round_to_i64(f64::from((v * pixels_per_point).max(0.0)));
            let clip = PixelRect {
                min_x: to_pixel(clip.min.x).min(width),
                min_y: to_pixel(clip.min.y).clamp(top, bottom),
                max_x: to_pixel(clip.max.x).min(width),
                max_y: to_pixel(clip.max.y).clamp(top, bottom),
            };
            if clip.min_x >= clip.max_x || clip.min_y >= clip.max_y {
                continue;
            }
            let texture = textures.textures.get(&mesh.texture_id);
            for triangle in mesh.indices.chunks_exact(3) {
                let corner = |i: usize| mesh.vertices.get(triangle[i] as usize).copied();
                if let (Some(a), Some(b), Some(c)) = (corner(0), corner(1), corner(2)) {
                    // Most triangles lie in other bands: a cheap test before the exact one,
                    // with a pixel of margin for the rounding of the exact one.
                    let (low, high) = (a.pos.y.min(b.pos.y).min(c.pos.y), a.pos.y.max(b.pos.y).max(c.pos.y));
                    if high * pixels_per_point < (clip.min_y - 1) as f32
                        || low * pixels_per_point > (clip.max_y + 1) as f32
                    {
                        continue;
                    }
                    self.triangle([a, b, c], texture, clip, pixels_per_point);
                }
            }
        }
    }

    fn triangle(&mut self, corners: [Vertex; 3], texture: Option<&Texture>, clip: PixelRect, pixels_per_point: f32) {
        // Snapped to 1/256 pixel so that shared edges are computed exactly alike.
        let snap = |v: f32| round_to_i64(f64::from(v * pixels_per_point) * SUBPIXELS as f64);
        let mut p = corners.map(|v| [snap(v.pos.x), snap(v.pos.y)]);
        // Beyond this the edge products would overflow i64; such a vertex is millions of
        // pixels off the canvas, which egui never sends for what it shows.
        if p.iter().flatten().any(|c| c.abs() > MAX_COORDINATE) {
            return;
        }
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
        let edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])];
        let bias = edges.map(|(a, b)| top_left_bias(a, b));
        // Each edge function grows by this much from one pixel to the next in a row.
        let step = edges.map(|(a, b)| -(b[1] - a[1]) * SUBPIXELS);
        let flat = corners[0].color == corners[1].color && corners[1].color == corners[2].color;
        let flat_uv = corners[0].uv == corners[1].uv && corners[1].uv == corners[2].uv;
        // Untextured shapes with feathered edges vary in colour only: egui points all their
        // corners at the atlas's white texel, so it is sampled once, not at every pixel.
        let flat_texel = flat_uv.then(|| texel_at(texture, corners[0].uv));
        let flat_colour = flat_texel.filter(|_| flat).map(|texel| modulate(corners[0].color.to_array(), texel));
        let inverse_area = 1.0 / area as f64;
        for y in min_y..max_y {
            let first = [min_x * SUBPIXELS + SUBPIXELS / 2, y * SUBPIXELS + SUBPIXELS / 2];
            let at_first = edges.map(|(a, b)| edge(a, b, first));
            // The run of pixels inside all three edges, solved exactly instead of tested
            // pixel by pixel: feathered strokes are thin triangles with wide bounding boxes.
            let mut start = 0;
            let mut end = max_x - min_x;
            for i in 0..3 {
                let (from, to) = inside_run(at_first[i] + bias[i], step[i]);
                start = start.max(from);
                end = end.min(to);
            }
            if start >= end {
                continue;
            }
            let row = (y - self.first_row) as usize * self.width as usize;
            let mut w = std::array::from_fn::<i64, 3, _>(|i| at_first[i] + step[i] * start);
            for x in min_x + start..min_x + end {
                let colour = flat_colour.unwrap_or_else(|| {
                    let weights = w.map(|w| w as f64 * inverse_area);
                    // One colour over a texture (relief, hatching) needs no interpolation.
                    let colour = if flat { corners[0].color } else { interpolate_colour(&corners, weights) };
                    let texel = flat_texel.unwrap_or_else(|| texel_at(texture, uv_at(&corners, weights)));
                    modulate(colour.to_array(), texel)
                });
                let pixel = &mut self.pixels[row + x as usize];
                *pixel = blend_over(colour, *pixel);
                for i in 0..3 {
                    w[i] += step[i];
                }
            }
        }
    }
}

/// The pixels `k` (counted from the row's first) where `value + step * k > 0`, as a half-open
/// range; `value` is the biased edge function at the first pixel.
fn inside_run(value: i64, step: i64) -> (i64, i64) {
    match step.signum() {
        0 if value > 0 => (0, i64::MAX),
        0 => (0, 0),
        // k > -value / step
        1 => ((-value).div_euclid(step) + 1, i64::MAX),
        // k < value / -step
        _ => (0, -(-value).div_euclid(-step)),
    }
}

/// `x.round() as i64` without the call into libm that `round` is on x86-64's baseline
/// (no SSE4.1): the fraction left by truncation is exact, so the result is identical.
fn round_to_i64(x: f64) -> i64 {
    let whole = x as i64;
    let fraction = x - whole as f64;
    if fraction >= 0.5 {
        whole + 1
    } else if fraction <= -0.5 {
        whole - 1
    } else {
        whole
    }
}

/// `x.floor() as i64` without libm's `floorf` (see [`round_to_i64`]).
fn floor_to_i64(x: f32) -> i64 {
    let whole = x as i64;
    if (whole as f32) > x { whole - 1 } else { whole }
}

/// A channel value rounded to a byte, as `v.round().clamp(0.0, 255.0) as u8` but without libm:
/// `as` truncates and saturates, and for v >= 0 truncating v + 0.5 rounds half away from zero.
fn to_byte(v: f32) -> u8 {
    (v + 0.5) as u8
}

/// The limit of snapped coordinates (2^30 subpixels, 4 million pixels): edge functions
/// multiply two differences of them, which must stay within i64.
const MAX_COORDINATE: i64 = 1 << 30;

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
        // Weights are >= 0 inside the triangle; `as` saturates what rounding error leaves.
        (value + 0.5) as u8
    };
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

fn uv_at(corners: &[Vertex; 3], weights: [f64; 3]) -> egui::Pos2 {
    let along = |uv: fn(&Vertex) -> f32| {
        (f64::from(uv(&corners[0])) * weights[0]
            + f64::from(uv(&corners[1])) * weights[1]
            + f64::from(uv(&corners[2])) * weights[2]) as f32
    };
    egui::pos2(along(|v| v.uv.x), along(|v| v.uv.y))
}

/// The texture's colour at `uv`; white where there is no texture.
fn texel_at(texture: Option<&Texture>, uv: egui::Pos2) -> [u8; 4] {
    texture.map_or([255; 4], |texture| sample(texture, uv))
}

/// A colour times a texel, channel by channel, both premultiplied gamma.
fn modulate(colour: [u8; 4], texel: [u8; 4]) -> [u8; 4] {
    std::array::from_fn(|i| ((u32::from(colour[i]) * u32::from(texel[i]) + 127) / 255) as u8)
}

fn sample(texture: &Texture, uv: egui::Pos2) -> [u8; 4] {
    let [width, height] = texture.image.size;
    if width == 0 || height == 0 {
        return [255; 4];
    }
    let pixels = &texture.image.pixels;
    let texel = |x: usize, y: usize| pixels.get(y * width + x).map_or([255; 4], |p| p.to_array());
    let x = uv.x * width as f32 - 0.5;
    let y = uv.y * height as f32 - 0.5;
    if texture.nearest {
        let (x, y) = (round_to_i64(f64::from(x)), round_to_i64(f64::from(y)));
        return texel(wrap(x, width, texture.wrap), wrap(y, height, texture.wrap));
    }
    let (x0, y0) = (floor_to_i64(x), floor_to_i64(y));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    // Each of the two columns and two rows is wrapped once, not once per texel.
    let (left, right) = (wrap(x0, width, texture.wrap), wrap(x0 + 1, width, texture.wrap));
    let (top, bottom) = (wrap(y0, height, texture.wrap), wrap(y0 + 1, height, texture.wrap));
    let (a, b, c, d) = (texel(left, top), texel(right, top), texel(left, bottom), texel(right, bottom));
    // Four equal texels blend to themselves (the relief's flat ground, a stripe's inside): the same
    // bytes without the arithmetic.
    if a == b && a == c && a == d {
        return a;
    }
    let [a, b, c, d] = [a, b, c, d].map(|texel| texel.map(f32::from));
    std::array::from_fn(|i| {
        let top = a[i] + (b[i] - a[i]) * fx;
        let bottom = c[i] + (d[i] - c[i]) * fx;
        to_byte(top + (bottom - top) * fy)
    })
}

fn wrap(i: i64, size: usize, mode: TextureWrapMode) -> usize {
    let size = size as i64;
    if (0..size).contains(&i) {
        return i as usize;
    }
    let wrapped = match mode {
        TextureWrapMode::ClampToEdge => i.clamp(0, size - 1),
        // A mask is the Euclidean remainder for a power of two (the hatch tile), without a division.
        TextureWrapMode::Repeat if size.count_ones() == 1 => i & (size - 1),
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
    fn bands_of_any_height_draw_the_same_bytes() {
        // Overlapping translucent triangles with varying colours, crossing band borders
        // at odd rows, drawn in one band and in bands of 7 rows.
        let mut mesh = Mesh::default();
        let mut seed = 12345_u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) as f32 / (1 << 24) as f32
        };
        for i in 0..60 {
            for _ in 0..3 {
                let colour = Color32::from_rgba_premultiplied((next() * 120.0) as u8, 40, (next() * 90.0) as u8, 130);
                mesh.colored_vertex(pos2(next() * 120.0 - 10.0, next() * 120.0 - 10.0), colour);
            }
            mesh.add_triangle(3 * i, 3 * i + 1, 3 * i + 2);
        }
        let primitive = ClippedPrimitive {
            clip_rect: Rect::from_min_max(pos2(3.0, 2.0), pos2(95.0, 97.0)),
            primitive: Primitive::Mesh(mesh),
        };
        let draw = |rows_per_band| {
            let mut canvas = Canvas::new(100, 100, Color32::BLACK);
            canvas.draw_in_bands(std::slice::from_ref(&primitive), &TextureStore::default(), 1.0, rows_per_band, 3);
            canvas.pixels
        };
        let whole = draw(100);
        assert!(whole.iter().filter(|p| **p != Color32::BLACK.to_array()).count() > 5000, "the triangles drew little");
        assert!(whole == draw(7), "bands of 7 rows drew different bytes");
    }

    #[test]
    fn the_solved_run_is_the_pixels_inside_an_edge() {
        for value in -40..40 {
            for step in -9..9 {
                let (from, to) = inside_run(value, step);
                for k in 0..30 {
                    let inside = value + step * k > 0;
                    assert_eq!(inside, (from..to).contains(&k), "value {value} step {step} pixel {k}");
                }
            }
        }
    }

    #[test]
    fn rounding_without_libm_matches_the_standard_library() {
        for i in -2000..2000 {
            let x = f64::from(i) * 0.25 + 0.001 * f64::from(i % 7);
            assert_eq!(round_to_i64(x), x.round() as i64, "{x}");
            let y = x as f32;
            assert_eq!(floor_to_i64(y), y.floor() as i64, "{y}");
            assert_eq!(to_byte(y), y.round().clamp(0.0, 255.0) as u8, "{y}");
        }
    }

    #[test]
    fn unmultiplied_bytes_restore_straight_alpha() {
        let canvas = Canvas::new(1, 1, Color32::from_rgba_premultiplied(50, 0, 0, 128));
        let bytes = canvas.to_rgba_bytes();
        assert_eq!(bytes[3], 128);
        assert!((99..=100).contains(&bytes[0]), "{bytes:?}");
    }
}
