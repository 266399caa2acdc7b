//! The search of the release list at scale: the same rows as [`view::query`], found through a
//! lower-cased arena of every subject and description (built once per state of the releases, on
//! the first search that needs it) searched with SIMD substring search, split across cores on a
//! large list, and, while a query only grows (type-ahead), by narrowing the previous result.
//! A large result is put in order by where each row stands in the list without text (which the
//! window shows, sorted, before anyone types), not sorted again by its keys.
//!
//! [`ReleaseSearch`] belongs to one state of the releases: its owner makes a new one whenever
//! they change (the window keys it by the model's revision).

use std::sync::OnceLock;

use memchr::memmem;

use super::directory::Directory;
use super::ids::{AgentId, ReleaseId};
use super::release::Release;
use super::view::{self, Needle, PredefinedView, ReleaseFilter, SortSpec};

/// Between two texts in the arena: a byte no UTF-8 text (so no needle) holds, so a match never
/// runs from one text into the next.
const SEPARATOR: u8 = 0xFF;

/// Arena bytes from which the search is split across threads.
const PARALLEL_FROM: usize = 4 << 20;

/// Results from this many rows on are put in order through [`ListOrder`].
const RANKED_FROM: usize = 1024;

/// Every release's subject and description, lower-cased, one after the other.
struct Arena {
    bytes: Vec<u8>,
    /// Where each release's texts start in `bytes`; one more entry: the end.
    starts: Vec<usize>,
}

impl Arena {
    /// `lower` lower-cases one text into the arena.
    fn build(releases: &[Release], lower: impl Fn(&str, &mut Vec<u8>)) -> Self {
        let size: usize = releases.iter().map(|r| r.subject.len() + r.description.len() + 2).sum();
        let mut bytes = Vec::with_capacity(size);
        let mut starts = Vec::with_capacity(releases.len() + 1);
        for r in releases {
            starts.push(bytes.len());
            lower(&r.subject, &mut bytes);
            bytes.push(SEPARATOR);
            lower(&r.description, &mut bytes);
            bytes.push(SEPARATOR);
        }
        starts.push(bytes.len());
        Self { bytes, starts }
    }

    /// ASCII letters lower-cased, every other byte as it is: byte for byte what the plain scan
    /// compares an ASCII needle with.
    fn ascii(releases: &[Release]) -> Self {
        Self::build(releases, |text, out| out.extend(text.bytes().map(|b| b.to_ascii_lowercase())))
    }

    /// Unicode lower case: what the plain scan compares a needle with other letters with (a text
    /// that holds the needle as it is also holds it lower-cased, so one test covers both).
    fn unicode(releases: &[Release]) -> Self {
        Self::build(releases, |text, out| out.extend_from_slice(text.to_lowercase().as_bytes()))
    }

    fn text(&self, index: usize) -> &[u8] {
        &self.bytes[self.starts[index]..self.starts[index + 1]]
    }

    /// The releases in `from..to` whose texts hold `needle`, in order.
    fn hits_in(&self, finder: &memmem::Finder<'_>, from: usize, to: usize) -> Vec<usize> {
        let mut hits = Vec::new();
        let end = self.starts[to];
        let mut at = self.starts[from];
        let mut release = from;
        while let Some(found) = finder.find(&self.bytes[at..end]) {
            let position = at + found;
            // The release whose texts hold `position`: the last start at or before it.
            release += self.starts[release..=to].partition_point(|&s| s <= position) - 1;
            hits.push(release);
            release += 1;
            at = self.starts[release];
        }
        hits
    }

    /// The releases whose texts hold `needle`, in order; on a large arena each thread takes a
    /// part of the releases.
    fn hits(&self, needle: &[u8]) -> Vec<usize> {
        let finder = memmem::Finder::new(needle);
        let count = self.starts.len() - 1;
        let threads = if self.bytes.len() >= PARALLEL_FROM {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
        } else {
            1
        };
        if threads <= 1 {
            return self.hits_in(&finder, 0, count);
        }
        let chunk = count.div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = (0..threads)
                .map(|t| {
                    let (from, to) = ((t * chunk).min(count), ((t + 1) * chunk).min(count));
                    let finder = &finder;
                    let part = std::thread::Builder::new()
                        .name(format!("search-{t}"))
                        .spawn_scoped(scope, move || self.hits_in(finder, from, to));
                    (from, to, part)
                })
                .collect();
            let mut hits = Vec::new();
            for (from, to, part) in parts {
                match part.map(|handle| handle.join()) {
                    Ok(Ok(part)) => hits.extend(part),
                    // The thread could not start (or panicked): do its part here.
                    Ok(Err(_)) | Err(_) => hits.extend(self.hits_in(&finder, from, to)),
                }
            }
            hits
        })
    }
}

/// What a result depends on besides the text.
#[derive(Clone, Debug, PartialEq)]
struct Scope {
    view: PredefinedView,
    me: Option<AgentId>,
    filter: ReleaseFilter,
}

/// The last search's unsorted rows, for narrowing the next.
struct LastResult {
    scope: Scope,
    needle: String,
    rows: Vec<usize>,
}

