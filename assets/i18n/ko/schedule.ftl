# 배포 윈도우, 변경 동결, 충돌과 일정 화면 (이슈 14).

## 충돌
schedule-kind-freeze = 동결 기간
schedule-kind-outside-window = 배포 윈도우 밖
schedule-kind-ci-overlap = 같은 CI 동시 작업
schedule-kind-agent-overlap = 담당자 일정 겹침
schedule-kind-deploy-early = 계획보다 이른 배포
schedule-kind-deploy-late = 계획보다 늦은 배포
schedule-severity-block = 차단
schedule-severity-warn = 경고
schedule-conflict-hard-freeze = { $ids }이(가) 강제 동결 기간 “{ $name }”에 계획되어 있습니다 ({ $from } ~ { $to })
schedule-conflict-soft-freeze = { $ids }이(가) 권고 동결 기간 “{ $name }”에 계획되어 있습니다 ({ $from } ~ { $to })
schedule-conflict-outside-window = { $ids }이(가) 적용되는 모든 배포 윈도우 밖에 계획되어 있습니다 ({ $from } ~ { $to })
schedule-conflict-ci-overlap = { $ids }이(가) 같은 시간에 { $item }을(를) 변경합니다 ({ $from } ~ { $to })
schedule-conflict-agent-overlap = { $ids }의 담당자가 같은 시간에 겹칩니다 ({ $from } ~ { $to })
schedule-conflict-deploy-early = { $ids }이(가) 계획 시작({ $to })보다 이른 { $from }에 배포 단계에 들어갔습니다
schedule-conflict-deploy-late = { $ids }이(가) 계획 종료({ $from })보다 늦은 { $to }에 배포 단계에 들어갔습니다
schedule-fix-after-freeze = 동결이 끝난 뒤({ $ends })로 옮기거나, 배포 관문에서 사유를 적어 예외 승인하세요.
schedule-fix-into-window = “{ $name }” 윈도우로 옮기세요: { $start } ~ { $end }.
schedule-fix-no-window = 앞으로 몇 주 안에 열리는 배포 윈도우가 없습니다. 윈도우를 추가하거나 적용 범위를 넓히세요.
schedule-fix-sequence = #{ $later }을(를) #{ $first }이(가) 끝난 뒤({ $ends })로 옮기세요.
schedule-fix-reassign = 둘 중 하나를 { $agent } 말고 다른 담당자에게 맡기거나, { $ends } 이후로 옮기세요.
schedule-fix-replan = 계획 일정을 실제 배포 시각({ $deployed })에 맞게 고치거나, 릴리스에 사유를 남기세요.
schedule-move-refused-freeze = 강제 동결 기간({ $names })이라 배포할 수 없습니다. 예외로 진행하려면 사유를 적어 주세요.
activity-gate-freezes = 강제 동결 { $count }건

## 배포 윈도우와 동결
schedule-freeze-hard = 강제
schedule-freeze-soft = 권고
schedule-scope-all = 모든 릴리스
schedule-scope-group = 그룹: { $name }
schedule-scope-type = 유형: { $type }
schedule-scope-ci = CI-{ $id } { $name }
schedule-timing-once = { $start } ~ { $end }
schedule-timing-recurring = { $rule }, { $time }부터 { $length }씩 ({ $zone })
schedule-ref-recurring = { $rule }, 회당 { $length }
schedule-activity-window = 배포 윈도우
schedule-activity-freeze = 동결 기간

## 거부 사유
schedule-invalid-name-empty = 이름을 입력하세요.
schedule-invalid-name-too-long = 이름이 { $count }자입니다. 최대 255자까지 쓸 수 있습니다.
schedule-invalid-end = 종료가 시작보다 뒤여야 합니다.
schedule-invalid-duration-zero = 한 번에 최소 1분은 이어져야 합니다.
schedule-invalid-duration-long = 한 번에 최대 31일까지 이어질 수 있습니다.
schedule-invalid-exempt-reason = 예외 릴리스 유형에는 사유를 적어야 합니다.
schedule-rule-empty = 반복 규칙이 비어 있습니다.
schedule-rule-no-freq = 반복 주기가 필요합니다: FREQ=DAILY, WEEKLY, MONTHLY, YEARLY 중 하나.
schedule-rule-unknown-part = “{ $part }”은(는) 반복 규칙의 항목이 아닙니다.
schedule-rule-bad-value = { $part }={ $value }은(는) 올바른 값이 아닙니다.
schedule-rule-repeated = { $part }이(가) 두 번 들어 있습니다.
schedule-rule-count-and-until = COUNT와 UNTIL은 함께 쓸 수 없습니다.
schedule-rule-never = 이 규칙으로는 한 번도 일어나지 않습니다.
schedule-rule-rejected = 규칙을 받아들일 수 없습니다: { $detail }
schedule-error-no-window = 배포 윈도우 { $id }이(가) 없습니다.
schedule-error-no-freeze = 동결 기간 { $id }이(가) 없습니다.
schedule-error-nothing-to-import = 일정 파일에 배포 윈도우나 동결 기간이 없습니다.

