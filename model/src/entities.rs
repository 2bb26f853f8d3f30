//! Named entities: the knowledge base, the matcher that finds their (inflected) mentions, and
//! the pass that marks them in a [`Document`](crate::document::Document).

pub mod annotate;
pub mod dates;
pub mod eval;
pub mod matcher;
pub mod morphology;

use std::fmt;

/// What kind of thing an entity is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EntityType {
    /// A person.
    Person,
    /// A body: a court, an association, an agency.
    Org,
    /// A country, city or other place.
    Place,
    /// A date or a span of dates.
    Date,
    /// An event such as a conference.
    Event,
    /// A law or other legal act.
    Law,
}

impl EntityType {
    /// Every type, in the legend's order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Event,
        EntityType::Date,
        EntityType::Law,
    ];

    /// The type's tag in markup (`data-type`) and in the knowledge base files.
    pub const fn tag(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "org",
            EntityType::Place => "place",
            EntityType::Date => "date",
            EntityType::Event => "event",
            EntityType::Law => "law",
        }
    }

    /// Parses a tag.
    pub fn from_tag(tag: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.tag() == tag)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// One entity of the knowledge base, as compiled into the app from `static/entities/*.toml`.
/// Arrays indexed by language are in [`Lang::ALL`](crate::Lang::ALL) order: kk, ru, en.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityRecord {
    /// Stable identifier, e.g. `kazakhstan` (lowercase a–z, digits, hyphens).
    pub id: &'static str,
    /// Its type.
    pub kind: EntityType,
    /// Its name as shown on the card, per language.
    pub canonical: [&'static str; 3],
    /// Every name the matcher looks for, per language, in dictionary form: the canonical
    /// name, aliases and abbreviations.
    pub names: [&'static [&'static str]; 3],
    /// One sentence that explains it, per language.
    pub description: [&'static str; 3],
    /// The official web site, where there is one.
    pub url: Option<&'static str>,
    /// For `date` entities: the ISO date or `start/end` range they stand for, so that a date
    /// found in the text resolves to the entity.
    pub date: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/entities.rs"));

/// The whole knowledge base, compiled from `static/entities/*.toml` at build time (validated
/// there: a broken file fails the build), in file-name order, then file order.
pub fn records() -> &'static [EntityRecord] {
    ENTITIES
}

/// The entity with this id, if the knowledge base has one.
pub fn record(id: &str) -> Option<&'static EntityRecord> {
    ENTITIES.iter().find(|r| r.id == id)
}
