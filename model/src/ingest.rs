//! Turns text extracted from a newspaper PDF into an article's Markdown body.
//!
//! PDF text extraction leaves the column layout in the text. The rules it follows (see the
//! README's "Adding an article"):
//! - a line that ends with white space ends with a whole word;
//! - a line that ends with a letter was cut inside a word (the printed soft hyphen is lost),
//!   so it joins the next line without a space; a soft hyphen (U+00AD) at the end means the same;
//! - a line that ends with a hyphen after a letter or digit keeps the hyphen and joins without
//!   a space (`вице-` + `президенті`);
//! - any other line end (punctuation, a digit, a closing bracket or quote, a dash set off by
//!   spaces) ends a word;
//! - blank lines separate paragraphs.

use std::fmt;

/// Why a text could not be ingested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IngestError {
    /// The input has no text at all (empty or only white space).
    Empty,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => {
                f.write_str("no text to ingest: the input is empty or only white space")
            }
        }
    }
}

impl std::error::Error for IngestError {}

/// Options for [`ingest`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Move the last paragraph to the front: in print, the lead stood above the body, and
    /// extraction put it last.
    pub lead_last: bool,
}

/// Rejoins `text` into paragraphs and returns them as a Markdown body: paragraphs separated by
/// one blank line, each on one line, Markdown punctuation escaped so that the text renders
/// exactly as printed, with a final newline.
pub fn ingest(text: &str, options: IngestOptions) -> Result<String, IngestError> {
    let mut paragraphs = paragraphs(text);
    if paragraphs.is_empty() {
        return Err(IngestError::Empty);
    }
    if options.lead_last {
        paragraphs.rotate_right(1);
    }
    let mut out = paragraphs
        .iter()
        .map(|p| escape_markdown(p))
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    Ok(out)
}

/// The text's paragraphs with line-break splits undone and white space normalised.
pub fn paragraphs(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in normalised.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        join_line(&mut current, line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// How the previous line's end joins the next line.
#[derive(PartialEq)]
enum Join {
    /// Same word: no space.
    Word,
    /// New word: one space.
    Space,
}

fn join_line(paragraph: &mut String, line: &str) {
    // Where this line meets the previous one is decided by how the previous one ended, which
    // `paragraph` still shows: it keeps a trailing space when the line ended with one.
    let join = match paragraph.chars().last() {
        None => Join::Word,
        Some(c) if c.is_whitespace() => Join::Space,
        Some('\u{ad}') => {
            paragraph.pop();
            Join::Word
        }
        Some('-') => {
            let before = paragraph.chars().rev().nth(1);
            if before.is_some_and(char::is_alphanumeric) {
                Join::Word
            } else {
                Join::Space
            }
        }
        Some(c) if c.is_alphabetic() => Join::Word,
        Some(_) => Join::Space,
    };
    let trimmed_end = paragraph.trim_end().len();
    paragraph.truncate(trimmed_end);
    if join == Join::Space && !paragraph.is_empty() {
        paragraph.push(' ');
    }
    // Collapse runs of spaces and tabs inside the line; keep a single trailing space as the
    // "whole word" signal for the next line.
    let mut last_space = paragraph.is_empty() || paragraph.ends_with(' ');
    for c in line.chars() {
        if c == ' ' || c == '\t' {
            if !last_space {
                paragraph.push(' ');
            }
            last_space = true;
        } else {
            paragraph.push(c);
            last_space = false;
        }
    }
}

/// Escapes what Markdown would otherwise read as markup, so the rendered text is the input.
fn escape_markdown(paragraph: &str) -> String {
    let paragraph = paragraph.trim();
    let mut out = String::with_capacity(paragraph.len() + 8);
    for c in paragraph.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    escape_block_start(out)
}

/// A paragraph must not start like a heading, list item, quote or code fence.
fn escape_block_start(text: String) -> String {
    let first = text.chars().next();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let starts_list_number = (1..=9).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(text.as_bytes().get(digits + 1), None | Some(b' '));
    let starts_marker = matches!(first, Some('#' | '=' | '+' | '-'))
        || (text.starts_with('~') || text.starts_with('`'));
    if starts_list_number {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else if starts_marker {
        format!("\\{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> String {
        ingest(text, IngestOptions::default()).unwrap()
    }

    #[test]
    fn escapes_block_starts() {
        assert_eq!(escape_markdown("1. a"), "1\\. a");
        assert_eq!(escape_markdown("2025) a"), "2025\\) a");
        assert_eq!(escape_markdown("# a"), "\\# a");
        assert_eq!(escape_markdown("- a"), "\\- a");
        assert_eq!(escape_markdown("17-19 қараша"), "17-19 қараша");
        assert_eq!(
            body("a *b* [c](d) <e> & f_g"),
            "a \\*b\\* \\[c\\](d) \\<e\\> \\& f\\_g\n"
        );
    }
}
