//! `/<lang>/entities/`: every entity of the knowledge base, by type, each a link to its page
//! with how many articles name it.

use yew::prelude::*;

use crate::content::page_data::{Named, PageData};
use crate::entities::EntityType;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::locale::Locale;
use crate::route::{Listing, Route};
use crate::store;
use crate::ui::components::page_link::PageLink;
use crate::ui::dom;
use crate::ui::state::use_locale;

/// Props for [`EntitiesPage`].
#[derive(Properties, PartialEq)]
pub struct EntitiesPageProps {
    /// The page's language.
    pub lang: Lang,
}

/// The page of every entity, from its data file.
#[component]
pub fn EntitiesPage(props: &EntitiesPageProps) -> Html {
    let lang = props.lang;
    let ui = use_locale(lang);
    let route = Route::Entities { lang };
    let data = store::get(&route);
    use_effect_with(ui, |&ui| {
        dom::page::set_lang_and_title(ui.tag(), &i18n::page_title(&ui.text(Msg::EntitiesHeading)));
    });
    use_effect_with(lang, move |&lang| {
        dom::storage::save_lang(lang);
        dom::scroll::after_navigation();
    });
    let Some(PageData::Entities(data)) = data.as_deref() else {
        // The shell reloads a page whose data it lacks; this is only ever seen for a moment.
        return Html::default();
    };
    html! {
        <section class="cv-entities" data-testid="entities-page">
            <h1 class="cv-page-title">{ ui.text(Msg::EntitiesHeading) }</h1>
            <p class="cv-entities__intro">{ ui.text(Msg::EntitiesIntro) }</p>
            for kind in EntityType::ALL {
                { group(&data.entities, kind, ui) }
            }
        </section>
    }
}

/// The entities of one type, in the data's order; nothing if the type has none.
fn group(entities: &[(Named, u32)], kind: EntityType, ui: Locale) -> Html {
    let lang = ui.lang;
    let of_kind: Vec<&(Named, u32)> = entities.iter().filter(|(e, _)| e.kind == kind).collect();
    if of_kind.is_empty() {
        return Html::default();
    }
    let heading = format!("cv-entities-{}", kind.tag());
    html! {
        <section class={classes!("cv-entities__group", format!("cv-type-{}", kind.tag()))}
            aria-labelledby={heading.clone()}>
            <h2 class="cv-entities__heading" id={heading}>{ ui.write(i18n::type_name(kind, true, lang)) }</h2>
            <ul class="cv-entities__list">
                for (entity, n) in of_kind {
                    <li class="cv-entities__item" data-testid="entity-link" data-entity={entity.id.clone()}>
                        <PageLink to={Route::List {
                            lang,
                            listing: Listing::Entity(entity.id.clone()),
                            page: 1,
                        }}>{ ui.write(entity.name.as_str()).into_owned() }</PageLink>
                        <span class="cv-entities__count">{ ui.write(i18n::article_count(*n, lang)) }</span>
                    </li>
                }
            </ul>
        </section>
    }
}
