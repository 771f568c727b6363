//! One map as a page: the map exactly as the window draws it (the same [`MapWidget`] and layers),
//! with the title, the date (and Old Style), the legend, a scale bar, a north arrow and the
//! attribution burnt in. `render`, the window's Export and posters all draw through this.

use egui::{self, Align2, Color32, FontId, Pos2, Rect, RichText, Stroke, TextureId, pos2, vec2};

use super::date_paint::DatePaint;
use super::legend::{legend_for_date_ui, legend_ui};
use super::style;
use crate::{MapScene, MapView, MapWidget, Projector};
use atlas_core::geometry::{Albers, MapGeometry};
use atlas_core::i18n::Translations;
use atlas_core::layers::LayerSet;
use atlas_core::model::{Atlas, Language, LonLat, PlaceId};

/// What goes on the page besides the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decorations {
    /// Title, date, legend, scale bar, north arrow, attribution: a map that stands on its own.
    Full,
    /// Only the date (and caption): a cell of a poster of small multiples.
    DateOnly,
}

/// Where the date box (with the caption) and the legend go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageLayout {
    /// Over the map, in its corners: exports, posters and `render`, whose view shows the whole
    /// page's worth of map.
    Overlay,
    /// In a column of this many points at the left, the date box over the legend; the caller fits
    /// the map's subject into the rest ([`view_beside_column`]), so that neither box hides it and
    /// the two never cover each other: the lecture hall's screen.
    Column(f32),
}

/// What a page drew, for callers that lay something over it or check it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageRects {
    pub map: Rect,
    /// The title, date and caption.
    pub date_box: Rect,
    pub legend: Option<Rect>,
}

/// Everything one page needs.
pub struct PrintFrame<'a> {
    pub atlas: &'a Atlas,
    pub geometry: &'a MapGeometry,
    pub texts: &'a Translations,
    pub paint: &'a DatePaint,
    /// Language of the title, date and legend.
    pub language: Language,
    /// Language of the names on the map.
    pub map_language: Language,
    pub layers: LayerSet,
    pub view: MapView,
    pub highlights: &'a [PlaceId],
    pub hatch_texture: TextureId,
    pub relief: Option<(TextureId, atlas_core::geometry::MapRect)>,
    /// A caption under the date (a tour step's), in `language`.
    pub caption: Option<&'a str>,
    pub show_old_style: bool,
    /// Text and line size multiplier of the map (2 on a projector).
    pub text_scale: f32,
    pub decorations: Decorations,
    /// How thick the map's fills are laid on.
    pub look: super::DisplayLook,
    pub layout: PageLayout,
}

/// The width of the column of a [`PageLayout::Column`] page: room for the longest date of the
/// language on one line (the same for every date, so that the map does not shift as a tour's
/// date runs), at least 28 % and at most 45 % of the page.
pub fn column_width(ctx: &egui::Context, texts: &Translations, language: Language, page_width: f32, scale: f32) -> f32 {
    let font = FontId::new(28.0 * scale, egui::FontFamily::Name(super::fonts::BOLD.into()));
    let widest_date = (1..=12)
        .map(|month| {
            let date = atlas_core::model::YearMonthDay { year: 1918, month, day: 28 };
            let text = texts.format_date(language, date);
            ctx.fonts_mut(|fonts| fonts.layout_no_wrap(text, font.clone(), style::LABEL).size().x)
        })
        .fold(0.0, f32::max);
    // The page's margin on both sides of the box and the box's own inner margin.
    let chrome = 2.0 * 12.0 * scale + 2.0 * 8.0 * scale;
    (widest_date + chrome + 4.0).clamp(page_width * 0.28, page_width * 0.45)
}

/// The view that shows all of `extent` in the part of a page of `page` points right of a column
/// `column` points wide, for a map widget that covers the whole page.
pub fn view_beside_column(extent: atlas_core::geometry::MapRect, page: egui::Vec2, column: f32) -> MapView {
    let mut view = MapView::fit(extent, [(page.x - column).max(1.0), page.y]);
    // The widget's centre is the page's: move the subject half a column to the right, to the
    // centre of the free part.
    view.pan_by([column / 2.0, 0.0]);
    view
}

