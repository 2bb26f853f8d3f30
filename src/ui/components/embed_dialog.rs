//! The "Embed" button on an article, and its dialog: the reader's choices (language, entity
//! types, theme, second language beside, paragraph) become both snippets, the loader and the plain iframe, with a live
//! preview of the embed and buttons that copy each snippet.
//!
//! A native `<dialog>` opened with `showModal()`: the page behind it is inert and Escape
//! closes it. Tab is also kept inside explicitly, and focus returns to the button on closing.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::page_data::PageData;
use crate::document::MentionInfo;
use crate::embed::{EmbedOptions, EmbedSpec, SANDBOX, Theme, paragraph_of_fragment};
use crate::entities::EntityType;
use crate::i18n::{self, Msg};
use crate::lang::Lang;
use crate::locale::Locale;
use crate::route::Route;
use crate::store;
use crate::ui::dom::{self, clipboard::CopyOutcome};
use crate::ui::nav::use_nav;
use crate::ui::state::{use_locale, use_reader};

/// Props for [`EmbedDialog`].
#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// The interface language.
    pub lang: Lang,
    /// The article's slug.
    pub slug: AttrValue,
    /// The article's mentions in the language shown: which types it has.
    pub mentions: Rc<Vec<MentionInfo>>,
    /// How many paragraphs the article has.
    pub paragraphs: u32,
    /// The article's other tools, after the button (the share button).
    #[prop_or_default]
    pub children: Html,
}

/// What the reader has chosen in the dialog.
#[derive(Clone, Debug, PartialEq)]
struct Choice {
    lang: Lang,
    shown: Vec<EntityType>,
    theme: Theme,
    highlight: bool,
    paragraph: Option<u32>,
    with: Option<Lang>,
}

