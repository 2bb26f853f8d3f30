//! The web fonts hold every character the site writes.
//!
//! `static/fonts/` holds one subset of each face (`xtask/fonts/subset.py`), declared in
//! `static/styles/main.css` with the `unicode-range` it was cut to. A character outside it is
//! drawn from a fallback font, in mid-word if it is a letter. This test collects what the site
//! writes (the pages of the shipped articles as prerendered, in Cyrillic and in Latin, every
//! interface message, the knowledge base's cards, every month's date) and checks it against
//! that range, so that a narrower subset, a new message or a new letter in an article cannot
//! leave a glyph out unnoticed.

use std::collections::BTreeSet;

use courtview::content::{Catalog, Date};
use courtview::entities::records;
use courtview::i18n::Msg;
use courtview::lang::Lang;
use courtview::route::Route;
use courtview::script::to_latin;

/// Characters the fonts leave to the fallback on purpose: arrows on buttons (`← Previous`),
/// which neither PT Serif nor PT Sans draws.
const FROM_FALLBACK: &[char] = &['←', '→'];

/// The stylesheet.
fn css() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/static/styles/main.css"
    ))
    .expect("static/styles/main.css")
}

/// The text the stylesheet itself writes: its `content:"…"` strings (the `¶` of a paragraph's
/// link).
fn css_content(css: &str) -> String {
    css.split("content:\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(text, _)| text))
        .collect()
}

/// The `unicode-range` of the first `@font-face` of the stylesheet: every face shares it.
fn font_range() -> Vec<(u32, u32)> {
    let css = css();
    let start = css.find("unicode-range:").expect("a unicode-range") + "unicode-range:".len();
    let end = start + css[start..].find(['}', ';']).expect("its end");
    css[start..end]
        .split(',')
        .map(|part| {
            let part = part.trim().trim_start_matches("U+");
            let (lo, hi) = part.split_once('-').unwrap_or((part, part));
            (
                u32::from_str_radix(lo, 16).unwrap(),
                u32::from_str_radix(hi, 16).unwrap(),
            )
        })
        .collect()
}

/// The text of some markup: what is between its tags.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_fonts_hold_every_character_the_site_writes() {
    let mut texts: Vec<(String, String)> = Vec::new();
    let catalog = courtview::site::annotated(Catalog::shipped().clone());
    for entry in catalog.entries() {
        for lang in Lang::ALL {
            let route = Route::Article {
                lang,
                slug: entry.slug.clone(),
            };
            let data = courtview::site::article_data(entry, lang);
            let page = text_of(&courtview::ui::prerender::page_body(
                &route,
                "/",
                Some(data),
                courtview::script::Script::Cyrl,
            ));
            texts.push((route.path(), page));
        }
    }
    for msg in Msg::ALL {
        for lang in Lang::ALL {
            texts.push((format!("{msg:?} in {lang}"), msg.text(lang).to_owned()));
        }
    }
    for record in records() {
        for lang in Lang::ALL {
            let i = lang.index();
            let mut card = vec![record.canonical[i], record.description[i]];
            card.extend(record.names[i]);
            texts.push((format!("{} in {lang}", record.id), card.join(" ")));
        }
    }
    texts.push(("main.css".to_owned(), css_content(&css())));
    for month in 1..=12 {
        let date = Date::parse_iso(&format!("2025-{month:02}-17")).unwrap();
        for lang in Lang::ALL {
            texts.push((format!("{date:?} in {lang}"), date.format(lang)));
        }
    }
    // Kazakh pages may be read in Latin: every text again, transliterated.
    let latin: Vec<(String, String)> = texts
        .iter()
        .map(|(what, text)| (format!("{what}, in Latin"), to_latin(text)))
        .collect();
    texts.extend(latin);

    let range = font_range();
    let covered = |c: char| {
        range
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
    };
    let mut missing: BTreeSet<(char, String)> = BTreeSet::new();
    for (what, text) in &texts {
        for c in text.chars() {
            if !c.is_whitespace() && !FROM_FALLBACK.contains(&c) && !covered(c) {
                missing.insert((c, what.clone()));
            }
        }
    }
    let report: Vec<String> = missing
        .iter()
        .map(|(c, what)| format!("{c:?} U+{:04X} in {what}", *c as u32))
        .collect();
    assert!(
        report.is_empty(),
        "characters the fonts lack (widen UNICODE_RANGE in xtask/fonts/subset.py, run it, \
         and copy the range into main.css):\n{}",
        report.join("\n")
    );
}