/// Draws the page over the whole of `ui`'s available rect; returns where its parts are.
pub fn print_frame_ui(ui: &mut egui::Ui, frame: &PrintFrame<'_>) -> PageRects {
    let mut view = frame.view;
    let scene = MapScene {
        atlas: frame.atlas,
        geometry: frame.geometry,
        paints: &frame.paint.paints,
        visible: &frame.paint.visible,
        language: frame.map_language,
        hovered: None,
        highlights: frame.highlights,
        hatch_texture: frame.hatch_texture,
        text_scale: frame.text_scale,
        layers: frame.layers,
        relief: frame.relief,
        look: frame.look,
    };
    let describe = |_| String::new();
    let map = MapWidget::new(scene, &mut view, &describe).show(ui);
    let rect = map.response.rect;
    let projector = Projector::new(rect, view);
    let scale = frame.text_scale;
    let margin = 12.0 * scale;
    let date_box = date_box_ui(ui, frame, rect.min + vec2(margin, margin));
    let mut legend = None;
    if frame.decorations == Decorations::Full {
        legend_box_ui(ui, frame, rect.left_bottom() + vec2(margin, -margin - 14.0 * scale), date_box.expand(margin));
        // The legend's area as egui placed it this frame (the id is the one legend_box_ui uses).
        let legend_id = ui.make_persistent_id("print_legend");
        legend = ui.ctx().memory(|memory| memory.area_rect(legend_id)).filter(|_| drew_legend(ui.ctx(), legend_id));
        let painter = ui.painter_at(rect);
        scale_bar(&painter, &projector, rect.right_bottom() + vec2(-margin, -margin - 20.0 * scale), scale);
        north_arrow(
            &painter,
            &frame.geometry.projection,
            &projector,
            rect.right_top() + vec2(-margin - 18.0 * scale, margin + 30.0 * scale),
            scale,
        );
        let font = FontId::proportional(10.0 * scale);
        let at = rect.center_bottom() + vec2(0.0, -3.0 * scale);
        let attribution = frame.texts.tr(frame.language, "attribution").to_owned();
        let galley = painter.layout(attribution, font, style::LABEL, rect.width() - 2.0 * margin);
        let text_rect = Align2::CENTER_BOTTOM.anchor_size(at, galley.size());
        painter.rect_filled(text_rect.expand(2.0), 2.0, style::LABEL_HALO);
        painter.galley(text_rect.min, galley, style::LABEL);
    }
    PageRects { map: rect, date_box, legend }
}

/// Whether the legend was drawn this frame: in a column it is left out when the caption leaves
/// it no room at all (see [`legend_box_ui`]).
fn drew_legend(ctx: &egui::Context, id: egui::Id) -> bool {
    !ctx.data(|data| data.get_temp::<bool>(id.with("left_out")).unwrap_or(false))
}

fn panel_frame(scale: f32) -> egui::Frame {
    egui::Frame::new()
        .fill(Color32::from_rgba_unmultiplied(0xf8, 0xf6, 0xf0, 0xe8))
        .stroke(Stroke::new(1.0, Color32::from_gray(0xa0)))
        .corner_radius(4.0 * scale)
        .inner_margin(8.0 * scale)
}

/// Title, date, Old Style and caption in the top-left corner; returns where the box is.
fn date_box_ui(ui: &mut egui::Ui, frame: &PrintFrame<'_>, at: Pos2) -> Rect {
    let scale = frame.text_scale;
    let date = frame.paint.date;
    let tr = |key| frame.texts.tr(frame.language, key);
    let text = frame.texts.format_date(frame.language, date.ymd());
    let bold = egui::FontFamily::Name(super::fonts::BOLD.into());
    let date_font = FontId::new(28.0 * scale, bold);
    // Wide enough for the date on one line ("1918 jylğy 19 aqpan" is longer than "19 February
    // 1918"), but never more than half the map.
    let date_width = ui.painter().layout_no_wrap(text.clone(), date_font.clone(), style::LABEL).size().x;
    let page_width = ui.max_rect().width();
    let max_width = match frame.layout {
        // The box fills its column, less the page's margins and its own.
        PageLayout::Column(column) => (column - 2.0 * 12.0 * scale - 2.0 * 8.0 * scale).max(50.0),
        PageLayout::Overlay => (page_width * 0.42).max(date_width + 2.0).min(page_width * 0.5).max(200.0),
    };
    egui::Area::new(ui.make_persistent_id("print_date_box"))
        .fixed_pos(at)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            panel_frame(scale).show(ui, |ui| {
                ui.set_max_width(max_width);
                if let PageLayout::Column(_) = frame.layout {
                    ui.set_min_width(max_width);
                }
                if frame.decorations == Decorations::Full {
                    ui.label(RichText::new(format!("{} · {}", tr("app_title"), tr("app_subtitle"))).size(14.0 * scale));
                }
                ui.label(RichText::new(text).font(date_font).color(style::LABEL));
                if let Some(old) = date.old_style().filter(|_| frame.show_old_style) {
                    let old_text = format!("({}: {})", tr("old_style"), frame.texts.format_date(frame.language, old));
                    ui.label(RichText::new(old_text).size(15.0 * scale));
                }
                if let Some(caption) = frame.caption.filter(|caption| !caption.is_empty()) {
                    ui.add(egui::Label::new(RichText::new(caption).size(16.0 * scale).color(style::LABEL)).wrap());
                }
            });
        })
        .response
        .rect
}

