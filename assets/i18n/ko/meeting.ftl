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

## The meeting screen
meeting-screen-title = CAB 회의
meeting-none-yet = CAB 회의가 아직 없습니다. 샘플 데이터에는 1년 치 회의가 있습니다.
meeting-list-next = 다음 회의
meeting-list-past = 지난 회의
meeting-when = { $when } ({ $duration })
meeting-attendees = 참석자: { $names }
meeting-rebuild = 안건 다시 만들기
meeting-rebuild-hint = 안건 규칙을 다시 적용합니다. 직접 추가하거나 뺀 릴리스는 그대로 둡니다
meeting-pack = CAB 자료집…
meeting-pack-title = CAB 자료집 저장
meeting-pack-writing = CAB 자료집을 쓰는 중…
meeting-pack-done = CAB 자료집을 { $path }에 저장했습니다.
meeting-pack-failed = CAB 자료집을 저장하지 못했습니다: { $error }
meeting-add-release = 릴리스 #
meeting-add = 안건에 올리기
meeting-agenda = 안건 ({ $count })
meeting-agenda-empty = 안건이 없습니다. 안건을 다시 만들거나 릴리스를 올리세요.
meeting-release-gone = (파일에 없는 릴리스)
meeting-put-back = 다시 올리기
meeting-by-hand = 직접 추가
meeting-by-rule = 안건 규칙
meeting-open-release = 릴리스 열기
meeting-take-off = 안건에서 빼기
meeting-decision = 결정
meeting-decision-recorded = 기록됨: { $outcome }
meeting-decision-comment = 결정 의견
meeting-decision-record = 결정 기록
meeting-action-add = 조치 항목 추가
meeting-action-text = 조치 항목
meeting-action-owner = 담당자
meeting-action-due = 기한
meeting-action-done = 완료
meeting-action-remove = 이 조치 항목 빼기
meeting-minutes = 회의록
meeting-minutes-hint = 논의하고 결정한 내용
meeting-minutes-save = 회의록 저장
meeting-calendar-entry = CAB { $time }

## 회의 일정
schedule-meeting-open = 회의 일정 잡기…
schedule-meeting-needs-cab = 먼저 CAB를 만드세요 (CAB 관리…)
schedule-meeting-title = CAB 회의 일정 잡기
schedule-meeting-cab = CAB
schedule-meeting-start = 시작
schedule-meeting-duration = 회의 시간(분)
schedule-meeting-weekly = 매주 반복
schedule-meeting-weekly-when = 매주 반복 회의의 첫 회의: { $first }와 같은 요일, 같은 시각에 매주 열립니다
schedule-meeting-attendees = 참석자
schedule-meeting-save = 일정 잡기
schedule-next = 다음 회의 잡기 ({ $when })
schedule-next-hint = 같은 참석자와 회의 시간으로 반복 일정의 다음 회의를 추가합니다