/// The button, and the dialog while it is open.
#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let reader = use_reader();
    let ui = use_locale(props.lang);
    let open = use_state(|| None::<Choice>);
    let button = use_node_ref();
    let with = use_nav().with;
    let onopen = {
        let open = open.clone();
        let (lang, paragraphs) = (props.lang, props.paragraphs);
        // The dialog starts from what the reader sees now: this language, these highlights,
        // the paragraph the address points at.
        Callback::from(move |_: MouseEvent| {
            open.set(Some(Choice {
                lang,
                shown: EntityType::ALL
                    .into_iter()
                    .filter(|t| !reader.hidden.contains(t))
                    .collect(),
                theme: Theme::default(),
                highlight: reader.highlight,
                paragraph: paragraph_of_fragment(&dom::page::location_hash())
                    .filter(|&n| n <= paragraphs),
                with,
            }));
        })
    };
    let onclose = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |()| {
            open.set(None);
            dom::focus::focus(&button);
        })
    };
    html! {
        <div class="cv-article-tools">
            <button type="button" class="cv-embed-button" ref={button} data-testid="embed-button"
                aria-haspopup="dialog" onclick={onopen}>
                <span class="cv-embed-button__icon" aria-hidden="true">{ "</>" }</span>
                { ui.text(Msg::EmbedButton) }
            </button>
            { props.children.clone() }
            if let Some(initial) = (*open).clone() {
                <EmbedPanel lang={props.lang} slug={props.slug.clone()}
                    mentions={props.mentions.clone()} paragraphs={props.paragraphs}
                    {initial} {onclose} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EmbedPanelProps {
    lang: Lang,
    slug: AttrValue,
    mentions: Rc<Vec<MentionInfo>>,
    paragraphs: u32,
    initial: Choice,
    onclose: Callback<()>,
}

/// A callback that edits the choice and clears a stale "copied" status.
fn edit(
    choice: &UseStateHandle<Choice>,
    status: &UseStateHandle<Option<Msg>>,
    f: impl Fn(&mut Choice, &Event) + 'static,
) -> Callback<Event> {
    let (choice, status) = (choice.clone(), status.clone());
    Callback::from(move |e: Event| {
        let mut next = (*choice).clone();
        f(&mut next, &e);
        choice.set(next);
        status.set(None);
    })
}

/// The open dialog.
#[component]
fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let lang = props.lang;
    let ui = use_locale(lang);
    let dialog = use_node_ref();
    let choice = use_state(|| props.initial.clone());
    let status = use_state(|| None::<Msg>);
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| dom::focus::show_modal(&dialog));
    }
    let basename = use_nav().basename.to_string();
    let base = format!("{}{basename}", dom::page::origin());
    let present: Vec<EntityType> = EntityType::ALL
        .into_iter()
        .filter(|&t| props.mentions.iter().any(|m| m.kind == t))
        .collect();
    let mut options = EmbedOptions::for_article(
        &present,
        &choice.shown,
        choice.theme,
        choice.highlight,
        choice.paragraph,
    );
    // A Kazakh embed is offered in the script the reader is reading.
    let own = Locale::new(choice.lang, ui.script);
    if own.is_latin() {
        options.script = ui.script;
    }
    options.with = choice.with.filter(|&w| w != choice.lang);
    // The title in the chosen language, from that page's data (fetched in idle time after the
    // page started); until it is there, the snippet's generic title stands in.
    let route = Route::Article {
        lang: choice.lang,
        slug: props.slug.to_string(),
    };
    let title = match store::get(&route).as_deref() {
        Some(PageData::Article(data)) => data
            .version
            .as_ref()
            .map(|a| own.write(a.meta.title.as_str()).into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let spec = EmbedSpec {
        base: &base,
        lang: choice.lang,
        slug: &props.slug,
        title: &title,
        options: &options,
    };
    let (loader, iframe, preview) = (
        spec.loader_snippet(),
        spec.iframe_snippet(),
        spec.embed_url(),
    );

    let onclose = props.onclose.reform(|_: Event| ());
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| dom::focus::close_dialog(&dialog))
    };
    let onkeydown = {
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Tab" && dom::focus::keep_focus_inside(&dialog, e.shift_key()) {
                e.prevent_default();
            }
        })
    };
    let copy = |text: String| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            dom::clipboard::copy_text(text.clone(), move |outcome| {
                status.set(Some(match outcome {
                    CopyOutcome::Copied => Msg::Copied,
                    CopyOutcome::Unavailable => Msg::CopyUnavailable,
                    CopyOutcome::Failed => Msg::CopyFailed,
                }))
            });
        })
    };

    let lang_choices = Lang::ALL.into_iter().map(|l| {
        let own = Locale::new(l, ui.script);
        let onchange = edit(&choice, &status, move |c, _| c.lang = l);
        radio(
            "lang",
            l.tag(),
            choice.lang == l,
            own.write(l.native_name()),
            Some(own.tag()),
            onchange,
        )
    });
    let type_choices = present.iter().map(|&kind| {
        let onchange = edit(&choice, &status, move |c, _| {
            if let Some(i) = c.shown.iter().position(|&t| t == kind) {
                c.shown.remove(i);
            } else {
                c.shown.push(kind);
            }
        });
        html! {
            <label class={classes!("cv-choice", format!("cv-type-{}", kind.tag()))}>
                <input type="checkbox" checked={choice.shown.contains(&kind)} {onchange}
                    data-testid={format!("embed-type-{}", kind.tag())} />
                <span class="cv-legend__swatch" aria-hidden="true"></span>
                { ui.write(i18n::type_name(kind, true, lang)) }
            </label>
        }
    });
    let theme_choices = Theme::ALL.into_iter().map(|theme| {
        let onchange = edit(&choice, &status, move |c, _| c.theme = theme);
        let name = match theme {
            Theme::Light => Msg::ThemeLight,
            Theme::Dark => Msg::ThemeDark,
            Theme::Sepia => Msg::ThemeSepia,
            Theme::Auto => Msg::ThemeAuto,
        };
        radio(
            "theme",
            theme.tag(),
            choice.theme == theme,
            ui.text(name),
            None,
            onchange,
        )
    });
    let with_choices = [None, Some(Lang::Kk), Some(Lang::Ru), Some(Lang::En)]
        .into_iter()
        .filter(|&w| w != Some(choice.lang))
        .map(|w| {
            let onchange = edit(&choice, &status, move |c, _| c.with = w);
            let checked = options.with == w;
            match w {
                Some(l) => {
                    let own = Locale::new(l, ui.script);
                    radio(
                        "with",
                        l.tag(),
                        checked,
                        own.write(l.native_name()),
                        Some(own.tag()),
                        onchange,
                    )
                }
                None => radio(
                    "with",
                    "none",
                    checked,
                    ui.text(Msg::WithNone),
                    None,
                    onchange,
                ),
            }
        });
    let on_highlight = edit(&choice, &status, |c, _| c.highlight = !c.highlight);
    let on_paragraph = edit(&choice, &status, |c, e| {
        c.paragraph = dom::focus::control_value(e).parse().ok();
    });
    let paragraph_options = (1..=props.paragraphs).map(|n| {
        html! {
            <option value={n.to_string()} selected={choice.paragraph == Some(n)}>
                { ui.write(i18n::paragraph_label(n, lang)) }
            </option>
        }
    });

    html! {
        <dialog class="cv-dialog" ref={dialog} lang={ui.tag()} aria-modal="true"
            aria-labelledby="cv-embed-title" aria-describedby="cv-embed-intro"
            data-testid="embed-dialog" {onclose} {onkeydown}>
            <div class="cv-dialog__head">
                <h2 class="cv-dialog__title" id="cv-embed-title">{ ui.text(Msg::EmbedDialogTitle) }</h2>
                <button type="button" class="cv-dialog__close" data-testid="embed-close"
                    aria-label={ui.text(Msg::CardClose)} onclick={close}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            </div>
            <p class="cv-dialog__intro" id="cv-embed-intro">{ ui.text(Msg::EmbedDialogIntro) }</p>
            <div class="cv-dialog__grid">
                <section class="cv-dialog__options" aria-labelledby="cv-embed-options">
                    <h3 class="cv-dialog__sub" id="cv-embed-options">{ ui.text(Msg::EmbedOptionsHeading) }</h3>
                    <fieldset class="cv-dialog__field">
                        <legend>{ ui.text(Msg::EmbedLanguage) }</legend>
                        <div class="cv-choices">{ for lang_choices }</div>
                    </fieldset>
                    if !present.is_empty() {
                        <fieldset class="cv-dialog__field">
                            <legend>{ ui.text(Msg::EmbedTypes) }</legend>
                            <div class="cv-choices">
                                { for type_choices }
                                <label class="cv-choice cv-choice--switch">
                                    <input type="checkbox" checked={choice.highlight}
                                        onchange={on_highlight} data-testid="embed-highlight" />
                                    { ui.text(Msg::HighlightToggle) }
                                </label>
                            </div>
                        </fieldset>
                    }
                    <fieldset class="cv-dialog__field">
                        <legend>{ ui.text(Msg::EmbedTheme) }</legend>
                        <div class="cv-choices">{ for theme_choices }</div>
                    </fieldset>
                    <fieldset class="cv-dialog__field">
                        <legend>{ ui.text(Msg::WithHeading) }</legend>
                        <div class="cv-choices">{ for with_choices }</div>
                    </fieldset>
                    <div class="cv-dialog__field">
                        <label class="cv-dialog__label" for="cv-embed-paragraph">{ ui.text(Msg::EmbedParagraph) }</label>
                        <select id="cv-embed-paragraph" class="cv-select" onchange={on_paragraph}
                            data-testid="embed-paragraph">
                            <option value="" selected={choice.paragraph.is_none()}>
                                { ui.text(Msg::FromTheBeginning) }
                            </option>
                            { for paragraph_options }
                        </select>
                    </div>
                </section>
                <section class="cv-dialog__preview" aria-labelledby="cv-embed-preview">
                    <h3 class="cv-dialog__sub" id="cv-embed-preview">{ ui.text(Msg::Preview) }</h3>
                    // Out of the Tab order: keys pressed inside the preview go to its own
                    // document, so Escape there could not close this dialog. The mouse can still
                    // try it out; the snippets hold everything it shows.
                    <iframe class="cv-dialog__frame" src={preview} title={ui.text(Msg::PreviewFrameTitle)}
                        sandbox={SANDBOX} tabindex="-1" data-testid="embed-preview"></iframe>
                </section>
            </div>
            { snippet("loader", &ui.text(Msg::LoaderSnippet), loader.clone(), copy(loader), ui) }
            { snippet("iframe", &ui.text(Msg::IframeSnippet), iframe.clone(), copy(iframe), ui) }
            <p class="cv-dialog__status" role="status" aria-live="polite" data-testid="embed-copy-status">
                { status.map(|m| ui.text(m)).unwrap_or_default() }
            </p>
            <p class="cv-dialog__note">{ ui.text(Msg::EmbedGuestNote) }</p>
        </dialog>
    }
}