/// The rows of the last query without text, in their order. A text search in the same scope and
/// sort gives some of these rows, and in the same order: the sort's keys, then the id, then the
/// place in the releases, the same for a row wherever it is sorted.
struct ListOrder {
    scope: Scope,
    sort: SortSpec,
    rows: Vec<usize>,
    /// Each release's place in `rows` (`u32::MAX`: not in them), made by the first search.
    ranks: OnceLock<Vec<u32>>,
}

impl ListOrder {
    /// Puts `rows` (indices into the `count` releases) in this order; `false` (and `rows`
    /// untouched) if one of them is not in it.
    fn put_in_order(&self, rows: &mut [usize], count: usize) -> bool {
        let ranks = self.ranks.get_or_init(|| {
            let mut ranks = vec![u32::MAX; count];
            for (place, &i) in self.rows.iter().enumerate() {
                if let (Some(slot), Ok(place)) = (ranks.get_mut(i), u32::try_from(place)) {
                    *slot = place;
                }
            }
            ranks
        });
        let mut places = Vec::with_capacity(rows.len());
        for &i in rows.iter() {
            match ranks.get(i) {
                Some(&place) if place != u32::MAX => places.push(place),
                _ => return false,
            }
        }
        places.sort_unstable();
        for (row, place) in rows.iter_mut().zip(places) {
            *row = self.rows[place as usize];
        }
        true
    }
}

/// The list's search over one state of the releases (see the module's doc).
#[derive(Default)]
pub struct ReleaseSearch {
    /// How many releases it was made for (a different count is a different state: start again).
    count: Option<usize>,
    ascii: OnceLock<Arena>,
    unicode: OnceLock<Arena>,
    /// Whether the releases are in id order (so an id is found by binary search).
    by_id: bool,
    last: Option<LastResult>,
    /// The last result without text, when it was large.
    order: Option<ListOrder>,
}

impl ReleaseSearch {
    /// A search over `releases`; nothing is built until a query needs it.
    pub fn new(releases: &[Release]) -> Self {
        Self {
            count: Some(releases.len()),
            by_id: releases.windows(2).all(|w| w[0].id < w[1].id),
            ..Self::default()
        }
    }

    /// The rows of `view` narrowed by `filter` and sorted by `sort`, as indices into `releases`:
    /// exactly what [`view::query`] returns.
    pub fn query(
        &mut self,
        releases: &[Release],
        view: PredefinedView,
        me: Option<AgentId>,
        filter: &ReleaseFilter,
        sort: SortSpec,
        directory: &Directory,
    ) -> Vec<usize> {
        if self.count != Some(releases.len()) {
            *self = Self::new(releases);
        }
        let needle = Needle::new(&filter.text);
        let scope = Scope { view, me, filter: ReleaseFilter { text: String::new(), ..filter.clone() } };
        if needle.is_empty() {
            self.last = None;
            let rows = view::query(releases, view, me, filter, sort, directory);
            self.order = (rows.len() >= RANKED_FROM && u32::try_from(rows.len()).is_ok())
                .then(|| ListOrder { scope, sort, rows: rows.clone(), ranks: OnceLock::new() });
            return rows;
        }
        let lowered = needle.lowered();
        let ascii = lowered.is_ascii();
        let arena = if ascii {
            self.ascii.get_or_init(|| Arena::ascii(releases))
        } else {
            self.unicode.get_or_init(|| Arena::unicode(releases))
        };
        let bytes = lowered.as_bytes();
        let narrowed = self.last.as_ref().filter(|last| {
            last.scope == scope && last.needle.is_ascii() == ascii && lowered.contains(last.needle.as_str())
        });
        let mut text_hits = match narrowed {
            // Every text that holds the longer needle holds the shorter one too.
            Some(last) => {
                let finder = memmem::Finder::new(bytes);
                last.rows.iter().copied().filter(|&i| finder.find(arena.text(i)).is_some()).collect()
            }
            None => arena.hits(bytes),
        };
        if let Some(id) = needle.id() {
            for i in self.find_id(releases, id) {
                if let Err(at) = text_hits.binary_search(&i) {
                    text_hits.insert(at, i);
                }
            }
        }
        let plain = Needle::new("");
        let mut rows: Vec<usize> = text_hits
            .into_iter()
            .filter(|&i| view.matches(&releases[i], me) && scope.filter.matches(&releases[i], &plain))
            .collect();
        let unsorted = rows.clone();
        let in_order = rows.len() >= RANKED_FROM
            && self.order.as_ref().is_some_and(|order| {
                order.scope == scope && order.sort == sort && order.put_in_order(&mut rows, releases.len())
            });
        if !in_order {
            view::sort_rows(&mut rows, releases, sort, directory);
        }
        self.last = Some(LastResult { scope, needle: lowered.to_owned(), rows: unsorted });
        rows
    }

    /// Where the release `id` is in `releases` (in order; more than one place only in a list
    /// that is not the model's, where ids may repeat).
    fn find_id(&self, releases: &[Release], id: ReleaseId) -> Vec<usize> {
        if self.by_id {
            releases.binary_search_by_key(&id, |r| r.id).ok().into_iter().collect()
        } else {
            releases.iter().enumerate().filter(|(_, r)| r.id == id).map(|(i, _)| i).collect()
        }
    }
}
