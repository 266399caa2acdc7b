# 감독기관 승인 단계: 일부 릴리스에 필요한 추가 승인(예: 금감원 보고 및 승인).

## Activity log
regulator-activity = 감독기관 승인 단계
regulator-activity-step = 감독기관 승인 단계
regulator-activity-approval = 감독기관 승인
regulator-approval-value = { $step }: { $reference }, { $date }

## Commands
regulator-cmd-save = 감독기관 승인 단계 “{ $name }”을(를) 저장했습니다
regulator-cmd-delete = 감독기관 승인 단계 { $id }을(를) 삭제했습니다
regulator-cmd-record = #{ $id }의 감독기관 승인 { $reference }을(를) 기록했습니다
regulator-cmd-withdraw = #{ $id }의 감독기관 승인(단계 { $step })을(를) 철회했습니다

## Refusals
regulator-invalid-name-empty = 감독기관 승인 단계에는 이름이 필요합니다.
regulator-invalid-name-too-long = 이름이 { $count }자입니다. 최대 255자까지 입력할 수 있습니다.
regulator-invalid-authority-too-long = 감독기관 이름이 { $count }자입니다. 최대 255자까지 입력할 수 있습니다.
regulator-invalid-applies-to-nothing = 이 단계가 필요한 릴리스 유형이나 그룹을 하나 이상 선택하세요.
regulator-invalid-reference-empty = 감독기관 접수(승인) 번호를 입력해야 합니다.
regulator-invalid-reference-too-long = 접수 번호가 { $count }자입니다. 최대 64자까지 입력할 수 있습니다.
regulator-invalid-note-too-long = 메모가 { $count }자입니다. 최대 2000자까지 입력할 수 있습니다.
regulator-invalid-no-step = 감독기관 승인 단계 { $step }이(가) 없습니다.
regulator-invalid-no-approval = 릴리스 #{ $id }에는 감독기관 승인 단계 { $step }의 승인이 없습니다.
regulator-invalid-not-required = 릴리스 #{ $id }에는 감독기관 승인 단계 { $step }이(가) 필요하지 않습니다(유형이나 그룹이 해당하지 않음).
regulator-invalid-in-use = 이 단계를 사용하는 승인이 { $count }건 있습니다. 먼저 철회하세요.
regulator-move-refused = 배포가 차단되었습니다: { $steps }의 감독기관 승인이 아직 없습니다. 승인을 기록하거나 무시할 사유를 입력하세요.

## Command line
regulator-cli-none = 감독기관 승인 단계가 아직 없습니다.
regulator-cli-inactive = 사용 안 함
regulator-cli-approvals = 승인 { $count }건
regulator-cli-recorded-all = #{ $id }: 필요한 감독기관 승인 단계가 모두 승인되었습니다.
regulator-cli-recorded-waiting = #{ $id }: 기록했습니다. 아직 { $steps } 승인을 기다립니다.

## Release page
regulator-gate-missing = 감독기관 승인 단계 “{ $name }” 승인 대기
regulator-record = 승인 기록…
section-regulator = 감독기관 승인
regulator-page-approved = 승인됨
regulator-page-waiting = 감독기관 승인 대기
regulator-page-not-needed = (이 릴리스에는 더 이상 필요하지 않은 단계)
regulator-page-approval = { $reference }, { $date } 승인, 기록: { $who }
regulator-withdraw = 철회
regulator-withdraw-hint = 이 승인을 철회합니다 (다시 기록할 때까지 배포 관문이 닫힙니다)
regulator-dialog-title = 감독기관 승인 기록 — #{ $id }
regulator-reference = 접수(승인) 번호
regulator-reference-hint = 예: FSS-2026-0412
regulator-approved-on = 승인일
regulator-note = 메모
regulator-recorded-by = 기록하는 사람: { $who }
regulator-no-recorder = 승인을 기록하려면 상단 표시줄에서 작업자를 먼저 선택하세요.
regulator-save = 승인 기록
