# The post-implementation review: what went well, what went wrong, lessons, follow-up actions.
# Release Desk's English catalogue. Every key here is also in ../ko/review.ftl, with the
# same arguments, and in no other file.

## Refusals
review-refused-not-yet = A release is reviewed once it is complete or after a rollback.
review-refused-empty = Write something in the review, or add a follow-up action.
