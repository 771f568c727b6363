//! Where the keyboard focus goes when windows and popups open and close, and which keys the
//! focused widget keeps for itself.
//!
//! egui leaves the focus where it was when a window opens, and drops it when the focused widget
//! disappears (a closed window, a chosen menu item): a keyboard or screen-reader user is then
//! nowhere. These rules put it into a window when it opens and back where it came from after.

use eframe::egui::{self, Id};

/// The desk's windows that are open, in the order they were opened, each with the widget that
/// had the focus before it, to give the focus back to.
#[derive(Default)]
pub struct WindowFocus {
    open: Vec<(&'static str, Option<Id>)>,
    /// The focus as the frame began, before this frame's clicks and keys moved it.
    focus_at_start: Option<Id>,
}

/// One window as the frame ends: its name, whether it is open, and where the focus goes when
/// it closes if nothing had the focus before it opened.
pub struct WindowState {
    pub name: &'static str,
    pub open: bool,
    pub fallback: Option<Id>,
}

impl WindowFocus {
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.focus_at_start = ctx.memory(|memory| memory.focused());
    }

    /// The window opened last that is still open: the one Escape closes.
    pub fn topmost(&self) -> Option<&'static str> {
        self.open.last().map(|(name, _)| *name)
    }

    /// Notes the windows that opened this frame (they take the focus on the next, see
    /// [`take_focus`]) and gives the focus back from those that closed.
    pub fn end_frame(&mut self, ctx: &egui::Context, windows: &[WindowState]) {
        for window in windows {
            let known = self.open.iter().position(|(name, _)| *name == window.name);
            match (window.open, known) {
                (true, None) => {
                    self.open.push((window.name, self.focus_at_start));
                    ctx.data_mut(|data| data.insert_temp(wants_focus_id(window.name), true));
                    ctx.request_repaint();
                }
                (false, Some(index)) => {
                    let (_, before) = self.open.remove(index);
                    ctx.data_mut(|data| data.remove::<bool>(wants_focus_id(window.name)));
                    if let Some(id) = before.or(window.fallback) {
                        ctx.memory_mut(|memory| memory.request_focus(id));
                    }
                }
                _ => {}
            }
        }
    }
}

fn wants_focus_id(window: &str) -> Id {
    Id::unique(("window takes the focus", window))
}

/// Whether the window `name` has just opened and its first widget should take the focus: true
/// once, in the window's first frame after it opened.
pub fn take_focus(ctx: &egui::Context, name: &str) -> bool {
    ctx.data_mut(|data| data.remove_temp::<bool>(wants_focus_id(name))).unwrap_or(false)
}

/// Puts the focus into the window `name` again on its next frame, as when it opened (after a
/// button it had focused was greyed out while it worked).
pub fn give_back_to(ctx: &egui::Context, name: &str) {
    ctx.data_mut(|data| data.insert_temp(wants_focus_id(name), true));
    ctx.request_repaint();
}

/// Gives the focus back to a popup's button (a combo box, a menu) when its popup closes with the
/// focus in it: egui would drop the focus with the chosen item. `open` is whether the popup is
/// open this frame; `name` is a stable name for the popup (the button's id changes when the top
/// bar wraps, as choosing a larger text size in the menu makes it do).
pub fn return_from_popup(button: &egui::Response, open: bool, name: &str) {
    let ctx = &button.ctx;
    let was_open_id = Id::unique(("popup was open", name));
    let was_open = ctx.data(|data| data.get_temp::<bool>(was_open_id)).unwrap_or(false);
    ctx.data_mut(|data| data.insert_temp(was_open_id, open));
    // Always: the focus was in the popup (or nowhere); a click elsewhere did not take it.
    if was_open && !open {
        button.request_focus();
    }
}

/// Scrolls a scroll area's content (`ui`) to the widget that has just taken the focus, when it
/// is inside: Tab would otherwise move into links below the visible part of the side panel.
pub fn scroll_to_new_focus(ui: &egui::Ui) {
    let focused = ui.memory(|memory| memory.focused());
    let seen_id = ui.scope_id().with("focus seen");
    let before: Option<Id> = ui.data(|data| data.get_temp::<Option<Id>>(seen_id)).flatten();
    ui.data_mut(|data| data.insert_temp(seen_id, focused));
    let Some(id) = focused.filter(|&id| Some(id) != before) else { return };
    let Some(rect) = ui.ctx().read_response(id).map(|response| response.rect) else { return };
    if ui.min_rect().contains_rect(rect) {
        ui.scroll_to_rect(rect, None);
    }
}

/// Keeps ←/→ and Escape away from egui's focus movement while a button, a box or a slider has
/// the focus, so that the arrows step the date there too (egui would move the focus to the
/// next button) and Escape closes what is open (egui would drop the focus). Text boxes keep
/// their keys; the map sets its own filter.
pub fn keep_date_keys(ctx: &egui::Context, except: &[Id]) {
    let Some(focused) = ctx.memory(|memory| memory.focused()) else { return };
    if except.contains(&focused) || ctx.text_edit_focused() {
        return;
    }
    // ↑/↓ too: egui would move the focus to the nearest widget that way, out of a window into
    // the main one. An open menu or list keeps its arrows.
    let vertical_arrows = !egui::Popup::is_any_open(ctx);
    let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows, escape: true, ..Default::default() };
    ctx.memory_mut(|memory| memory.set_focus_lock_filter(focused, filter));
}
