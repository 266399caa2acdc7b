# Monitoring after deploy: metric readings per roll-out phase, thresholds, breaches.

## Metrics and thresholds
monitoring-metric-error-rate = Error rate
monitoring-metric-p95-latency = p95 latency
monitoring-metric-crash-free = Crash-free users
monitoring-direction-at-most = At most
monitoring-direction-at-least = At least
monitoring-at-most = at most { $limit }
monitoring-at-least = at least { $limit }
monitoring-no-phase = whole release
monitoring-breach = breach
monitoring-reading-value = { $metric } ({ $phase }): { $value }

## Activity log
monitoring-activity = Monitoring
monitoring-field-reading = Metric reading
monitoring-field-threshold = Threshold

## Commands
monitoring-cmd-add-reading = record a { $metric } reading on #{ $id }
monitoring-cmd-delete-reading = delete a metric reading of #{ $id }
monitoring-cmd-set-threshold = set the { $metric } threshold of #{ $id }

## Refusals
monitoring-invalid-not-finite = The value must be a finite number.
monitoring-invalid-percent = { $value } is not a percentage between 0 and 100.
monitoring-invalid-negative = { $value } is negative; a latency cannot be.
monitoring-invalid-name-empty = A custom metric needs a name.
monitoring-invalid-name-too-long = The metric name has { $count } characters; at most 64 are allowed.
monitoring-invalid-phase-too-long = The phase has { $count } characters; at most 64 are allowed.
monitoring-invalid-not-monitoring = Readings are recorded at Verify & Monitor; the release is at { $stage }.
monitoring-invalid-no-reading = Metric reading { $id } does not exist.

## Command line
monitoring-cli-none = No metric readings yet.
monitoring-cli-no-threshold = no threshold
monitoring-cli-metric = { $metric } (threshold: { $threshold })
monitoring-cli-bad-number = '{ $value }' is not a number
monitoring-cli-breach-hint = This reading breaches its threshold; consider rolling #{ $id } back.

## Release page
section-monitoring = Monitoring after deploy
section-monitoring-breaches = Monitoring after deploy: { $count } breach(es)
monitoring-page-empty = No readings yet.
monitoring-page-breach = { $metric } { $value } ({ $phase }) is beyond its threshold: { $threshold }
monitoring-page-rollback = Roll back…
monitoring-page-rollback-hint = Opens the lifecycle's Rollback dialog with this breach as the reason
monitoring-page-rollback-not-now = A release is rolled back from Deploy or Verify & Monitor; this one is at { $stage }
monitoring-page-threshold = threshold: { $threshold }
monitoring-page-edit-threshold = Change threshold
monitoring-page-limit = Limit
monitoring-page-direction = Direction
monitoring-page-delete = Delete this reading
monitoring-page-add = Add reading
monitoring-page-add-not-now = Readings are added while the release is at Verify & Monitor.
monitoring-page-metric = Metric
monitoring-page-custom = Custom metric…
monitoring-page-custom-name = Metric name
monitoring-page-phase = Phase
monitoring-page-phase-hint = Phase, e.g. 10 % of users
monitoring-page-value = Value
