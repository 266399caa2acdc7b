//! Planning around time: deployment (maintenance) windows in which releases may deploy, change
//! freezes (blackouts) in which they must not, and the conflicts a plan has with them and with
//! other releases. Recurrences are RFC 5545 RRULEs expanded in a named IANA time zone
//! (`recurrence.rs`); the conflicts are one pure function over releases, windows, freezes and the
//! stage history (`conflicts.rs`, over the interval index of `index.rs` and the sweeps of
//! `overlaps.rs`, kept compact by `found.rs`); the rule presets the
//! window dialog offers are in `presets.rs`.

#[cfg(test)]
mod at_scale;
pub mod conflicts;
mod found;
mod index;
mod overlaps;
pub mod presets;
pub mod recurrence;

use std::collections::BTreeSet;

use chrono::{NaiveDateTime, TimeZone as _};
use serde::{Deserialize, Serialize};

use super::ids::{ConfigItemId, FreezeId, GroupId, Timestamp, WindowId};
use super::release::{Release, ReleaseType};

pub use chrono_tz::Tz;
pub use conflicts::{Conflict, ConflictKind, ReleaseIds, Resolution, Severity, TimeRange, find_conflicts};
pub use found::Conflicts;
pub use index::ScheduleIndex;
pub use recurrence::{Occurrence, Recurrence, RuleInvalid};

/// The longest name a window or freeze may have.
pub const NAME_MAX_CHARS: usize = 255;

/// The longest one occurrence may last: 31 days (a freeze of a whole month).
pub const DURATION_MAX_MINUTES: u32 = 31 * 24 * 60;

/// Which releases a window or freeze applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Scope {
    /// Every release.
    #[default]
    All,
    /// The releases of one group.
    Group(GroupId),
    /// The releases of one type.
    ReleaseType(ReleaseType),
    /// The releases linked to one configuration item.
    ConfigItem(ConfigItemId),
}

impl Scope {
    /// Whether the scope takes in `release`.
    pub fn applies_to(&self, release: &Release) -> bool {
        match *self {
            Self::All => true,
            Self::Group(group) => release.group_id == Some(group),
            Self::ReleaseType(release_type) => release.release_type == release_type,
            Self::ConfigItem(item) => release.assets.contains(&item),
        }
    }

    /// The stored code of the scope's kind.
    pub fn kind_code(&self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Group(_) => "group",
            Self::ReleaseType(_) => "release_type",
            Self::ConfigItem(_) => "ci",
        }
    }

    /// The stored number beside the kind (a group or CI id, a release type code).
    pub fn target(&self) -> Option<i64> {
        match *self {
            Self::All => None,
            Self::Group(g) => Some(g.0),
            Self::ReleaseType(t) => Some(i64::from(t.code())),
            Self::ConfigItem(c) => Some(c.0),
        }
    }

    /// The scope of a stored kind code and number.
    pub fn from_parts(kind: &str, target: Option<i64>) -> Option<Self> {
        match (kind, target) {
            ("all", _) => Some(Self::All),
            ("group", Some(id)) => Some(Self::Group(GroupId(id))),
            ("release_type", Some(code)) => ReleaseType::from_code(code).map(Self::ReleaseType),
            ("ci", Some(id)) => Some(Self::ConfigItem(ConfigItemId(id))),
            _ => None,
        }
    }
}

/// When a window or freeze happens: once, or again and again. The JSON form (`{"t": "once",
/// ...}`) is what a team shares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Timing {
    /// One period, from `start` to `end`.
    Once { start: Timestamp, end: Timestamp },
    /// Every occurrence of `recurrence`, each lasting `minutes`.
    Recurring { recurrence: Recurrence, minutes: u32 },
}

/// A deployment (maintenance) window: recurring periods in which releases may deploy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeploymentWindow {
    pub id: WindowId,
    pub name: String,
    pub timing: Timing,
    /// The zone whose wall clock the recurrence follows (Asia/Seoul: 22:00 is 22:00 in Seoul).
    pub zone: Tz,
    pub scope: Scope,
}

/// How strictly a freeze holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FreezeKind {
    /// Deploy is refused without a written override.
    #[default]
    Hard,
    /// A warning only.
    Soft,
}

impl FreezeKind {
    pub const ALL: [Self; 2] = [Self::Hard, Self::Soft];

