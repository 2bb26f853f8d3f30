//! `/<lang>/search/?q=<query>`: a search field, the results as the reader types, each a
//! link to the paragraph that matched best.
//!
//! The page is prerendered with an empty field and, for readers without JavaScript, a note
//! on other ways to find news; the app hydrates it as written, then reads the query from the
//! address and starts the search worker ([`dom::search`]), which loads the search code and
//! the index's files this page alone needs. The address follows what is typed (replacing
//! its history entry), so a reload, a shared link or Back from a result shows the same
//! search.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::locale::{Locale, query_with_script, script_suffix};
use crate::route::{Route, SearchQuery};
use crate::script::Script;
use crate::search::session::{Found, PAGE_SIZE, Reply, Request};
use crate::ui::components::page_link::PageLink;
use crate::ui::dom;
use crate::ui::dom::search::SearchWorker;
use crate::ui::nav::{Nav, use_nav};
use crate::ui::state::use_locale;

/// Props for [`SearchPage`].
#[derive(Properties, PartialEq)]
pub struct SearchPageProps {
    /// The page's language: its articles come first.
    pub lang: Lang,
}

/// What the page shows under the field.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    /// Nothing asked yet (or an empty field): the advice.
    Hint,
    /// A request is out and no answer to it has come.
    Searching,
    /// The answer to the latest request, and the query it answers (the field may already
    /// hold more).
    Answer(Reply, String),
}

/// The page's state. One cell, re-rendered by hand, rather than a hook per part: each hook
/// and component is code in the start-up wasm of every page, not only of this one.
struct State {
    /// What the field and the switch say (empty until the app has read the address, as the
    /// prerendered page has it).
    query: SearchQuery,
    /// How many results to show.
    limit: u32,
    shown: Shown,
    /// The app runs: the note for readers without JavaScript goes.
    running: bool,
    /// The latest request's number and text: only its answer is shown.
    latest: (u32, String),
    /// The script Kazakh results are asked in.
    script: Script,
    /// Whether the latest request had its last word still being typed.
    typing: bool,
    worker: Option<SearchWorker>,
}

impl State {
    /// Sends the query as it stands (`typing`: the last word may be unfinished) for `limit`
    /// results.
    fn ask(&mut self, lang: Lang, typing: bool) {
        let Some(worker) = &self.worker else {
            // No worker: the page already says why.
            return;
        };
        self.typing = typing;
        let text = &self.query.text;
        let id = self.latest.0.wrapping_add(1);
        self.latest = (id, text.clone());
        worker.ask(&Request {
            id,
            text: text.clone(),
            lang,
            all: self.query.all,
            prefix: typing && !text.ends_with(char::is_whitespace),
            limit: self.limit,
            script: self.script,
        });
        if text.trim().is_empty() {
            self.shown = Shown::Hint;
        } else if !matches!(self.shown, Shown::Answer(..)) {
            // Otherwise the previous results stay until the new ones come: no flicker per key.
            self.shown = Shown::Searching;
        }
    }
}

