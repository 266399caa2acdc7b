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

## 빌드·테스트 계획 옆의 백아웃 계획
plan-backout = 백아웃 계획
plan-backout-decision = 진행/중단 결정과 결정권자
plan-backout-stop = 배포 중단 및 변경 동결
plan-backout-restore = 이전 버전으로 원복
plan-backout-data = 데이터 복원 또는 정합성 맞춤
plan-backout-verify = 서비스 정상화 확인
plan-backout-notify = 사용자·이해관계자 공지
unsaved-part-backout-plan = 편집 중인 백아웃 계획

## 릴리스 페이지의 백아웃 섹션
section-backout = 백아웃
backout-none = 아직 백아웃 계획이 없습니다.
backout-add = 백아웃 계획 추가
backout-remove = 백아웃 계획 삭제
backout-steps = 절차
backout-steps-progress = 절차 { $total }개 중 { $done }개 준비됨 (계획 탭에서 편집)
backout-go-no-go = 진행/중단 기준
backout-go-no-go-hint = 예: 오류율 1% 초과가 10분 지속
backout-decision-point = 결정 시점
backout-decision-point-set = 지정
backout-decision-point-after = 배포 시작 후
backout-restore-target = 원복 목표 시간
backout-restore-target-hint = 백아웃을 시작하면 이 시간 안에 서비스를 되살립니다
backout-rehearsals = 리허설
backout-rehearsals-none = 아직 리허설하지 않았습니다.
backout-rehearsal-restored = { $duration } 만에 원복
backout-rehearsal-met = 목표 이내
backout-rehearsal-missed = 목표 초과
backout-rehearsal-remove = 이 리허설 삭제
backout-rehearsal-new = 리허설 기록:
backout-rehearsal-minutes = 측정한 원복 시간 (분)
backout-rehearsal-result = 결과
backout-rehearsal-note = 리허설 메모
backout-rehearsal-note-hint = 알게 된 점
backout-rehearsal-add = 기록