    /// The stored and JSON name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Hard => "hard",
            Self::Soft => "soft",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A change freeze (blackout): periods in which releases must not deploy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Freeze {
    pub id: FreezeId,
    pub name: String,
    pub timing: Timing,
    pub zone: Tz,
    pub kind: FreezeKind,
    pub scope: Scope,
    /// Release types the freeze does not hold back (an Emergency fix in a year-end freeze).
    pub exempt: BTreeSet<ReleaseType>,
    /// Why those types are exempt; required when any is.
    pub exempt_reason: String,
}

impl Freeze {
    /// Whether the freeze holds `release` back: in scope and not of an exempt type.
    pub fn applies_to(&self, release: &Release) -> bool {
        self.scope.applies_to(release) && !self.exempt.contains(&release.release_type)
    }
}

/// Why a window or freeze is not acceptable. Nothing changes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleInvalid {
    #[error("the name is empty")]
    NameEmpty,
    #[error("the name has {0} characters; at most 255 are allowed")]
    NameTooLong(usize),
    #[error("the end must be after the start")]
    EndNotAfterStart,
    #[error("an occurrence must last at least a minute")]
    DurationZero,
    #[error("an occurrence may last at most 31 days, not {0} minutes")]
    DurationTooLong(u32),
    #[error("exempt release types need a written reason")]
    ExemptReasonRequired,
    #[error("the recurrence rule: {0}")]
    Rule(#[from] RuleInvalid),
}

/// Checks a name: 1..=255 characters after trimming.
pub fn validate_name(name: &str) -> Result<(), ScheduleInvalid> {
    let chars = name.trim().chars().count();
    match chars {
        0 => Err(ScheduleInvalid::NameEmpty),
        n if n > NAME_MAX_CHARS => Err(ScheduleInvalid::NameTooLong(n)),
        _ => Ok(()),
    }
}

/// Checks a timing: a one-off period ends after it starts; a recurrence parses, has at least one
/// occurrence and lasts between a minute and 31 days.
pub fn validate_timing(timing: &Timing, zone: Tz) -> Result<(), ScheduleInvalid> {
    match timing {
        Timing::Once { start, end } => {
            if end > start {
                Ok(())
            } else {
                Err(ScheduleInvalid::EndNotAfterStart)
            }
        }
        Timing::Recurring { recurrence, minutes } => {
            if *minutes == 0 {
                return Err(ScheduleInvalid::DurationZero);
            }
            if *minutes > DURATION_MAX_MINUTES {
                return Err(ScheduleInvalid::DurationTooLong(*minutes));
            }
            recurrence.check(zone)?;
            Ok(())
        }
    }
}

impl DeploymentWindow {
    /// Checks every rule a stored window satisfies.
    pub fn validate(&self) -> Result<(), ScheduleInvalid> {
        validate_name(&self.name)?;
        validate_timing(&self.timing, self.zone)
    }
}

impl Freeze {
    /// Checks every rule a stored freeze satisfies.
    pub fn validate(&self) -> Result<(), ScheduleInvalid> {
        validate_name(&self.name)?;
        validate_timing(&self.timing, self.zone)?;
        if !self.exempt.is_empty() && self.exempt_reason.trim().is_empty() {
            return Err(ScheduleInvalid::ExemptReasonRequired);
        }
        Ok(())
    }
}

/// The occurrences of `timing` in `zone` that overlap `range`, in start order.
pub fn occurrences(timing: &Timing, zone: Tz, range: TimeRange) -> Vec<Occurrence> {
    match timing {
        Timing::Once { start, end } => {
            if *start < range.to && *end > range.from {
                vec![Occurrence { start: *start, end: *end }]
            } else {
                Vec::new()
            }
        }
        Timing::Recurring { recurrence, minutes } => recurrence.expand(zone, *minutes, range),
    }
}

/// The system's IANA time zone (the default of a new window), or UTC when it cannot be told.
pub fn system_zone() -> Tz {
    match iana_time_zone::get_timezone() {
        Ok(name) => name.parse::<Tz>().unwrap_or_else(|_| {
            log::warn!("the system's time zone '{name}' is unknown to this build; using UTC");
            Tz::UTC
        }),
        Err(err) => {
            log::warn!("could not tell the system's time zone ({err}); using UTC");
            Tz::UTC
        }
    }
}

/// A wall-clock time in `zone` as UTC: the earlier of two (a time the clocks go back through),
/// or the first valid time after a gap (a time the clocks skip).
pub fn local_to_utc(local: NaiveDateTime, zone: Tz) -> Timestamp {
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.to_utc(),
        chrono::LocalResult::Ambiguous(early, _) => early.to_utc(),
        chrono::LocalResult::None => {
            // In a gap (spring forward): the same wall time an hour on exists.
            let later = local + chrono::Duration::hours(1);
            zone.from_local_datetime(&later)
                .earliest()
                .map_or_else(|| chrono::Utc.from_utc_datetime(&local), |t| t.to_utc())
        }
    }
}

/// Every deployment window and freeze, each in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    pub windows: Vec<DeploymentWindow>,
    pub freezes: Vec<Freeze>,
}

impl Schedule {
    pub fn window(&self, id: WindowId) -> Option<&DeploymentWindow> {
        self.windows.binary_search_by_key(&id, |w| w.id).ok().map(|i| &self.windows[i])
    }

    pub fn freeze(&self, id: FreezeId) -> Option<&Freeze> {
        self.freezes.binary_search_by_key(&id, |f| f.id).ok().map(|i| &self.freezes[i])
    }

    /// The id a new window gets.
    pub fn next_window_id(&self) -> WindowId {
        self.windows.last().map_or(WindowId(1), |w| w.id.next())
    }

    /// The id a new freeze gets.
    pub fn next_freeze_id(&self) -> FreezeId {
        self.freezes.last().map_or(FreezeId(1), |f| f.id.next())
    }

    /// The hard freezes that hold `release` at some time in `from..to` (an instant when equal):
    /// the Deploy gate's freeze check.
    pub fn hard_freezes_holding(&self, release: &Release, from: Timestamp, to: Timestamp) -> Vec<&Freeze> {
        let to = to.max(from + chrono::Duration::seconds(1));
        let range = TimeRange::new(from, to);
        self.freezes
            .iter()
            .filter(|f| f.kind == FreezeKind::Hard && f.applies_to(release))
            .filter(|f| occurrences(&f.timing, f.zone, range).iter().any(|o| o.overlaps(from, to)))
            .collect()
    }
}
