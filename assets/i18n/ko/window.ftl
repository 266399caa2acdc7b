# 창: 상단 바와 메뉴, 담당자와 그룹, 편집 메뉴, 저장하지 않은 편집이 있을 때 닫기.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/window.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 상단 바와 메뉴
menu-file = 파일
menu-new-release = 새 릴리스…
menu-open-database = 데이터베이스 열기…
open-database-dialog-title = Release Desk 데이터베이스 열기
open-database-filter = Release Desk 데이터베이스
menu-new-database = 새 데이터베이스…
menu-quit = 종료
menu-view = 보기
menu-language = 언어
menu-help = 도움말
menu-about = Release Desk 정보
theme-system = 시스템 테마 따르기
theme-light = 밝게
theme-dark = 어둡게
search-label = 검색
search-hint = ID, 제목, 설명 검색 (Ctrl+F)
search-clear = 검색 지우기
signed-in-as = 로그인 사용자
rows-shown = 릴리스 { $total }건 중 { $shown }건
panel-resize = 패널 크기 조절

## 담당자와 그룹
menu-people = 담당자와 그룹…
people-title = 담당자, 그룹, 부서
people-agents = 담당자
people-groups = 그룹
people-departments = 부서
people-none-yet = 아직 없음
people-new-agent = 새 담당자
people-email = 이메일 (선택)
people-add-agent = 담당자 추가
people-new-group = 새 그룹
people-add-group = 그룹 추가
people-new-department = 새 부서
people-add-department = 부서 추가

## 편집 메뉴와 실행 취소
menu-edit = 편집
menu-undo = 실행 취소
menu-redo = 다시 실행
menu-undo-what = 실행 취소: { $what }
menu-redo-what = 다시 실행: { $what }
menu-select-all = 보기의 모든 릴리스 선택
menu-clear-selection = 선택 해제
menu-move-to-trash = 선택 항목을 휴지통으로 이동
status-undone = 실행 취소함: { $what }
status-redone = 다시 실행함: { $what }
status-nothing-changed = 바뀐 것이 없습니다: { $what }

## 저장하지 않은 편집이 있는 탭이나 창 닫기
close-unsaved-title = #{ $id }에 저장하지 않은 변경 사항이 있습니다. 닫을까요?
close-unsaved-body = 다음 편집 내용은 저장되지 않았으며 닫으면 사라집니다.
close-unsaved-discard = 버리고 닫기
quit-unsaved-title = 저장하지 않은 변경 사항이 있습니다. 종료할까요?
quit-unsaved-body = 릴리스 { $count }건에 저장하지 않은 편집이 있습니다. 지금 종료하면 사라집니다.
quit-unsaved-discard = 모두 버리고 종료
open-unsaved-title = 저장하지 않은 변경 사항이 있습니다. 다른 데이터베이스를 열까요?
restore-unsaved-title = 저장하지 않은 변경 사항이 있습니다. 백업을 복원할까요?
replace-unsaved-body = 릴리스 { $count }건에 저장하지 않은 편집이 있습니다. 계속하면 열린 릴리스가 모두 닫히고 편집이 사라집니다.
replace-unsaved-discard = 버리고 계속
unsaved-keep-editing = 계속 편집
unsaved-part-subject = 제목
unsaved-part-category = 범주
unsaved-part-description = 설명
unsaved-part-planned-window = 계획 기간
unsaved-part-build-plan = 편집 중인 빌드 계획
unsaved-part-test-plan = 편집 중인 테스트 계획
unsaved-part-new-note = 작성 중인 메모
unsaved-part-note-edit = 편집 중인 메모
unsaved-part-new-task = 새 작업
unsaved-part-task-edit = 편집 중인 작업
unsaved-part-new-time-entry = 추가 중인 시간 기록
unsaved-part-time-entry-edit = 편집 중인 시간 기록
unsaved-part-timer-note = 타이머 메모

## 창 명령과 도움말 > 키보드 단축키
menu-close-tab = 탭 닫기
menu-find = 찾기
menu-keyboard-shortcuts = 키보드 단축키
keys-title = 키보드 단축키
keys-commands = 명령
keys-other = 목록과 대화 상자에서
keys-escape = 대화 상자 닫기 (저장하지 않은 계획 편집이 있으면 먼저 묻습니다)
keys-create = 새 릴리스 대화 상자에서 만들기
keys-save = 편집 중인 계획이나 단계 저장
keys-move = 목록에서 선택 이동
keys-extend = 선택 범위 넓히기
keys-open = 선택한 릴리스를 페이지로 열기
keys-click-names = 클릭 / Ctrl+클릭 / Shift+클릭
keys-click = 릴리스 선택 / 하나씩 추가·제거 / 범위 선택
keys-delete-in-trash = 휴지통에서: 확인 후 선택한 릴리스를 영구 삭제
keys-dialog-note = 대화 상자가 열려 있는 동안에는 그 대화 상자의 키만 동작하고, 창 단축키는 대화 상자를 닫은 뒤에 동작합니다.

## 날짜 선택
date-picker-open = 달력에서 날짜 고르기
date-picker-title = 달력
date-picker-heading = { $year }년 { $month }
date-picker-day = { $year }년 { $month } { $day }일 { $weekday }
date-picker-day-today = { $day } (오늘)
date-picker-previous-month = 이전 달
date-picker-next-month = 다음 달
date-picker-previous-year = 이전 해
date-picker-next-year = 다음 해
date-picker-today = 오늘
date-month-1 = 1월
date-month-2 = 2월
date-month-3 = 3월
date-month-4 = 4월
date-month-5 = 5월
date-month-6 = 6월
date-month-7 = 7월
date-month-8 = 8월
date-month-9 = 9월
date-month-10 = 10월
date-month-11 = 11월
date-month-12 = 12월
date-weekday-1 = 월요일
date-weekday-2 = 화요일
date-weekday-3 = 수요일
date-weekday-4 = 목요일
date-weekday-5 = 금요일
date-weekday-6 = 토요일
date-weekday-7 = 일요일
date-weekday-short-1 = 월
date-weekday-short-2 = 화
date-weekday-short-3 = 수
date-weekday-short-4 = 목
date-weekday-short-5 = 금
date-weekday-short-6 = 토
date-weekday-short-7 = 일
file-dialog-builtin-note = 여기서는 시스템 파일 대화 상자를 쓸 수 없습니다. 아래에서 폴더와 파일 이름을 고르세요.
file-dialog-folder = 폴더
file-dialog-name = 파일 이름
file-dialog-up = 상위 폴더
file-dialog-open = 열기
file-dialog-replace = 바꾸기
file-dialog-replace-warning = { $path } 파일이 이미 있습니다. 바꿀까요?
file-dialog-empty-folder = 여기에는 폴더나 맞는 파일이 없습니다.
file-dialog-name-empty = 파일 이름을 입력하세요.
file-dialog-not-found = { $path } 파일을 찾을 수 없습니다.
file-dialog-is-folder = { $path }은(는) 폴더입니다. 파일 이름을 입력하세요.
file-dialog-no-folder = { $path } 폴더가 없습니다.
file-dialog-denied = { $path } 폴더를 읽을 권한이 없습니다.
file-dialog-unreadable = { $path } 폴더를 읽을 수 없습니다: { $reason }
