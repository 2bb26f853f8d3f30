//! The legend: the entity types an article mentions, with counts; each can be hidden, and all
//! highlighting can be switched off.

use yew::prelude::*;

use crate::document::MentionInfo;
use crate::entities::EntityType;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::locale::Locale;
use crate::ui::state::{Action, Reader, use_locale, use_reader};

/// Props for [`EntityLegend`].
#[derive(Properties, PartialEq)]
pub struct EntityLegendProps {
    /// The interface language.
    pub lang: Lang,
    /// The article's mentions.
    pub mentions: std::rc::Rc<Vec<MentionInfo>>,
}

/// `<section data-testid="entity-legend">` with a toggle per type present and a master switch.
#[component]
pub fn EntityLegend(props: &EntityLegendProps) -> Html {
    let reader = use_reader();
    let ui = use_locale(props.lang);
    let counts: Vec<(EntityType, usize)> = EntityType::ALL
        .into_iter()
        .map(|t| (t, props.mentions.iter().filter(|m| m.kind == t).count()))
        .filter(|&(_, n)| n > 0)
        .collect();
    if counts.is_empty() {
        return Html::default();
    }
    let highlight = reader.highlight;
    let toggle_all = {
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| reader.dispatch(Action::SetHighlight(!highlight)))
    };
    html! {
        <section class="cv-legend" data-testid="entity-legend" aria-labelledby="cv-legend-title">
            <h2 class="cv-legend__title" id="cv-legend-title">{ ui.text(Msg::LegendHeading) }</h2>
            <ul class="cv-legend__list">
                for (kind, count) in counts {
                    <li>{ legend_button(kind, count, ui, &reader) }</li>
                }
                <li>
                    <button type="button" class="cv-legend__switch" data-testid="highlight-toggle"
                        aria-pressed={highlight.to_string()} onclick={toggle_all}>
                        { ui.text(Msg::HighlightToggle) }
                    </button>
                </li>
            </ul>
        </section>
    }
}

fn legend_button(kind: EntityType, count: usize, ui: Locale, reader: &Reader) -> Html {
    let shown = !reader.hidden.contains(&kind);
    let onclick = {
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| reader.dispatch(Action::ToggleType(kind)))
    };
    html! {
        <button type="button" class={classes!("cv-legend__type", format!("cv-type-{}", kind.tag()))}
            data-type={kind.tag()} data-testid={format!("legend-{}", kind.tag())}
            aria-pressed={shown.to_string()} disabled={!reader.highlight} {onclick}>
            <span class="cv-legend__swatch" aria-hidden="true"></span>
            { ui.write(i18n::type_name(kind, true, ui.lang)) }
            <span class="cv-legend__count">{ count }</span>
        </button>
    }
}
