//! What a screen reader needs beyond egui's own widget info: the value of a box, headings, the
//! language of a text, names for buttons drawn as glyphs, and a live region that says aloud
//! what changed (the date, an export, an error).
//!
//! All of it writes to the AccessKit node egui already made for the widget, and does nothing
//! when no assistive technology is listening.

use eframe::egui::{self, Response, accesskit};

use atlas_core::model::Language;

/// The value a box shows ("English", "1 month per second"): egui names a combo box by its label
/// but leaves out what is chosen.
/// Given as the description too: the AT-SPI bridge passes a slider's number and a combo box's
/// name on, but not a value's text.
pub fn value(response: &Response, value: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_value(value);
        node.set_description(value);
    });
}

/// Replaces a widget's name, for buttons whose text is a glyph ("◀" reads as "Previous day").
pub fn name(response: &Response, role: egui::Role, label: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, response.enabled(), label));
}

/// Marks a label as a heading of the given level (1 for a window's title, 2 for its sections).
pub fn heading(response: &Response, level: usize) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(accesskit::Role::Heading);
        node.set_level(level);
        // egui puts a label's text in its value; a heading is named by it.
        if let Some(text) = node.value().map(str::to_owned) {
            node.clear_value();
            node.set_label(text);
        }
    });
}

/// Names the resize handle of the panel `Panel::…(panel_salt)` shown in `parent` ("Resize panel"
/// in egui, in English only).
pub fn name_panel_resize(parent: &egui::Ui, panel_salt: &str, label: &str) {
    let id = parent.scope_id().with_salt(egui::IdSalt::new(panel_salt)).with("__resize");
    parent.ctx().accesskit_node_builder(id, |node| node.set_label(label));
}

/// Says in which language a text is written, where it differs from the interface's (a place's
/// names in all three languages, a language's own name in the language list).
pub fn language(response: &Response, language: Language) {
    response.ctx.accesskit_node_builder(response.id, |node| node.set_language(language_tag(language)));
}

/// Names the window's root node and gives its language, so that a screen reader reads the
/// whole window in the interface language.
pub fn name_window(ctx: &egui::Context, title: &str, interface: Language) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
        node.set_label(title);
        node.set_language(language_tag(interface));
    });
}

/// The BCP 47 tag of a language, as AccessKit and screen readers take it.
fn language_tag(language: Language) -> &'static str {
    match language {
        Language::KkLatn => "kk-Latn",
        other => other.code(),
    }
}

/// How long the date must stay still before it is read out: playing or dragging the slider
/// would otherwise read every day.
const SETTLE_SECONDS: f64 = 0.6;

/// A polite live region: a screen reader reads its text whenever it changes. The date is read
/// once it settles; results and errors at once.
#[derive(Default)]
pub struct Announcer {
    text: String,
    /// The date read out last: another text read in between (a place opened) does not make
    /// the same date be read again after it.
    date_said: String,
    /// A date's text waiting to settle, and since when (egui time).
    pending: Option<(String, f64)>,
}

impl Announcer {
    /// Reads out `text` now (an export saved, an error).
    pub fn say(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.pending = None;
    }

    /// Reads out the date's text once it has not changed for a moment.
    pub fn say_when_settled(&mut self, ctx: &egui::Context, text: String) {
        let now = ctx.input(|input| input.time);
        if self.pending.as_ref().is_none_or(|(pending, _)| *pending != text) {
            if text == self.date_said {
                self.pending = None;
                return;
            }
            self.pending = Some((text, now));
        }
        if let Some((pending, since)) = &self.pending {
            let left = SETTLE_SECONDS - (now - since);
            if left <= 0.0 {
                self.text = pending.clone();
                self.date_said = pending.clone();
                self.pending = None;
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
            }
        }
    }

    /// What was read out last.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The live region's node: invisible, at the top left of `ui`.
    pub fn show(&self, ui: &mut egui::Ui) {
        let id = ui.scope_id().with("live region");
        let rect = egui::Rect::from_min_size(ui.max_rect().min, egui::Vec2::ZERO);
        let response = ui.interact(rect, id, egui::Sense::hover());
        response.ctx.accesskit_node_builder(response.id, |node| {
            node.set_role(accesskit::Role::Status);
            node.set_live(accesskit::Live::Polite);
            node.set_label(self.text.as_str());
        });
    }
}
