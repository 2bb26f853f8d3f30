//! Reader state shared by the components: one reducer, one context.
//!
//! The language lives in the URL; this holds what the URL does not: which entity types are
//! highlighted, whether highlighting is on at all, and which entity's card is open. A second,
//! fixed context, [`EmbedMode`], tells components whether they run in a partner's iframe. The
//! script Kazakh is shown in is the address's, held with it ([`use_script`], [`use_locale`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::embed::EmbedOptions;
use crate::entities::EntityType;
use crate::lang::Lang;
use crate::locale::Locale;
use crate::script::Script;
use crate::ui::nav::use_nav;

/// Whether this document is the embed view, and with which options. Decided once, from the
/// first route: an embed's links never leave `/embed/`, so it stays an embed, and it never
/// reads or writes the browser's storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedMode {
    /// The embed's options; `None` on the full site.
    pub options: Option<Rc<EmbedOptions>>,
}

impl EmbedMode {
    /// Whether this is the embed view.
    pub fn embedded(&self) -> bool {
        self.options.is_some()
    }
}

/// Whether the component runs in the embed view (false outside an [`EmbedMode`] provider).
#[hook]
pub fn use_embedded() -> bool {
    use_context::<EmbedMode>().is_some_and(|m| m.embedded())
}

/// The entity whose card is open, located so that it can be found again in another language:
/// the `nth` mention of `id` within paragraph `paragraph` (paragraphs align across languages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    /// The entity's id.
    pub id: String,
    /// The paragraph of the mention the card belongs to (0 outside numbered paragraphs).
    pub paragraph: u32,
    /// Which of that entity's mentions in that paragraph, from 0.
    pub nth: usize,
}

/// What the reader has chosen about highlighting, and the open card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderState {
    /// Whether mentions are highlighted at all.
    pub highlight: bool,
    /// Entity types the reader has hidden.
    pub hidden: Vec<EntityType>,
    /// The open card, if any.
    pub focus: Option<Focus>,
}

/// What a reader sees before choosing anything: everything highlighted, no card open.
static DEFAULTS: ReaderState = ReaderState {
    highlight: true,
    hidden: Vec::new(),
    focus: None,
};

impl Default for ReaderState {
    fn default() -> Self {
        DEFAULTS.clone()
    }
}

/// A change to the reader state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Hide the type if shown, show it if hidden.
    ToggleType(EntityType),
    /// Turn highlighting on or off.
    SetHighlight(bool),
    /// Open the card for a mention.
    Open(Focus),
    /// Close the card.
    Close,
    /// Take the saved highlighting choices (the string [`ReaderState::to_saved`] wrote); the
    /// open card stays as it is.
    Restore(Option<String>),
    /// Take an embed's highlighting options (its `types` and `highlight` query); the open card
    /// stays as it is.
    Embed(Rc<EmbedOptions>),
}

impl ReaderState {
    /// Whether mentions of `kind` are highlighted now.
    pub fn shows(&self, kind: EntityType) -> bool {
        self.highlight && !self.hidden.contains(&kind)
    }

    /// The saved preferences as stored: `highlight=1;hidden=person,date`.
    pub fn to_saved(&self) -> String {
        let hidden: Vec<&str> = self.hidden.iter().map(|t| t.tag()).collect();
        format!(
            "highlight={};hidden={}",
            u8::from(self.highlight),
            hidden.join(",")
        )
    }

    /// The embed view's starting state: from its query options, never from storage.
    pub fn from_embed(options: &EmbedOptions) -> ReaderState {
        // Sorted like the reducer keeps it, so equal choices compare equal.
        let mut hidden: Vec<EntityType> = EntityType::ALL
            .into_iter()
            .filter(|&t| !options.shows(t))
            .collect();
        hidden.sort();
        ReaderState {
            highlight: options.highlight,
            hidden,
            focus: None,
        }
    }

    /// Reads saved preferences; anything malformed is ignored, field by field, so garbage in
    /// storage never breaks the page.
    pub fn from_saved(saved: Option<&str>) -> ReaderState {
        let mut state = ReaderState::default();
        for part in saved.unwrap_or("").split(';') {
            match part.split_once('=') {
                Some(("highlight", v)) => state.highlight = v != "0",
                Some(("hidden", v)) => {
                    state.hidden = v.split(',').filter_map(EntityType::from_tag).collect();
                    state.hidden.sort();
                    state.hidden.dedup();
                }
                _ => {}
            }
        }
        state
    }
}

impl Reducible for ReaderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ToggleType(kind) => {
                if let Some(i) = next.hidden.iter().position(|&k| k == kind) {
                    next.hidden.remove(i);
                } else {
                    next.hidden.push(kind);
                    next.hidden.sort();
                }
            }
            Action::SetHighlight(on) => next.highlight = on,
            Action::Open(focus) => next.focus = Some(focus),
            Action::Close => next.focus = None,
            Action::Embed(options) => {
                let chosen = ReaderState::from_embed(&options);
                next.highlight = chosen.highlight;
                next.hidden = chosen.hidden;
            }
            Action::Restore(saved) => {
                let saved = ReaderState::from_saved(saved.as_deref());
                next.highlight = saved.highlight;
                next.hidden = saved.hidden;
            }
        }
        // An unchanged state keeps its Rc, which spares the re-render.
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The context handle the shell provides.
pub type ReaderHandle = UseReducerHandle<ReaderState>;

