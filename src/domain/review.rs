//! The post-implementation review of a release (the seed's "사후 검토 회의" and "교훈 사항
//! 문서화"): what went well, what went wrong, the lessons learned, and the follow-up actions,
//! which become tasks of the release. A release is reviewed once it is complete or after a
//! rollback; the dashboard counts the closed releases that were never reviewed.

use serde::{Deserialize, Serialize};

use super::ids::{AgentId, TaskId, Timestamp};
use super::release::Release;
use super::stage::Stage;

/// The longest text of a review accepted.
pub const TEXT_MAX_CHARS: usize = 10_000;

/// A release's post-implementation review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    #[serde(default)]
    pub went_well: String,
    #[serde(default)]
    pub went_wrong: String,
    #[serde(default)]
    pub lessons: String,
    /// The tasks its follow-up actions became, in the order they were added.
    #[serde(default)]
    pub follow_ups: Vec<TaskId>,
    /// Who wrote it (the last to save it), and when.
    #[serde(default)]
    pub reviewer: Option<AgentId>,
    pub reviewed_at: Option<Timestamp>,
}

/// Why a review is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReviewRefused {
    #[error("a release is reviewed once it is complete or after a rollback")]
    NotYet,
    #[error("a review needs something written or a follow-up action")]
    Empty,
    #[error("the text is longer than {TEXT_MAX_CHARS} characters")]
    TextTooLong,
}

/// Whether `release` can be reviewed: not in Trash, and complete or rolled back at least once.
pub fn can_review(release: &Release) -> bool {
    !release.is_deleted()
        && (release.stage == Stage::Complete
            || release.stage == Stage::Rollback
            || release.rollback_count > 0)
}

/// Whether `release` is closed (complete, not in Trash) and has no review: what the dashboard counts.
pub fn missing_review(release: &Release, review: Option<&Review>) -> bool {
    !release.is_deleted() && release.stage == Stage::Complete && review.is_none()
}

/// Checks the texts of a review (trimmed) and that it says something, counting `follow_ups` new
/// actions and those it already has.
pub fn validate(
    went_well: &str,
    went_wrong: &str,
    lessons: &str,
    follow_ups: usize,
) -> Result<(String, String, String), ReviewRefused> {
    let texts = [went_well, went_wrong, lessons].map(str::trim);
    if texts.iter().any(|t| t.chars().count() > TEXT_MAX_CHARS) {
        return Err(ReviewRefused::TextTooLong);
    }
    if texts.iter().all(|t| t.is_empty()) && follow_ups == 0 {
        return Err(ReviewRefused::Empty);
    }
    let [well, wrong, lessons] = texts.map(str::to_owned);
    Ok((well, wrong, lessons))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_must_say_something() {
        assert_eq!(validate(" ", "", "\n", 0), Err(ReviewRefused::Empty));
        assert!(validate("", "", "", 1).is_ok(), "a follow-up alone is a review");
        assert_eq!(validate(" 리허설 효과 ", "", "", 0).map(|t| t.0), Ok("리허설 효과".to_owned()));
    }
}