/// The search page.
#[component]
pub fn SearchPage(props: &SearchPageProps) -> Html {
    let lang = props.lang;
    let nav = use_nav();
    let ui = use_locale(lang);
    let state = use_mut_ref(|| State {
        query: SearchQuery::default(),
        limit: PAGE_SIZE,
        shown: Shown::Hint,
        running: false,
        latest: (0, String::new()),
        script: Script::Cyrl,
        typing: false,
        worker: None,
    });
    let redraw = use_force_update();
    let field = use_node_ref();

    {
        let (state, redraw, nav, field) =
            (state.clone(), redraw.clone(), nav.clone(), field.clone());
        use_effect_with(ui, |&ui| {
            dom::page::set_lang_and_title(
                ui.tag(),
                &i18n::page_title(&ui.text(Msg::SearchHeading)),
            );
        });
        use_effect_with(lang, move |&lang| {
            dom::storage::save_lang(lang);
            let weak = Rc::downgrade(&state);
            let on_reply = {
                let redraw = redraw.clone();
                move |reply: Reply| {
                    let Some(state) = weak.upgrade() else { return };
                    let mut state = state.borrow_mut();
                    // Only the answer to the latest request is shown (a worker error always is).
                    if reply.id == state.latest.0 || reply.id == Reply::ANY {
                        let text = state.latest.1.clone();
                        state.shown = Shown::Answer(reply, text);
                        drop(state);
                        redraw.force_update();
                    }
                }
            };
            {
                let mut s = state.borrow_mut();
                s.query = SearchQuery::parse(&nav.query);
                s.script = ui.script;
                s.running = true;
                s.worker = SearchWorker::start(on_reply);
                if s.worker.is_none() {
                    // A page the site generator did not write (the shell) names no worker.
                    let error = "this page names no search worker (meta courtview-search-worker)";
                    s.shown = Shown::Answer(Reply::failed(0, error.to_owned()), String::new());
                }
                // Even an empty query is sent: the worker loads the index while the reader
                // types.
                s.ask(lang, false);
                if s.query.text.is_empty() {
                    dom::focus::focus(&field);
                }
            }
            redraw.force_update();
            dom::scroll::after_navigation();
            move || {
                // Dropping the handle ends the worker.
                state.borrow_mut().worker = None;
            }
        });
    }

    {
        // The script shown changed (it is Cyrillic in the first render, then the address's):
        // ask again, for results written in it.
        let (state, redraw) = (state.clone(), redraw.clone());
        use_effect_with(ui.script, move |&script| {
            let mut s = state.borrow_mut();
            if s.running && s.script != script {
                s.script = script;
                // The same search, its word being typed still read as such.
                let typing = s.typing;
                s.ask(lang, typing);
                drop(s);
                redraw.force_update();
            }
        });
    }

    // Every change: the field, the switch, Enter, "show more". The address follows what is
    // searched for (in place of its history entry).
    let change = {
        let (state, redraw, nav) = (state.clone(), redraw.clone(), nav.clone());
        move |edit: &dyn Fn(&mut State), typing: bool| {
            let mut s = state.borrow_mut();
            let before = s.query.clone();
            edit(&mut s);
            if s.query != before {
                s.limit = PAGE_SIZE;
                nav.go(
                    &format!(
                        "{}{}",
                        Route::Search { lang }.path(),
                        query_with_script(&s.query.to_query(), ui.script)
                    ),
                    true,
                );
            }
            s.ask(lang, typing);
            drop(s);
            redraw.force_update();
        }
    };
    let oninput = {
        let change = change.clone();
        Callback::from(move |e: InputEvent| {
            let text = dom::focus::control_value(&e);
            change(&|s| s.query.text = text.clone(), true);
        })
    };
    let onsubmit = {
        let change = change.clone();
        Callback::from(move |e: SubmitEvent| {
            // The page is already the form's target: search in place, the words finished.
            e.prevent_default();
            change(&|_| {}, false);
        })
    };
    let onchange_all = {
        let change = change.clone();
        Callback::from(move |_: Event| change(&|s| s.query.all = !s.query.all, false))
    };
    let onmore = Callback::from(move |_: MouseEvent| change(&|s| s.limit += PAGE_SIZE, false));

    let s = state.borrow();
    let action = nav.href(&Route::Search { lang }.path());
    html! {
        <section class="cv-search" data-testid="search-page">
            <h1 class="cv-page-title">{ ui.text(Msg::SearchHeading) }</h1>
            <form class="cv-search__form" role="search" method="get" {action} {onsubmit}>
                <label class="cv-search__label" for="cv-search-q">{ ui.text(Msg::SearchLabel) }</label>
                <div class="cv-search__row">
                    <input class="cv-search__input" id="cv-search-q" type="search" name="q"
                        autocomplete="off" value={s.query.text.clone()} ref={field} {oninput}
                        data-testid="search-input" />
                    <button class="cv-button cv-search__submit">{ ui.text(Msg::SearchButton) }</button>
                </div>
                <label class="cv-search__all">
                    <input type="checkbox" name="all" value="1" checked={s.query.all}
                        onchange={onchange_all} data-testid="search-all" />
                    { ui.text(Msg::SearchAllLanguages) }
                </label>
            </form>
            if s.running {
                { status(&s.shown, ui) }
                if let Shown::Answer(reply, _) = &s.shown {
                    { results(reply, ui, &nav, onmore) }
                }
            } else {
                { without_script(ui) }
            }
        </section>
    }
}

/// The line that says what the page shows (announced to screen readers as it changes).
fn status(shown: &Shown, ui: Locale) -> Html {
    let text = match shown {
        Shown::Hint => ui.text(Msg::SearchHint).into_owned(),
        Shown::Searching => ui.text(Msg::Searching).into_owned(),
        Shown::Answer(reply, query) => match &reply.error {
            Some(error) => format!("{} ({error})", ui.text(Msg::SearchUnavailable)),
            None if query.trim().is_empty() => ui.text(Msg::SearchHint).into_owned(),
            None => ui
                .write(i18n::search_summary(reply.total, query, ui.lang))
                .into_owned(),
        },
    };
    html! {
        <p class="cv-search__status" role="status" data-testid="search-status">{ text }</p>
    }
}

