//! The reader's display choices on the full site: a theme and a text size, saved in the
//! browser as one short string and applied as two attributes on `<html>`
//! ([`crate::markup::THEME_ATTR`], [`crate::markup::SIZE_ATTR`]) that the stylesheet reads.
//!
//! They must be on the page before its first paint, or a dark-theme reader sees a white flash
//! on every page: the site generator writes a small script of its own into every page's head
//! (`site::template::prepaint_script`), handed the names and values from here, that applies the
//! saved choice (in the embed view, the partner's `theme=`) before the stylesheet is used. The
//! app only changes them when the reader does.

use crate::embed::Theme;

/// The localStorage key of the display choices.
pub const DISPLAY_KEY: &str = "courtview.display";

/// The size of the text read: the article and the lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextSize {
    /// About one step smaller than usual.
    Small,
    /// The site's own size.
    #[default]
    Normal,
    /// About two steps larger than usual.
    Large,
}

impl TextSize {
    /// Every size, smallest first, as the menu offers them.
    pub const ALL: [TextSize; 3] = [TextSize::Small, TextSize::Normal, TextSize::Large];

    /// The value of `data-size` and of the saved choice.
    pub const fn tag(self) -> &'static str {
        match self {
            TextSize::Small => "small",
            TextSize::Normal => "normal",
            TextSize::Large => "large",
        }
    }

    /// Reads a tag.
    pub fn from_tag(tag: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|s| s.tag() == tag)
    }
}

/// What the reader chose. The site follows the system's colours until they choose a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Display {
    /// The colours.
    pub theme: Theme,
    /// The text size.
    pub size: TextSize,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            theme: Theme::Auto,
            size: TextSize::Normal,
        }
    }
}

impl Display {
    /// Reads a saved choice (`theme=dark;size=large`); what is missing, unknown or malformed
    /// keeps its default, so another version's or another app's value does no harm.
    pub fn parse(saved: &str) -> Display {
        let mut display = Display::default();
        for part in saved.split(';') {
            match part.split_once('=') {
                Some(("theme", v)) => {
                    display.theme = Theme::from_tag(v).unwrap_or(display.theme);
                }
                Some(("size", v)) => display.size = TextSize::from_tag(v).unwrap_or(display.size),
                _ => {}
            }
        }
        display
    }

    /// The form [`Display::parse`] reads, which the prepaint script reads too.
    pub fn to_saved(self) -> String {
        format!("theme={};size={}", self.theme.tag(), self.size.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_and_junk_keeps_the_defaults() {
        for theme in Theme::ALL {
            for size in TextSize::ALL {
                let d = Display { theme, size };
                assert_eq!(Display::parse(&d.to_saved()), d);
            }
        }
        assert_eq!(Display::parse(""), Display::default());
        assert_eq!(Display::parse("theme=neon;size=huge;x"), Display::default());
        assert_eq!(
            Display::parse("size=large"),
            Display {
                theme: Theme::Auto,
                size: TextSize::Large
            }
        );
    }
}
