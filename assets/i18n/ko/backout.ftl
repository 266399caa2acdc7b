# 백아웃(롤백) 계획: 편집기, 리허설, 배포 게이트 경고, 롤백 원복 시간.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/backout.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 배포 게이트 경고 (배포를 막지는 않음)
gate-backout-missing = 백아웃 계획이 없습니다. 주요·긴급 릴리스는 배포 전에 백아웃 계획을 세워야 합니다.
gate-backout-rehearsal-missed = 마지막 백아웃 리허설이 목표를 넘었습니다: 목표 { $target }, 실제 { $duration } 만에 원복 ({ $result }).

## 롤백 원복 시간
dialog-restore-time = 원복 소요 시간 (분)
dialog-restore-target = 백아웃 계획의 원복 목표: { $target }
dialog-restore-no-plan = 이 릴리스에는 백아웃 계획이 없어 원복 목표가 없습니다.
history-restore = { $duration } 만에 원복
history-restore-met = { $duration } 만에 원복, 목표 { $target } 이내
history-restore-missed = { $duration } 만에 원복, 목표 { $target } 초과
move-refused-restore = 원복 소요 시간이 1년을 넘습니다. 숫자를 확인하세요.

## 리허설
rehearsal-pass = 성공
rehearsal-fail = 실패

## 거부 사유
backout-invalid-target = 원복 목표 시간은 1분에서 1주일 사이여야 합니다.
backout-invalid-decision-point = 결정 시점은 배포 시작 후 1주일 이내여야 합니다.
backout-invalid-rehearsal-time = 리허설 원복 시간은 1주일 이내여야 합니다.
backout-invalid-no-rehearsal = 해당 리허설이 더 이상 없습니다.