/// The results, and a button for more when there are: each its title, a link to the
/// paragraph that matched best (a plain link to the prerendered article, which opens there);
/// its date (and language, when not the page's); the paragraph's words around the match, the
/// matching words marked.
fn results(reply: &Reply, ui: Locale, nav: &Nav, onmore: Callback<MouseEvent>) -> Html {
    if reply.results.is_empty() {
        return Html::default();
    }
    let more = (reply.total as usize) > reply.results.len();
    html! {
        <>
            <ol class="cv-results" data-testid="search-results">
                for found in &reply.results {
                    { result(found, ui, nav) }
                }
            </ol>
            if more {
                <button class="cv-button cv-results__more" type="button" onclick={onmore}
                    data-testid="search-more">
                    { ui.text(Msg::SearchMore) }
                </button>
            }
        </>
    }
}

/// One result, in its language and the script shown (the worker writes a Kazakh one in Latin
/// when the reader chose it, the marks moved onto the same words).
fn result(found: &Found, ui: Locale, nav: &Nav) -> Html {
    let own = Locale::new(found.lang, ui.script);
    // The page a result links to: its article, at the paragraph that matched best, in the
    // script shown.
    let article = Route::Article {
        lang: found.lang,
        slug: found.slug.clone(),
    };
    let href = nav.href(&format!(
        "{}{}#p-{}",
        article.path(),
        script_suffix(ui.script),
        found.paragraph
    ));
    html! {
        <li class="cv-result" lang={own.tag()}>
            <h2 class="cv-result__title">
                <a class="cv-result__link" {href} data-testid="search-result">
                    { found.title.clone() }
                </a>
            </h2>
            <p class="cv-result__meta">
                { own.write(found.date.format(found.lang)).into_owned() }
                if found.lang != ui.lang {
                    { " · " }{ own.write(found.lang.native_name()).into_owned() }
                }
            </p>
            <p class="cv-result__snippet">{ marked(&found.snippet, &found.marks) }</p>
        </li>
    }
}

/// The snippet's text with its marked ranges in `<mark>`; every character of the text is
/// shown, in order (a range that does not fall on character boundaries is left unmarked).
fn marked(text: &str, marks: &[(u32, u32)]) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for &(start, end) in marks {
        let (start, end) = (start as usize, end as usize);
        if start < at || end <= start || text.get(start..end).is_none() {
            continue;
        }
        if start > at {
            parts.push(html! { { text[at..start].to_owned() } });
        }
        parts.push(html! { <mark class="cv-result__mark">{ text[start..end].to_owned() }</mark> });
        at = end;
    }
    parts.push(html! { { text[at..].to_owned() } });
    parts.into_iter().collect::<Html>()
}

/// What the prerendered page says where no script runs: search needs it, and the lists
/// find news too.
fn without_script(ui: Locale) -> Html {
    let lang = ui.lang;
    html! {
        <div class="cv-search__noscript" data-testid="search-noscript">
            <p>{ ui.text(Msg::SearchNeedsScript) }</p>
            <ul class="cv-search__ways">
                <li><PageLink to={Route::list(lang)}>{ ui.text(Msg::AllNews) }</PageLink></li>
                <li>
                    <PageLink to={Route::Entities { lang }}>{ ui.text(Msg::EntitiesHeading) }</PageLink>
                </li>
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, marks: &[(u32, u32)]) -> String {
        #[derive(Properties, PartialEq)]
        struct P {
            text: String,
            marks: Vec<(u32, u32)>,
        }
        #[component]
        fn M(p: &P) -> Html {
            marked(&p.text, &p.marks)
        }
        let (text, marks) = (text.to_owned(), marks.to_vec());
        let r = yew::ServerRenderer::<M>::with_props(move || P { text, marks }).hydratable(false);
        futures::executor::block_on(r.render())
    }

    #[test]
    fn a_snippet_keeps_every_character_and_marks_its_ranges() {
        assert_eq!(
            render("Жоғарғы Сотының судьясы", &[(0, 14), (15, 29)]),
            "<mark class=\"cv-result__mark\">Жоғарғы</mark> \
             <mark class=\"cv-result__mark\">Сотының</mark> судьясы"
        );
        // Overlapping, empty, out-of-range and mid-character ranges are skipped, never cut.
        assert_eq!(
            render("сот <b>", &[(0, 3), (1, 4), (2, 2), (40, 50)]),
            "сот &lt;b&gt;"
        );
    }
}