/// One radio choice of the dialog's `group` (`lang`, `theme`, `with`), named and test-marked
/// by the group and the value's tag; `lang` for a language's name in its own language.
fn radio(
    group: &str,
    tag: &'static str,
    checked: bool,
    label: std::borrow::Cow<'static, str>,
    lang: Option<&'static str>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class="cv-choice" {lang}>
            <input type="radio" name={format!("cv-embed-{group}")} value={tag} {checked}
                {onchange} data-testid={format!("embed-{group}-{tag}")} />
            { label }
        </label>
    }
}

/// One snippet: its heading, the code in a read-only text area, and a copy button whose
/// accessible name says which snippet it copies.
fn snippet(
    key: &str,
    heading: &str,
    code: String,
    onclick: Callback<MouseEvent>,
    ui: Locale,
) -> Html {
    let heading_id = format!("cv-embed-{key}-h");
    let button_id = format!("cv-embed-{key}-copy");
    html! {
        <section class="cv-snippet" aria-labelledby={heading_id.clone()}>
            <h3 class="cv-dialog__sub" id={heading_id.clone()}>{ heading.to_owned() }</h3>
            <textarea class="cv-snippet__code" readonly=true rows="5" spellcheck="false"
                translate="no" dir="ltr" aria-labelledby={heading_id.clone()} value={code}
                data-testid={format!("embed-snippet-{key}")} />
            <button type="button" class="cv-snippet__copy" id={button_id.clone()}
                aria-labelledby={format!("{button_id} {heading_id}")}
                data-testid={format!("embed-copy-{key}")} {onclick}>
                { ui.text(Msg::Copy) }
            </button>
        </section>
    }
}
