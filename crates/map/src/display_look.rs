//! How the map's colours are laid on, chosen for the place the map is shown. It is a setting,
//! never guessed from the text size: a kiosk on a 4K monitor draws large text but has no
//! projector to wash its colours out, and a lecture on a small projector draws smaller text on
//! a screen that washes them out all the same.

/// The map's fills: light enough for the relief to show through on a monitor, or laid on thick
/// for a projector.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DisplayLook {
    /// A monitor or a touch screen: the desk's translucent fills (the kiosk's default).
    #[default]
    Screen,
    /// A projector, which washes colours out: nearly opaque fills (`present`'s default).
    Projector,
}

/// A look that is neither `projector` nor `screen`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}`: use \"projector\" or \"screen\"")]
pub struct UnknownLook(pub String);

impl DisplayLook {
    /// `projector` or `screen`, as `kiosk.toml` and `present --look` write it.
    pub fn parse(text: &str) -> Result<DisplayLook, UnknownLook> {
        match text.trim().to_ascii_lowercase().as_str() {
            "screen" => Ok(DisplayLook::Screen),
            "projector" => Ok(DisplayLook::Projector),
            _ => Err(UnknownLook(text.to_owned())),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            DisplayLook::Screen => "screen",
            DisplayLook::Projector => "projector",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_parse_by_name_and_nothing_else() {
        assert_eq!(DisplayLook::parse("projector"), Ok(DisplayLook::Projector));
        assert_eq!(DisplayLook::parse(" Screen "), Ok(DisplayLook::Screen));
        assert!(DisplayLook::parse("beamer").is_err_and(|error| error.to_string().contains("`beamer`")));
        assert_eq!(DisplayLook::default(), DisplayLook::Screen);
    }
}
