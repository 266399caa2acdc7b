# The post-implementation review: what went well, what went wrong, lessons, follow-up actions.
# Release Desk's English catalogue. Every key here is also in ../ko/review.ftl, with the
# same arguments, and in no other file.

## Refusals
review-refused-not-yet = A release is reviewed once it is complete or after a rollback.
review-refused-empty = Write something in the review, or add a follow-up action.

## The review section of the release page
section-review = Post-implementation review
review-not-yet = A release is reviewed once it is complete or after a rollback.
review-missing = Completed without a review yet.
review-reviewed = Reviewed by { $who }, { $when }
review-went-well = What went well
review-went-well-hint = what to keep doing
review-went-wrong = What went wrong
review-went-wrong-hint = what hurt, and why
review-lessons = Lessons learned
review-lessons-hint = what the next release does differently
review-follow-ups = Follow-up actions
review-follow-ups-none = No follow-up actions.
review-follow-up-hint = a follow-up action (it becomes a task)
review-follow-up-add = Add follow-up
review-follow-up-title-required = Write the follow-up action first.

## The dashboard
kpi-unreviewed = { $count ->
    [0] No release closed in this period without a review.
    [one] 1 release closed in this period without a review:
   *[other] { $count } releases closed in this period without a review:
}