/// The legend in the bottom-left corner, under the date box. When a long caption (or a date
/// that takes two lines, as Kazakh dates can) leaves too little room, the legend is drawn smaller,
/// down to 60 %; only when that is still too tall does it move beside the date box.
fn legend_box_ui(ui: &mut egui::Ui, frame: &PrintFrame<'_>, bottom_left: Pos2, date_box: Rect) {
    let scale = frame.text_scale;
    // The legend lists only what this map shows; on a projector at a little less than the map's
    // scale and without the notes.
    let compact = scale >= 1.5;
    let wanted_scale = if compact { scale * 0.75 } else { scale };
    let id = ui.make_persistent_id("print_legend");
    // The legend's size per unit of scale as last drawn (the first frame of a render is a
    // sizing pass): it grows in proportion to its scale.
    let last_scale = ui.ctx().data(|data| data.get_temp::<f32>(id));
    let last_rect = ui.ctx().memory(|memory| memory.area_rect(id));
    let unit_size = last_scale.zip(last_rect).map(|(last, rect)| rect.size() / last.max(0.01));
    let mut legend_scale = wanted_scale;
    let mut bottom_left = bottom_left;
    if let Some(unit) = unit_size.filter(|unit| unit.y > 0.0) {
        let room = bottom_left.y - date_box.bottom();
        if unit.y * wanted_scale > room {
            let fitted = room / unit.y;
            if fitted >= wanted_scale * 0.6 {
                legend_scale = fitted;
            } else if let PageLayout::Column(_) = frame.layout {
                // Beside the date box it would cover the map's subject: in a column the legend
                // shrinks to the room left, and is left out when that is too little to read.
                if fitted < wanted_scale * 0.3 {
                    ui.ctx().data_mut(|data| data.insert_temp(id.with("left_out"), true));
                    return;
                }
                legend_scale = fitted;
            } else {
                legend_scale = wanted_scale * 0.6;
                bottom_left.x = date_box.right();
            }
        }
    }
    // In a column the legend is no wider than the column, so that it never reaches the subject.
    if let (PageLayout::Column(column), Some(unit)) = (frame.layout, unit_size.filter(|unit| unit.x > 0.0)) {
        let room = column - 2.0 * 12.0 * scale;
        if unit.x * legend_scale > room {
            legend_scale = room / unit.x;
            if legend_scale < wanted_scale * 0.3 {
                ui.ctx().data_mut(|data| data.insert_temp(id.with("left_out"), true));
                return;
            }
        }
    }
    // A legend drawn at another scale than last time is placed by last time's size (it hangs from
    // its bottom corner): draw once more, so that a page that is not animating settles too.
    if last_scale.is_some_and(|last| (last - legend_scale).abs() > 1e-3) {
        ui.ctx().request_repaint();
    }
    ui.ctx().data_mut(|data| {
        data.insert_temp(id, legend_scale);
        data.insert_temp(id.with("left_out"), false);
    });
    egui::Area::new(id)
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(bottom_left)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            ui.style_mut().text_styles.iter_mut().for_each(|(_, font)| font.size *= legend_scale);
            panel_frame(legend_scale).show(ui, |ui| {
                legend_for_date_ui(ui, (frame.texts, frame.language), frame.atlas, &[frame.paint.date], usize::MAX);
                if !compact {
                    ui.label(RichText::new(frame.texts.tr(frame.language, "towns_and_countryside")).small());
                }
            });
        });
}

