# 배포 후 모니터링: 배포 단계별 지표 측정값, 임계값, 임계값 초과.

## 지표와 임계값
monitoring-metric-error-rate = 오류율
monitoring-metric-p95-latency = p95 지연 시간
monitoring-metric-crash-free = 크래시 없는 사용자
monitoring-direction-at-most = 이하
monitoring-direction-at-least = 이상
monitoring-at-most = { $limit } 이하
monitoring-at-least = { $limit } 이상
monitoring-no-phase = 전체 릴리스
monitoring-breach = 임계값 초과
monitoring-reading-value = { $metric } ({ $phase }): { $value }

## 활동 기록
monitoring-activity = 모니터링
monitoring-field-reading = 지표 측정값
monitoring-field-threshold = 임계값

## 명령
monitoring-cmd-add-reading = #{ $id }에 { $metric } 측정값을 기록했습니다
monitoring-cmd-delete-reading = #{ $id }의 지표 측정값을 삭제했습니다
monitoring-cmd-set-threshold = #{ $id }의 { $metric } 임계값을 정했습니다

## 거부
monitoring-invalid-not-finite = 값은 유한한 숫자여야 합니다.
monitoring-invalid-percent = { $value }은(는) 0에서 100 사이의 백분율이 아닙니다.
monitoring-invalid-negative = { $value }은(는) 음수입니다. 지연 시간은 음수일 수 없습니다.
monitoring-invalid-name-empty = 사용자 지정 지표에는 이름이 필요합니다.
monitoring-invalid-name-too-long = 지표 이름이 { $count }자입니다. 최대 64자까지 쓸 수 있습니다.
monitoring-invalid-phase-too-long = 단계 이름이 { $count }자입니다. 최대 64자까지 쓸 수 있습니다.
monitoring-invalid-not-monitoring = 측정값은 검증 및 모니터링 단계에서 기록합니다. 이 릴리스는 { $stage } 단계입니다.
monitoring-invalid-no-reading = 지표 측정값 { $id }이(가) 없습니다.

## 명령줄
monitoring-cli-none = 아직 지표 측정값이 없습니다.
monitoring-cli-no-threshold = 임계값 없음
monitoring-cli-metric = { $metric } (임계값: { $threshold })
monitoring-cli-bad-number = '{ $value }'은(는) 숫자가 아닙니다
monitoring-cli-breach-hint = 이 측정값은 임계값을 넘었습니다. #{ $id }의 롤백을 검토하세요.

## 릴리스 화면
section-monitoring = 배포 후 모니터링
section-monitoring-breaches = 배포 후 모니터링: 임계값 초과 { $count }건
monitoring-page-empty = 아직 측정값이 없습니다.
monitoring-page-breach = { $metric } { $value } ({ $phase })이(가) 임계값을 넘었습니다: { $threshold }
monitoring-page-rollback = 롤백…
monitoring-page-rollback-hint = 이 초과 내용을 사유로 수명 주기의 롤백 대화 상자를 엽니다
monitoring-page-rollback-not-now = 롤백은 배포 실행 또는 검증 및 모니터링 단계에서 할 수 있습니다. 이 릴리스는 { $stage } 단계입니다
monitoring-page-threshold = 임계값: { $threshold }
monitoring-page-edit-threshold = 임계값 변경
monitoring-page-limit = 기준값
monitoring-page-direction = 방향
monitoring-page-delete = 이 측정값 삭제
monitoring-page-add = 측정값 추가
monitoring-page-add-not-now = 측정값은 릴리스가 검증 및 모니터링 단계일 때 추가합니다.
monitoring-page-metric = 지표
monitoring-page-custom = 사용자 지정 지표…
monitoring-page-custom-name = 지표 이름
monitoring-page-phase = 단계
monitoring-page-phase-hint = 단계, 예: 10 % 사용자
monitoring-page-value = 값
