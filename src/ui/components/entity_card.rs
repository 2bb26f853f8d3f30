//! The card that explains an entity: name, type, description, official link, how often the
//! article mentions it, and buttons to the previous and next mention.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::page_data::Card;
use crate::document::MentionInfo;
use crate::entities::EntityType;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::route::{Listing, Route};
use crate::ui::components::page_link::use_href;
use crate::ui::dom;
use crate::ui::state::{Action, Focus, use_embedded, use_locale, use_reader};

/// Props for [`EntityCard`].
#[derive(Properties, PartialEq)]
pub struct EntityCardProps {
    /// The interface language.
    pub lang: Lang,
    /// The article's mentions, in reading order.
    pub mentions: Rc<Vec<MentionInfo>>,
    /// The card of the focused entity, from the page's data; `None` for a date the knowledge
    /// base does not list.
    pub card: Option<Card>,
    /// The open card's entity and the mention it belongs to (an index into `mentions`), if the
    /// article mentions it.
    pub focus: Focus,
    /// Index of the current mention in `mentions`.
    pub current: Option<usize>,
}

/// Where mention `index` is, as a [`Focus`] that survives a change of language.
pub fn focus_of(mentions: &[MentionInfo], index: usize) -> Option<Focus> {
    let m = mentions.get(index)?;
    let nth = mentions[..index]
        .iter()
        .filter(|o| o.id == m.id && o.paragraph == m.paragraph)
        .count();
    Some(Focus {
        id: m.id.clone(),
        paragraph: m.paragraph,
        nth,
    })
}

/// The mention a [`Focus`] points at in these mentions: the same entity's `nth` mention in the
/// same paragraph, else its first there, else its first mention in the nearest paragraph.
pub fn locate(mentions: &[MentionInfo], focus: &Focus) -> Option<usize> {
    let of_entity = || {
        mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.id == focus.id)
    };
    let in_paragraph: Vec<usize> = of_entity()
        .filter(|(_, m)| m.paragraph == focus.paragraph)
        .map(|(i, _)| i)
        .collect();
    in_paragraph
        .get(focus.nth)
        .or(in_paragraph.first())
        .copied()
        .or_else(|| {
            of_entity()
                .min_by_key(|(_, m)| m.paragraph.abs_diff(focus.paragraph))
                .map(|(i, _)| i)
        })
}

