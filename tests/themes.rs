//! The colour themes of `static/styles/main.css` (light, dark, sepia, and the system's dark
//! choice), read from the stylesheet's custom properties: every theme sets every colour, the
//! two dark blocks agree, and every pair of text and background a page shows passes WCAG AA
//! (4.5:1), the highlights' text on their tints included, with each highlight's underline and
//! the focus ring at least 3:1 against what they are drawn on.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

type Tokens = BTreeMap<String, String>;

/// One rule of the stylesheet: the at-rules around it, its selector and its declarations.
struct Rule {
    media: Vec<String>,
    selector: String,
    body: String,
}

fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The rules that hold declarations, with the at-rules they sit in. Enough of CSS for this
/// stylesheet: no braces inside strings where tokens are.
fn rules(css: &str) -> Vec<Rule> {
    let css = without_comments(css);
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut start = 0;
    for (i, c) in css.char_indices() {
        match c {
            '{' => {
                stack.push(css[start..i].trim().to_owned());
                start = i + 1;
            }
            '}' => {
                let body = css[start..i].trim();
                if let Some(selector) = stack.pop()
                    && !body.is_empty()
                    && !selector.starts_with('@')
                {
                    out.push(Rule {
                        media: stack.clone(),
                        selector,
                        body: body.to_owned(),
                    });
                }
                start = i + 1;
            }
            // A declaration list ends a nested block's prelude too (`a{x:y}` inside @media).
            ';' if stack.last().is_some_and(|s| s.starts_with('@')) => start = i + 1,
            _ => {}
        }
    }
    out
}

fn tokens(body: &str) -> Tokens {
    body.split(';')
        .filter_map(|d| d.split_once(':'))
        .filter(|(name, _)| name.trim().starts_with("--"))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

fn is_colour(value: &str) -> bool {
    value.starts_with('#') || value.starts_with("rgb")
}

/// The themes: the light tokens (`:root` outside any at-rule), and each other theme as the
/// light ones overridden by its own block.
fn themes() -> (Tokens, BTreeMap<&'static str, Tokens>) {
    let css =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("static/styles/main.css"))
            .unwrap();
    let rules = rules(&css);
    let light: Tokens = rules
        .iter()
        .filter(|r| r.selector == ":root" && r.media.is_empty())
        .flat_map(|r| tokens(&r.body))
        .collect();
    let block = |selector: &str, media: &str| -> Tokens {
        let found: Vec<&Rule> = rules
            .iter()
            .filter(|r| r.selector == selector && r.media.iter().any(|m| m == media))
            .collect();
        assert_eq!(found.len(), 1, "one `{selector}` inside `{media}`");
        tokens(&found[0].body)
    };
    let mut themes = BTreeMap::new();
    themes.insert("dark", block(":root[data-theme=dark]", "@media screen"));
    themes.insert("sepia", block(":root[data-theme=sepia]", "@media screen"));
    themes.insert(
        "system dark",
        block(
            ":root:not([data-theme]),:root[data-theme=auto]",
            "@media screen and (prefers-color-scheme:dark)",
        ),
    );
    (light, themes)
}

fn rgb(value: &str) -> [f64; 3] {
    let hex = value
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("{value}: not #hex"));
    let hex: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => panic!("{value}: not #rgb or #rrggbb"),
    };
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
    [channel(0), channel(2), channel(4)]
}

