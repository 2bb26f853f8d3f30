//! What a valid article slug is: article folders and URL segments follow it, and so do entity
//! ids (which the knowledge-base compiler checks at build time). The model re-exports it as
//! `content::is_valid_slug` and friends.

/// Whether `slug` is a valid article slug: `a-z`, `0-9` and single inner hyphens, at most 100
/// bytes. Slugs are folder names and URL segments, so they stay plain ASCII.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// Path segments that name pages of their own under `/<lang>/`, so no article may take them.
pub const RESERVED_SLUGS: [&str; 4] = ["page", "tags", "search", "entities"];

/// Whether `slug` may name an article: a valid slug ([`is_valid_slug`]) that is not all digits
/// (`/<lang>/2025/` is the year's list) nor one of the [`RESERVED_SLUGS`].
pub fn is_article_slug(slug: &str) -> bool {
    is_valid_slug(slug)
        && !slug.bytes().all(|b| b.is_ascii_digit())
        && !RESERVED_SLUGS.contains(&slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_valid_slug("iaca-2025-dubai"));
        assert!(is_valid_slug(&"a".repeat(100)));
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "a/b",
            "қ",
            &"a".repeat(101),
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn article_slugs_leave_room_for_the_lists() {
        assert!(is_article_slug("iaca-2025-dubai") && is_article_slug("2025-a"));
        for taken in ["2025", "0", "page", "tags", "search", "entities", "A"] {
            assert!(!is_article_slug(taken), "{taken}");
        }
    }
}
