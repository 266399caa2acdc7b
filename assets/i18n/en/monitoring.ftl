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