/// WCAG 2 relative luminance.
fn luminance(value: &str) -> f64 {
    let linear = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(value);
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio.
fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text colours and the backgrounds they are shown on (the selectors that pair them are in
/// main.css: body, the header and its tabs, the footer, cards, notices, tags, tables, the
/// paragraph scrolled to and its flash, buttons).
const TEXT_ON: &[(&str, &str)] = &[
    ("--text", "--bg"),
    ("--text", "--surface"),
    ("--text", "--soft"),
    ("--text", "--mark"),
    ("--text", "--flash"),
    ("--text", "--notice-bg"),
    ("--text", "--th-bg"),
    ("--text", "--row-alt"),
    ("--text-soft", "--bg"),
    ("--muted", "--bg"),
    ("--muted", "--surface"),
    ("--muted", "--soft"),
    ("--link", "--bg"),
    ("--link", "--surface"),
    // The footer's link, and links in the translation's box side by side on phones
    ("--link", "--soft"),
    ("--visited", "--bg"),
    ("--visited", "--surface"),
    ("--visited", "--soft"),
    // A quotation (--text-soft) in the translation's box, on the soft tint
    ("--text-soft", "--soft"),
    ("--accent", "--surface"),
    ("--on-accent", "--accent"),
    ("--on-accent", "--accent-hover"),
    ("--tag-text", "--tag-bg"),
    ("--error-text", "--error-bg"),
    ("--on-header", "--header-bg"),
    ("--header-sub", "--header-bg"),
    ("--header-link", "--header-bg"),
    ("--header-bg", "--on-header"),
];

/// The focus ring and the surfaces it is drawn on: a graphical object, 3:1 (the header has a
/// ring colour of its own for its band).
const RING_ON: &[(&str, &str)] = &[
    ("--focus", "--bg"),
    ("--focus", "--surface"),
    ("--focus", "--soft"),
    ("--header-focus", "--header-bg"),
];

const ENTITY_TYPES: [&str; 6] = ["person", "org", "place", "date", "event", "law"];

fn check(name: &str, theme: &Tokens, failures: &mut Vec<String>) {
    let colour = |token: &str| {
        theme
            .get(token)
            .unwrap_or_else(|| panic!("{name}: {token} is not set"))
            .as_str()
    };
    let mut pairs: Vec<(String, String, f64)> = TEXT_ON
        .iter()
        .map(|&(fg, bg)| (fg.to_owned(), bg.to_owned(), 4.5))
        .collect();
    pairs.extend(
        RING_ON
            .iter()
            .map(|&(fg, bg)| (fg.to_owned(), bg.to_owned(), 3.0)),
    );
    for kind in ENTITY_TYPES {
        let tint = format!("--{kind}-tint");
        pairs.push(("--text".into(), tint.clone(), 4.5));
        // The underline is the cue that does not rest on colour: a graphical object, 3:1.
        pairs.push((format!("--{kind}-line"), tint, 3.0));
    }
    for (fg, bg, least) in pairs {
        let ratio = contrast(colour(&fg), colour(&bg));
        if ratio < least {
            failures.push(format!(
                "{name}: {fg} on {bg} is {ratio:.2}:1, under {least}:1"
            ));
        }
    }
}

#[test]
fn contrast_ratios_of_known_pairs() {
    assert!((contrast("#000", "#fff") - 21.0).abs() < 1e-9);
    assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
    assert_eq!(contrast("#123456", "#123456"), 1.0);
}

#[test]
fn every_theme_sets_every_colour() {
    let (light, themes) = themes();
    let colours: Vec<&String> = light
        .iter()
        .filter(|(_, v)| is_colour(v))
        .map(|(k, _)| k)
        .collect();
    assert!(colours.len() > 40, "found only {} colours", colours.len());
    for (name, theme) in &themes {
        for token in &colours {
            assert!(theme.contains_key(*token), "{name} does not set {token}");
        }
        for token in theme.keys() {
            assert!(
                light.contains_key(token),
                "{name} sets {token}, light does not"
            );
        }
    }
    assert_eq!(
        themes["dark"], themes["system dark"],
        "the system's dark choice and data-theme=dark differ"
    );
}

#[test]
fn every_theme_passes_wcag_aa() {
    let (light, themes) = themes();
    let mut failures = Vec::new();
    check("light", &light, &mut failures);
    for (name, overrides) in &themes {
        let mut theme = light.clone();
        theme.extend(overrides.clone());
        check(name, &theme, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