/// The reader state as a component sees it ([`use_reader`]): the shell's state, read through
/// `Deref`, and changed with [`Reader::dispatch`]. Outside the shell's provider (a component
/// rendered alone) it reads as the defaults and changes nothing.
#[derive(Clone, PartialEq)]
pub struct Reader(Option<ReaderHandle>);

impl Reader {
    /// Applies `action` to the shared state (nothing outside a provider).
    pub fn dispatch(&self, action: Action) {
        if let Some(handle) = &self.0 {
            handle.dispatch(action);
        }
    }
}

impl std::ops::Deref for Reader {
    type Target = ReaderState;

    fn deref(&self) -> &ReaderState {
        self.0.as_deref().unwrap_or(&DEFAULTS)
    }
}

/// The reader state from the shell's context, or the defaults outside it.
#[hook]
pub fn use_reader() -> Reader {
    Reader(use_context::<ReaderHandle>())
}

/// The script Kazakh is shown in, as the address holds it
/// ([`Nav::script`](crate::ui::nav::Nav::script)); Cyrillic outside
/// a [`NavProvider`](crate::ui::nav::NavProvider).
#[hook]
pub fn use_script() -> Script {
    use_nav().script
}

/// The locale of text in `lang`: that language in the script the reader chose.
#[hook]
pub fn use_locale(lang: Lang) -> Locale {
    Locale::new(lang, use_script())
}

/// The embed's options from the shell's context; `None` on the full site.
#[hook]
pub fn use_embed_options() -> Option<Rc<EmbedOptions>> {
    use_context::<EmbedMode>().and_then(|m| m.options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_preferences_round_trip_and_garbage_is_ignored() {
        let state = ReaderState {
            highlight: false,
            hidden: vec![EntityType::Person, EntityType::Date],
            focus: None,
        };
        let mut expected = state.clone();
        expected.hidden.sort();
        assert_eq!(ReaderState::from_saved(Some(&state.to_saved())), expected);
        assert_eq!(
            ReaderState::from_saved(Some("\u{0}garbage;;hidden=x,person,person")).hidden,
            [EntityType::Person]
        );
        assert_eq!(ReaderState::from_saved(None), ReaderState::default());
    }

    #[test]
    fn any_stored_value_gives_a_state() {
        // What the browser tests put in storage (tests/browser/odd-input.test.mjs).
        let huge = format!("highlight=0;hidden={}", "person,".repeat(20_000));
        let state = ReaderState::from_saved(Some(&huge));
        assert_eq!(
            (state.highlight, state.hidden),
            (false, vec![EntityType::Person])
        );
        for odd in [
            "{",
            "null",
            "[]",
            "-1e309",
            "\"ru\"",
            "\u{d7ff}",
            "=;=;==",
            "highlight",
            "ru",
        ] {
            assert_eq!(
                ReaderState::from_saved(Some(odd)),
                ReaderState::default(),
                "{odd}"
            );
        }
        let x = "x".repeat(1_000_000);
        assert_eq!(ReaderState::from_saved(Some(&x)), ReaderState::default());
    }

    #[test]
    fn the_embed_starts_from_its_options() {
        let options = EmbedOptions::parse("types=person,org&highlight=0");
        let state = ReaderState::from_embed(&options);
        assert!(!state.highlight);
        assert_eq!(
            state.hidden,
            [
                EntityType::Place,
                EntityType::Date,
                EntityType::Event,
                EntityType::Law
            ]
        );
        let on = ReaderState {
            highlight: true,
            ..state
        };
        assert!(on.shows(EntityType::Person) && !on.shows(EntityType::Date));
        assert_eq!(
            ReaderState::from_embed(&EmbedOptions::default()),
            ReaderState::default()
        );
    }

    #[test]
    fn outside_a_provider_the_reader_reads_the_defaults() {
        let reader = Reader(None);
        assert_eq!(*reader, ReaderState::default());
        reader.dispatch(Action::SetHighlight(false));
        assert!(reader.highlight && reader.focus.is_none());
    }

    #[test]
    fn toggling_twice_restores_and_no_op_keeps_the_same_rc() {
        let s = Rc::new(ReaderState::default());
        let hidden = s.clone().reduce(Action::ToggleType(EntityType::Org));
        assert!(!hidden.shows(EntityType::Org) && hidden.shows(EntityType::Person));
        let shown = hidden.reduce(Action::ToggleType(EntityType::Org));
        assert_eq!(*shown, *s);
        let same = s.clone().reduce(Action::Close);
        assert!(Rc::ptr_eq(&same, &s));
    }
}
