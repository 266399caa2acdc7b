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

## The impact section of the release page
section-impact = Impact analysis
impact-risk-level = Release risk level
impact-risk-level-rule = the highest risk in the register, raised to High when a Medium register touches a Critical CI
impact-affected = Affected services and CIs
impact-affected-none = No CIs linked: link the services and CIs this release changes under Overview.
impact-criticality-of = Criticality of { $item }
impact-via-linked = linked to this release
impact-via = depends on { $item }
impact-users = Users or branches affected
impact-users-hint = e.g. all branches' ATMs, mobile banking users
impact-downtime = Expected downtime (minutes)
impact-summary = Summary
impact-summary-hint = what changes for the business, and for how long
chip-risk-level = Risk: { $level }