/// A bar of a round number of kilometres, about a sixth of the map wide at most.
fn scale_bar(painter: &egui::Painter, projector: &Projector, bottom_right: Pos2, scale: f32) {
    let points_per_km = projector.points_per_km();
    if !(points_per_km.is_finite() && points_per_km > 0.0) {
        return;
    }
    let wanted_km = 140.0 * scale / points_per_km;
    let km = nice_round_km(wanted_km);
    let length = km * points_per_km;
    let height = 6.0 * scale;
    let left = bottom_right.x - length;
    let bar = Rect::from_min_max(pos2(left, bottom_right.y - height), bottom_right);
    let background = bar.expand2(vec2(8.0 * scale, 6.0 * scale)).with_min_y(bar.min.y - 22.0 * scale);
    painter.rect_filled(background, 3.0, style::LABEL_HALO);
    painter.rect_filled(Rect::from_min_max(bar.min, pos2(bar.center().x, bar.max.y)), 0.0, style::LABEL);
    painter.rect_stroke(bar, 0.0, Stroke::new(1.0 * scale, style::LABEL), egui::StrokeKind::Inside);
    let font = FontId::proportional(12.0 * scale);
    painter.text(
        pos2(bar.center().x, bar.min.y - 3.0 * scale),
        Align2::CENTER_BOTTOM,
        format!("{km:.0} km"),
        font,
        style::LABEL,
    );
}

/// 1, 2 or 5 times a power of ten, not more than `km`.
pub fn nice_round_km(km: f32) -> f32 {
    if !(km.is_finite() && km > 0.0) {
        return 1.0;
    }
    let power = 10f32.powf(km.log10().floor());
    [5.0, 2.0, 1.0].into_iter().map(|step| step * power).find(|&candidate| candidate <= km).unwrap_or(power)
}

/// An arrow along the meridian through the middle of the map: in a conic projection north
/// turns from place to place, so the arrow is computed, not assumed to point up.
fn north_arrow(painter: &egui::Painter, albers: &Albers, projector: &Projector, centre: Pos2, scale: f32) {
    let lon_lat = albers.lonlat_from_map(projector.map_from_screen(painter.clip_rect().center()));
    let north = LonLat { lon: lon_lat.lon, lat: (lon_lat.lat + 1.0).min(89.0) };
    let here = projector.screen_from_map(albers.map_from_lonlat(lon_lat));
    let there = projector.screen_from_map(albers.map_from_lonlat(north));
    let direction = (there - here).normalized();
    if !direction.is_finite() {
        return;
    }
    let length = 26.0 * scale;
    let tip = centre + direction * length * 0.5;
    let tail = centre - direction * length * 0.5;
    let side = vec2(-direction.y, direction.x) * 7.0 * scale;
    painter.circle_filled(centre, length * 0.75, style::LABEL_HALO);
    painter.add(egui::Shape::convex_polygon(
        vec![tip, tail + side, centre - direction * 3.0 * scale],
        style::LABEL,
        Stroke::NONE,
    ));
    painter.add(egui::Shape::convex_polygon(
        vec![tip, centre - direction * 3.0 * scale, tail - side],
        Color32::WHITE,
        Stroke::new(1.0 * scale, style::LABEL),
    ));
    let font = egui::FontId::new(13.0 * scale, egui::FontFamily::Name(super::fonts::BOLD.into()));
    painter.text(tip + direction * 9.0 * scale, Align2::CENTER_CENTER, "N", font, style::LABEL);
}

/// The header of a poster: title, legend in a row, attribution.
pub fn poster_header_ui(ui: &mut egui::Ui, texts: &Translations, language: Language, scale: f32) {
    let tr = |key| texts.tr(language, key);
    let bold = egui::FontFamily::Name(super::fonts::BOLD.into());
    ui.painter().rect_filled(ui.max_rect(), 0.0, style::BACKGROUND);
    egui::Frame::new().inner_margin(16.0 * scale).show(ui, |ui| {
        ui.label(
            RichText::new(format!("{} · {}", tr("app_title"), tr("app_subtitle")))
                .font(FontId::new(34.0 * scale, bold)),
        );
        ui.style_mut().text_styles.iter_mut().for_each(|(_, font)| font.size *= scale);
        ui.horizontal_wrapped(|ui| legend_ui(ui, texts, language));
        ui.label(RichText::new(texts.tr(language, "attribution")).size(11.0 * scale));
    });
}

#[cfg(test)]
mod tests {
    use super::nice_round_km;

    #[test]
    fn scale_bars_use_round_lengths() {
        assert_eq!(nice_round_km(740.0), 500.0);
        assert_eq!(nice_round_km(230.0), 200.0);
        assert_eq!(nice_round_km(99.0), 50.0);
        assert_eq!(nice_round_km(1.0), 1.0);
    }
}
