# CAB 회의: 결정, 안건, 회의 명령과 거부 사유.

## Decisions and agendas
meeting-outcome-approved = 승인
meeting-outcome-rejected = 반려
meeting-outcome-deferred = 보류
meeting-reason-for-decision = 결정 대상
meeting-reason-emergency = 지난 회의 이후 긴급 릴리스
meeting-reason-closed = 지난 회의 이후 종료

## Activity log
meeting-activity-meeting = CAB 회의
meeting-field-agenda = 안건
meeting-field-decision = CAB 결정
meeting-field-actions = 조치 항목
meeting-field-minutes = 회의록
meeting-field-action-done = 조치 항목 완료

## Commands
meeting-cmd-add = { $when } CAB 회의를 추가했습니다
meeting-cmd-save = { $when } CAB 회의를 저장했습니다
meeting-cmd-delete = CAB 회의 { $meeting }을(를) 삭제했습니다
meeting-cmd-rebuild = CAB 회의 { $meeting }의 안건을 다시 만들었습니다
meeting-cmd-agenda-add = #{ $id }을(를) 안건에 올렸습니다
meeting-cmd-agenda-remove = #{ $id }을(를) 안건에서 뺐습니다
meeting-cmd-decide = #{ $id }에 “{ $outcome }” 결정을 기록했습니다
meeting-cmd-minutes = CAB 회의 { $meeting }의 회의록을 저장했습니다
meeting-cmd-action-done = #{ $id }의 조치 항목을 완료로 표시했습니다
meeting-cmd-action-open = #{ $id }의 조치 항목을 다시 열었습니다

## Refusals
meeting-invalid-duration = 회의 시간은 1~1440분이어야 합니다({ $minutes }분은 안 됩니다).
meeting-invalid-no-such = CAB 회의 { $meeting }이(가) 없습니다.
meeting-invalid-not-on-agenda = #{ $id }은(는) 회의 안건에 없습니다.
meeting-invalid-no-action = #{ $id }에는 조치 항목 { $action }이(가) 있는 결정이 없습니다.

## Command line
meeting-cli-none = CAB 회의가 아직 없습니다.
meeting-cli-counts = 참석 { $attendees }명, 안건 { $agenda }건, 결정 { $decisions }건
meeting-cli-past = 개최됨
meeting-cli-upcoming = 예정
meeting-cli-pack-written = CAB 자료집을 { $path }에 썼습니다: { $pages }쪽, { $kib } KiB.
