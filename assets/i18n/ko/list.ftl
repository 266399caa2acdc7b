# 릴리스 목록: 보기, 열, 동작, 사이드 패널, 새 릴리스 대화 상자, 선택과 일괄 작업 표시줄.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/list.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 9개 보기
view-new-and-my-open = 신규 및 내 진행 중 릴리스
view-my-completed = 내 완료 릴리스
view-mine = 내 릴리스
view-unassigned = 미할당 릴리스
view-completed = 완료된 릴리스
view-incomplete = 미완료 릴리스
view-emergency = 긴급 릴리스
view-trash = 휴지통
view-all = 전체 릴리스

## 목록 열
col-id = ID
col-subject = 제목
col-status = 상태
col-priority = 우선순위
col-type = 유형
col-planned-start = 계획 시작
col-planned-end = 계획 종료
col-agent = 담당자
col-group = 그룹
col-created = 생성
col-updated = 수정
col-stage = 단계
col-readiness = 준비
col-risk = 위험도
col-deleted = 삭제일
col-deleted-by = 삭제한 사람
columns-button = 열…
columns-hint = 목록의 열을 보이거나 숨기고 순서를 바꿉니다 (이 데이터베이스에 기억됩니다).
columns-earlier = 앞으로
columns-later = 뒤로
columns-reset = 열 초기화
table-sort-hint = 클릭하면 정렬, 다시 클릭하면 역순

## 동작
action-save = 저장
action-cancel = 취소
action-create = 만들기
action-close = 닫기
action-revert = 되돌리기
action-dismiss = 닫기
action-new-release = ＋ 새 릴리스
action-load-sample = 샘플 데이터 불러오기
unsaved-changes = 저장하지 않은 변경 사항

## 사이드 패널
panel-views = 보기
panel-saved-views = 저장된 보기
panel-filter = 필터
saved-view-delete = 이 저장된 보기 삭제
filter-clear = 지우기
filter-clear-all = 필터 지우기
filter-any = 전체
filter-any-date = 전체
filter-planned-from = 계획 시작일부터
filter-planned-to = 계획 종료일까지
filter-limit-window = 계획 기간으로 제한
save-view-as = 다른 이름으로 보기 저장…
save-view-name = 새 보기 이름:

## 빈 화면과 오류
empty-title = 아직 릴리스가 없습니다
empty-body = 첫 릴리스를 만들거나 샘플 시나리오를 불러와 살펴보세요.
no-match-title = 일치하는 릴리스가 없습니다
no-match-body = 이 보기에는 필터와 검색에 맞는 릴리스가 없습니다.
open-failed-title = 데이터베이스를 열 수 없습니다
open-another = 다른 파일 열기…
about-tagline = 오프라인에서 소프트웨어 릴리스를 계획하고 실행합니다.
about-font = 한글 글꼴: 나눔고딕, SIL Open Font License 1.1.
status-done = 완료: { $what }
status-saved = 저장됨: { $what }

## 새 릴리스 대화 상자
new-release-title = 새 릴리스
new-release-subject-hint = 예: ERP 하반기 업그레이드 1단계: 본사 적용
new-release-fix-first = 빨간색으로 표시된 항목을 먼저 고치세요
new-release-discard-question = 이 새 릴리스를 버릴까요? 입력한 내용은 사라집니다.
new-release-discard = 버리기

## 선택과 일괄 작업 표시줄
table-select-all = 이 보기의 모든 릴리스 선택 (Ctrl+A)
table-select-row = 이 릴리스 선택 (Ctrl+클릭으로 추가, Shift+클릭으로 범위 선택)
bulk-selected = { $count }건 선택됨
bulk-hidden = (이 보기에 없는 { $count }건 포함)
bulk-hidden-hint = 작업은 현재 보기나 필터에 보이지 않는 것까지 선택한 모든 릴리스에 적용됩니다.
bulk-hint = 행을 클릭해 선택하세요. Ctrl+클릭으로 하나씩 추가, Shift+클릭으로 범위, Ctrl+A로 보기 전체를 선택합니다.
bulk-clear = 선택 해제
bulk-delete = 삭제
bulk-delete-hint = 선택한 릴리스를 휴지통으로 이동 (Delete)
bulk-pick-up = 내게 할당
bulk-pick-up-hint = 선택한 릴리스를 나에게 할당
bulk-assign-agent = 담당자 지정
bulk-assign-group = 그룹 지정
bulk-set-status = 상태 변경
bulk-set-priority = 우선순위 변경
bulk-restore = 복원
bulk-purge = 영구 삭제…
bulk-purge-hint = 선택한 릴리스를 데이터베이스에서 지웁니다
trash-hint = 휴지통의 릴리스는 영구 삭제하기 전까지 데이터베이스에 남아 있습니다.
trash-empty = 휴지통 비우기…
purge-title = 릴리스 { $count }건을 영구 삭제할까요?
purge-body = 릴리스 { $count }건이 데이터베이스 파일에서 지워집니다. 지우기 전에 파일을 백업하며, 이 세션에서는 실행 취소(Ctrl+Z)로 되살릴 수 있습니다.
purge-confirm = { $count }건 영구 삭제
purge-backup-running = 먼저 파일의 검증된 백업을 만드는 중…
purge-backup-ready = 검증된 파일 백업이 준비되었습니다.
purge-backup-failed = 백업을 만들지 못했습니다({ $reason }). 영구 삭제 시 한 번 더 시도하며, 그래도 실패하면 아무것도 삭제하지 않습니다.
# The right-click menu on a row of the list.
row-menu-open = 열기
row-menu-assign-me = 나에게 배정
row-menu-trash = 휴지통으로 이동
row-menu-copy-id = ID 복사
row-menu-copy-subject = 제목 복사
