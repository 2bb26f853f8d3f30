//! The display menu in the header: the theme (light, dark, sepia, the system's) and the text
//! size, saved in the browser. The prepaint script has already applied the saved choice before
//! the page was painted; this only changes it. Its panel is rendered when opened, from the
//! saved choice, so the prerendered page (the button alone) is what hydration meets.
//!
//! On an article it also offers a second language beside the text (`?with=`): not saved, but
//! held in the address like the script, so that a reload or a link keeps it; the choice
//! replaces the address's history entry, as the script switch does.

use yew::prelude::*;

use crate::display::{Display, TextSize};
use crate::embed::Theme;
use crate::i18n::Msg;
use crate::lang::Lang;
use crate::locale::{Locale, WITH_KEY};
use crate::route::Route;
use crate::ui::dom;
use crate::ui::nav::use_nav;
use crate::ui::state::use_locale;

/// Props for [`DisplayMenu`].
#[derive(Properties, PartialEq)]
pub struct DisplayMenuProps {
    /// The interface language.
    pub lang: Lang,
}

/// The id of the menu's panel, which its button controls.
const PANEL_ID: &str = "cv-display-panel";

/// A button that opens the theme and text size choices.
#[component]
pub fn DisplayMenu(props: &DisplayMenuProps) -> Html {
    let lang = props.lang;
    let ui = use_locale(lang);
    let nav = use_nav();
    // `None` while closed; the choice shown while open.
    let open = use_state(|| None::<Display>);
    let button = use_node_ref();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(match *open {
                Some(_) => None,
                None => Some(dom::storage::display_prefs()),
            })
        })
    };
    {
        // Escape closes the panel and gives focus back to its button.
        let open = open.clone();
        let button = button.clone();
        use_effect_with(open.is_some(), move |&is_open| {
            let guard = is_open
                .then(|| {
                    dom::focus::on_escape(move || {
                        open.set(None);
                        dom::focus::focus(&button);
                    })
                })
                .flatten();
            // The cleanup owns the listener: it is removed when the panel closes.
            move || {
                let _listener = guard;
            }
        });
    }
    let choose = |display: Display| {
        let open = open.clone();
        Callback::from(move |_: Event| {
            dom::page::set_theme(display.theme);
            dom::page::set_text_size(display.size);
            dom::storage::save_display_prefs(display);
            open.set(Some(display));
        })
    };
    let panel = open.map(|current| {
        let themes = Theme::ALL.into_iter().map(|theme| {
            let label = match theme {
                Theme::Light => Msg::ThemeLight,
                Theme::Dark => Msg::ThemeDark,
                Theme::Sepia => Msg::ThemeSepia,
                Theme::Auto => Msg::ThemeSystem,
            };
            choice(
                "theme",
                theme.tag(),
                current.theme == theme,
                ui.text(label),
                choose(Display { theme, ..current }),
            )
        });
        let sizes = TextSize::ALL.into_iter().map(|size| {
            let label = match size {
                TextSize::Small => Msg::TextSmall,
                TextSize::Normal => Msg::TextNormal,
                TextSize::Large => Msg::TextLarge,
            };
            choice(
                "size",
                size.tag(),
                current.size == size,
                ui.text(label),
                choose(Display { size, ..current }),
            )
        });
        // The languages that can be shown beside an article's own, and none.
        let beside = matches!(nav.route(), Route::Article { .. }).then(|| {
            let choices = [None, Some(Lang::Kk), Some(Lang::Ru), Some(Lang::En)]
                .into_iter()
                .filter(|&w| w != Some(lang))
                .map(|with| {
                    let checked = nav.with == with;
                    let nav = nav.clone();
                    let onchange = Callback::from(move |_: Event| {
                        nav.set_option(WITH_KEY, with.map(Lang::tag));
                    });
                    let label = match with {
                        Some(w) => Locale::new(w, ui.script).write(w.native_name()),
                        None => ui.text(Msg::WithNone),
                    };
                    choice(
                        "with",
                        with.map_or("none", Lang::tag),
                        checked,
                        label,
                        onchange,
                    )
                });
            html! {
                <fieldset class="cv-display__group">
                    <legend>{ ui.text(Msg::WithHeading) }</legend>
                    { for choices }
                </fieldset>
            }
        });
        html! {
            <div class="cv-display__panel" id={PANEL_ID} data-testid="display-panel">
                <fieldset class="cv-display__group">
                    <legend>{ ui.text(Msg::ThemeHeading) }</legend>
                    { for themes }
                </fieldset>
                <fieldset class="cv-display__group">
                    <legend>{ ui.text(Msg::TextSizeHeading) }</legend>
                    { for sizes }
                </fieldset>
                { beside.unwrap_or_default() }
            </div>
        }
    });
    html! {
        <div class="cv-display">
            <button type="button" class="cv-display__button" ref={button}
                aria-expanded={if open.is_some() { "true" } else { "false" }}
                aria-controls={PANEL_ID} data-testid="display-button" onclick={toggle}>
                <span aria-hidden="true">{ "Aa" }</span>
                <span class="cv-visually-hidden">{ ui.text(Msg::DisplaySettings) }</span>
            </button>
            { panel.unwrap_or_default() }
        </div>
    }
}

/// One radio choice of the panel's `group` (`theme`, `size`), named, classed and test-marked
/// by the group and the value's tag.
fn choice(
    group: &str,
    tag: &str,
    checked: bool,
    label: std::borrow::Cow<'static, str>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class={classes!("cv-display__choice", format!("cv-display__{group}--{tag}"))}>
            <input type="radio" name={format!("cv-display-{group}")} value={tag.to_owned()} {checked}
                data-testid={format!("display-{group}-{tag}")} {onchange} />
            { label }
        </label>
    }
}
