# Impact analysis: affected services and CIs, their criticality and dependencies, the release risk level.
# Release Desk's English catalogue. Every key here is also in ../ko/impact.ftl, with the
# same arguments, and in no other file.

## Criticality of a configuration item
criticality-low = Low
criticality-medium = Medium
criticality-high = High
criticality-critical = Critical

## Refusals
registry-invalid-self-dependency = A configuration item cannot depend on itself.
registry-invalid-dependency-cycle = CI-{ $item } already depends on this item; a dependency cycle is not allowed.
impact-invalid-downtime = The expected downtime is more than a year. Check the number.