## 명령
schedule-cmd-add-window = 배포 윈도우 “{ $name }”을(를) 추가했습니다
schedule-cmd-edit-window = 배포 윈도우 “{ $name }”을(를) 수정했습니다
schedule-cmd-delete-window = 배포 윈도우를 삭제했습니다
schedule-cmd-add-freeze = 동결 기간 “{ $name }”을(를) 추가했습니다
schedule-cmd-edit-freeze = 동결 기간 “{ $name }”을(를) 수정했습니다
schedule-cmd-delete-freeze = 동결 기간을 삭제했습니다
schedule-cmd-import = 배포 윈도우 { $windows }개와 동결 기간 { $freezes }개를 가져왔습니다
schedule-cmd-reschedule = #{ $id }의 일정을 옮겼습니다

## 명령줄과 일정 파일
schedule-cli-bad-date = '{ $date }'은(는) 날짜가 아닙니다 (YYYY-MM-DD, 예: 2026-12-24)
schedule-cli-reversed = --to가 --from보다 앞입니다
schedule-cli-no-windows = 아직 배포 윈도우나 동결 기간이 없습니다.
schedule-cli-no-conflicts = 이 기간에는 충돌이 없습니다.
schedule-cli-count = 충돌 { $count }건
schedule-cli-calendar-written = { $path } 파일을 만들었습니다.
schedule-cli-write-failed = { $path } 파일을 쓸 수 없습니다: { $detail }
schedule-cli-read-failed = { $path } 파일을 읽을 수 없습니다: { $detail }
schedule-cli-imported = 배포 윈도우 { $windows }개와 동결 기간 { $freezes }개를 가져왔습니다 (다른 일정 { $skipped }개는 건너뜀).
schedule-col-what = 구분
schedule-col-name = 이름
schedule-col-when = 일정
schedule-col-scope = 적용 대상
schedule-col-severity = 심각도
schedule-col-kind = 종류
schedule-col-conflict = 충돌 내용
schedule-col-fix = 해결 방법
schedule-exempt = 예외: { $types }
ics-category-release = 릴리스
ics-category-window = 배포 윈도우
ics-category-freeze = 동결 기간
ics-error-not-calendar = iCalendar 파일이 아닙니다 (BEGIN:VCALENDAR 없음).
ics-error-bad-time = { $line }번째 줄: '{ $value }'은(는) 날짜나 시각이 아닙니다.
ics-error-bad-duration = { $line }번째 줄: '{ $value }'은(는) 기간이 아닙니다.
ics-error-end-before-start = 일정 “{ $name }”의 끝이 시작보다 앞입니다.

## 일정 화면
calendar-title = 일정
calendar-month = 월
calendar-week = 주
calendar-timeline = 타임라인
calendar-previous = 이전 기간 (←)
calendar-next = 다음 기간 (→)
calendar-today = 오늘
calendar-today-key = 오늘로 이동 (T)
calendar-rows-by = 행:
calendar-rows-group = 그룹별
calendar-rows-ci = CI별
calendar-manage = 배포 윈도우와 동결 기간…
calendar-export = .ics 내보내기…
calendar-exported = 일정을 { $path }에 저장했습니다.
calendar-conflicts = 충돌
calendar-open-release = 클릭하면 릴리스를 엽니다
calendar-no-group = 그룹 없음
calendar-no-ci = CI 없음
calendar-more = 더 보기…
calendar-bar-name = #{ $id } { $subject }, { $start } ~ { $end }
calendar-drag-no-conflict = 이 시간에는 충돌이 없습니다.
calendar-edit = 수정
calendar-delete = 삭제
calendar-add-window = 윈도우 추가
calendar-add-freeze = 동결 기간 추가
calendar-close = 닫기
calendar-save = 저장
calendar-cancel = 취소
calendar-field-name = 이름
calendar-field-zone = 시간대 (IANA)
calendar-field-when = 반복
calendar-recurring = 반복
calendar-once = 한 번
calendar-field-start = 시작
calendar-field-end = 종료
calendar-field-preset = 미리 정한 규칙
calendar-preset-custom = 직접 입력한 규칙
calendar-field-rule = 반복 규칙 (RRULE)
calendar-field-first = 첫 일정
calendar-field-length = 회당 길이
calendar-hours-suffix = 시간
calendar-minutes-suffix = 분
calendar-field-kind = 동결 강도
calendar-field-exempt = 예외 유형
calendar-field-reason = 예외 사유
calendar-zone-unknown = 알 수 없는 시간대입니다. Asia/Seoul, Europe/Berlin 같은 IANA 이름을 입력하세요.
schedule-preset-saturday-night = 매주 토요일 22:00부터 8시간
schedule-preset-weekend-nights = 금·토요일 밤 22:00부터 8시간
schedule-preset-weekday-early = 평일 02:00 ~ 05:00
schedule-preset-every-night = 매일 밤 22:00부터 8시간
schedule-preset-month-end = 매월 마지막 영업일 이틀
schedule-preset-first-sunday = 매월 첫째 일요일 00:00부터 6시간
calendar-span-one-week = 1주
calendar-span-two-weeks = 2주
calendar-span-four-weeks = 4주
calendar-conflicts-filtered = 전체 { $total }건 중 { $shown }건 (목록의 보기와 필터 적용)