/// `<aside data-testid="entity-card">`: fixed at the foot of the screen, or beside the text
/// on wide screens. In the embed view a fixed card would sit at the foot of the whole frame,
/// which is as tall as the article, so there it opens next to its mention instead.
#[component]
pub fn EntityCard(props: &EntityCardProps) -> Html {
    let reader = use_reader();
    let anchored = use_embedded();
    let card = use_node_ref();
    let lang = props.lang;
    let ui = use_locale(lang);
    let id = props.focus.id.clone();
    let entity = props.card.as_ref();
    let kind = entity.map_or(EntityType::Date, |e| e.named.kind);
    let name = entity.map_or_else(|| id.clone(), |e| e.named.name.clone());
    let description = match entity {
        Some(e) => ui.write(e.description.as_str()).into_owned(),
        None => ui.text(Msg::DateDescription).into_owned(),
    };
    // The entity's page; in a partner's frame it opens in a new tab, as the full article does.
    let page = use_href(&Route::List {
        lang,
        listing: Listing::Entity(id.clone()),
        page: 1,
    });
    let same: Vec<usize> = props
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.id == id)
        .map(|(i, _)| i)
        .collect();
    let position = props
        .current
        .and_then(|c| same.iter().position(|&i| i == c));

    // Escape closes the card and gives focus back to the mention it came from.
    {
        let reader = reader.clone();
        let current = props.current;
        use_effect_with(current, move |_| {
            let guard = dom::focus::on_escape(move || {
                // Focus first: focusing a mention asks to open its card, and the Close queued
                // after that request is the one that wins.
                if let Some(i) = current {
                    dom::focus::focus_mention(i);
                }
                reader.dispatch(Action::Close);
            });
            // The cleanup owns the listener: it is removed when the card closes or moves on.
            move || {
                let _listener = guard;
            }
        });
    }

    {
        // The card beside its mention (the embed view), or the mention clear of the card's
        // sheet (a phone). Again after a switch of language or script: the same mention sits
        // elsewhere in new text.
        let card = card.clone();
        let deps = (props.current, ui, props.mentions.len());
        use_effect_with(deps, move |&(current, _, _)| match (anchored, current) {
            (true, Some(i)) => dom::frame::anchor_card(&card, i),
            (false, Some(i)) => dom::scroll::clear_of_sheet(&card, i),
            (_, None) => {}
        });
    }

    let go = |step: isize| {
        let reader = reader.clone();
        let mentions = props.mentions.clone();
        let same = same.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(pos) = position else { return };
            let next = same[(pos as isize + step).rem_euclid(same.len() as isize) as usize];
            if let Some(focus) = focus_of(&mentions, next) {
                reader.dispatch(Action::Open(focus));
            }
            dom::focus::focus_mention(next);
        })
    };
    let close = {
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| reader.dispatch(Action::Close))
    };
    let several = same.len() > 1 && position.is_some();
    html! {
        <aside class={classes!("cv-entity-card", format!("cv-type-{}", kind.tag()),
                anchored.then_some("cv-entity-card--anchored"))}
            ref={card} data-testid="entity-card" data-entity={id.clone()} aria-labelledby="cv-card-name"
            aria-live="polite">
            <div class="cv-entity-card__top">
                <p class="cv-entity-card__type">{ ui.write(i18n::type_name(kind, false, lang)) }</p>
                <button type="button" class="cv-entity-card__close" data-testid="entity-card-close"
                    aria-label={ui.text(Msg::CardClose)} onclick={close}><span aria-hidden="true">{ "×" }</span></button>
            </div>
            <h2 class="cv-entity-card__name" id="cv-card-name">{ ui.write(name.clone()) }</h2>
            <p class="cv-entity-card__desc">{ description }</p>
            if let Some(url) = entity.and_then(|e| e.url.clone()) {
                <p class="cv-entity-card__link">
                    <a href={url} rel="noopener noreferrer" target="_blank">{ ui.text(Msg::OfficialSite) }</a>
                </p>
            }
            <p class="cv-entity-card__count" data-testid="entity-card-count">
                { ui.write(i18n::mention_count(same.len(), lang)) }
                if let Some(pos) = position {
                    <span class="cv-entity-card__pos">{ format!(" · {}/{}", pos + 1, same.len()) }</span>
                }
            </p>
            if entity.is_some() {
                <p class="cv-entity-card__all">
                    <a href={page} data-testid="entity-card-page"
                        target={anchored.then_some("_blank")} rel={anchored.then_some("noopener")}>
                        { ui.write(i18n::all_news_about(&name, lang)) }
                        if anchored {
                            <span class="cv-visually-hidden">{ " " }{ ui.text(Msg::OpensInNewTab) }</span>
                        }
                    </a>
                </p>
            }
            if several {
                <div class="cv-entity-card__nav">
                    <button type="button" data-testid="entity-prev" onclick={go(-1)}>{ "← " }{ ui.text(Msg::CardPrevious) }</button>
                    <button type="button" data-testid="entity-next" onclick={go(1)}>{ ui.text(Msg::CardNext) }{ " →" }</button>
                </div>
            }
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, paragraph: u32) -> MentionInfo {
        MentionInfo {
            id: id.into(),
            kind: EntityType::Place,
            paragraph,
        }
    }

    #[test]
    fn a_focus_finds_the_same_mention_in_another_language() {
        let kk = [m("kz", 1), m("dubai", 1), m("kz", 3), m("kz", 3)];
        let focus = focus_of(&kk, 3).unwrap();
        assert_eq!(
            focus,
            Focus {
                id: "kz".into(),
                paragraph: 3,
                nth: 1
            }
        );
        // Russian has the second mention of paragraph 3 at another position.
        let ru = [m("kz", 1), m("kz", 3), m("dubai", 3), m("kz", 3)];
        assert_eq!(locate(&ru, &focus), Some(3));
        // Only one mention there: that one.
        let en = [m("kz", 3), m("dubai", 4)];
        assert_eq!(locate(&en, &focus), Some(0));
        // None in that paragraph: the nearest paragraph's.
        let other = [m("kz", 1), m("kz", 5)];
        assert_eq!(locate(&other, &focus), Some(0));
        assert_eq!(locate(&[m("dubai", 3)], &focus), None);
    }
}
