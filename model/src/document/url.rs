//! What a link or image URL means to a browser: whether it may be used at all
//! ([`safe_url`]) and whether it leaves the site ([`is_external`]); and how CommonMark writes
//! one into HTML ([`percent_encode`]).
//!
//! Both read the URL the way a browser does (the WHATWG URL parser): leading and trailing C0
//! control characters and spaces are dropped, tabs and newlines anywhere are removed, and a
//! backslash counts as a slash. Deciding on the text as written instead would let
//! `java\tscript:`, `\u{1}javascript:` or `/\evil.example` mean one thing here and another in
//! the browser. Pure string functions: the UI uses [`is_external`], the Markdown parser
//! [`safe_url`] and [`percent_encode`].

/// Whether `url` may become a link or image source: `http:`, `https:`, `mailto:`, or no scheme
/// at all (a relative URL). Anything else — `javascript:`, `data:`, `vbscript:`, `file:`,
/// unknown schemes — is refused, however it is spelled: the scheme is read the way a browser
/// reads it, after dropping the control characters and white space a browser ignores.
pub fn safe_url(url: &str) -> bool {
    match scheme(&browser_clean(url)) {
        None => true,
        Some(s) => ["http", "https", "mailto"]
            .iter()
            .any(|ok| s.eq_ignore_ascii_case(ok)),
    }
}

/// Whether a link to `url` leaves the site: an `http:` or `https:` URL, or a network-path
/// reference (`//host/…`, also spelled with backslashes, `/\host`, which browsers read as
/// `//host`). Such links get `rel="noopener noreferrer"`.
pub fn is_external(url: &str) -> bool {
    let cleaned = browser_clean(url);
    match scheme(&cleaned) {
        Some(s) => s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"),
        None => {
            let mut chars = cleaned.chars();
            let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
            slash(chars.next()) && slash(chars.next())
        }
    }
}

/// `url` percent-encoded the way CommonMark's reference renderer writes a link or image
/// destination (commonmark.js's `normalizeURI`, which is mdurl's `encode`): ASCII letters and
/// digits, the characters `;/?:@&=+$,-_.!~*'()#` and an existing `%XX` escape stay as they
/// are; every other character (space, `\`, `"`, `<`, `[`, a control, any non-ASCII letter)
/// becomes the `%XX` escapes of its UTF-8 bytes.
///
/// The spec's examples expect it (`[a](foo\bar)` links to `foo%5Cbar`), and it makes what the
/// browser reads plain: no white space or control character is left for it to strip or
/// ignore, and a backslash is no longer a slash.
pub fn percent_encode(url: &str) -> String {
    const KEEP: &[u8] = b";/?:@&=+$,-_.!~*'()#";
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escape_follows = b == b'%'
            && bytes.len() > i + 2
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit();
        if escape_follows {
            // An escape already written: keep it as written (mdurl's `keepEscaped`).
            out.push_str(&url[i..i + 3]);
            i += 3;
            continue;
        }
        if b.is_ascii_alphanumeric() || KEEP.contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
        i += 1;
    }
    out
}

/// `url` as the browser's URL parser sees it before it looks for a scheme: leading and trailing
/// C0 controls and spaces stripped, tabs and newlines anywhere removed.
fn browser_clean(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The part before the first `:` when that colon comes before any `/`, `\`, `?` or `#`, else
/// `None` (a relative reference). A colon-prefix that is not scheme-shaped (`:x`, `ä:x`) is
/// returned too, so that anything odd is refused rather than guessed about.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '\\', '?', '#'])?;
    (url.as_bytes()[end] == b':').then(|| &url[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_urls() {
        for ok in [
            "https://example.org/a",
            "HTTP://x",
            "mailto:press@sud.kz",
            "/kk/",
            "../a.png",
            "#p-2",
            "?q=1",
            "a/b:c",
            "",
            "//example.org/x",
            "/\\example.org",
        ] {
            assert!(safe_url(ok), "{ok:?} should be allowed");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "javascript:alert(1)\u{0}",
            "data:text/html,<script>",
            "DATA:image/svg+xml,<svg>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "entity:kazakhstan",
            ":nothing",
            "\u{ff4a}avascript:x",
        ] {
            assert!(!safe_url(bad), "{bad:?} should be refused");
        }
    }

    #[test]
    fn percent_encoding_is_commonmarks() {
        for (url, encoded) in [
            (
                "https://example.org/a?b=1&c#d",
                "https://example.org/a?b=1&c#d",
            ),
            ("foo\\bar", "foo%5Cbar"),
            ("/my uri", "/my%20uri"),
            ("\"q\"", "%22q%22"),
            ("/f%C3%B6%C3%B6", "/f%C3%B6%C3%B6"),
            ("/föö", "/f%C3%B6%C3%B6"),
            (
                "/Қазақстан",
                "/%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD",
            ),
            ("100%", "100%25"),
            ("%4", "%254"),
            ("%zz%41", "%25zz%41"),
            ("a[b]{c}|^`<>", "a%5Bb%5D%7Bc%7D%7C%5E%60%3C%3E"),
            ("java\tscript:x", "java%09script:x"),
            ("", ""),
        ] {
            assert_eq!(percent_encode(url), encoded, "{url:?}");
        }
    }

    #[test]
    fn external_urls() {
        for yes in [
            "https://example.org",
            "HTTP://x",
            " https://x",
            "\u{1}https://x",
            "//example.org",
            "\\\\example.org",
            "/\\example.org",
            "\\/example.org",
            "/\t/example.org",
            "\u{1}//example.org",
            "https:example.org",
        ] {
            assert!(is_external(yes), "{yes:?} leaves the site");
        }
        for no in ["/kk/", "#p-1", "?q", "a//b", "mailto:a@b", "", "/", "./\\x"] {
            assert!(!is_external(no), "{no:?} stays on the site");
        }
    }
}
