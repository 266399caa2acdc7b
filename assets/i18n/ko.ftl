# Release Desk — 한국어 카탈로그. 모든 키는 en.ftl 에도 같은 인수로 있어야 합니다.

## 상태, 우선순위, 유형
status-open = 열림
status-on-hold = 보류
status-in-progress = 진행 중
status-incomplete = 미완료
status-completed = 완료
priority-low = 낮음
priority-medium = 보통
priority-high = 높음
priority-urgent = 긴급
type-minor = 마이너
type-standard = 표준
type-major = 메이저
type-emergency = 긴급

## 생명주기
stage-plan = 릴리스 계획
stage-build-test = 개발 및 테스트
stage-deployment-prep = 배포 준비
stage-deploy = 배포 실행
stage-verify-monitor = 검증 및 모니터링
stage-complete = 릴리스 완료
stage-rollback = 롤백
outcome-successful = 성공
outcome-failed = 실패

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
table-sort-hint = 클릭하면 정렬, 다시 클릭하면 역순

## 필드
field-subject = 제목
field-subject-required = 제목 *
field-status = 상태
field-priority = 우선순위
field-type = 유형
field-planned-start = 계획 시작
field-planned-end = 계획 종료
field-planned-start-required = 계획 시작 *
field-planned-end-required = 계획 종료 *
field-agent = 담당자
field-group = 그룹
field-department = 부서
field-category = 범주
field-description = 설명
field-work-window = 작업 기간
field-created = 생성
field-updated = 수정
field-hour = 시
field-minute = 분
agent-unassigned = 미할당
agent-nobody = 없음
group-none = 없음
department-none = 없음
work-not-started = 시작 전
chip-in-trash = 휴지통

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

## 상단 바와 메뉴
menu-file = 파일
menu-new-release = 새 릴리스…
menu-open-database = 데이터베이스 열기…
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

## 검증
error-subject-empty = 제목이 비어 있습니다.
error-subject-too-long = 제목이 { $count }자입니다. 최대 255자까지 입력할 수 있습니다.
error-planned-end = 계획 종료는 계획 시작 이후여야 합니다.
error-work-end = 작업 종료는 작업 시작 이후여야 합니다.

## 명령줄
cli-count = 릴리스 { $count }건
cli-demo-loaded = 샘플 릴리스 { $count }건을 { $path }에 불러왔습니다 (현재 담당자: { $agent }).
cli-error-no-file = { $path } 파일이 없습니다
cli-error-no-agent = 담당자 '{ $agent }'을(를) 찾을 수 없습니다 (ID나 이름을 입력하세요)
cli-error-bad-id = '{ $id }'은(는) 릴리스 ID가 아닙니다

## 오류
error-no-such-release = 릴리스 #{ $id }이(가) 없습니다
error-no-such-agent = 담당자 { $id }이(가) 없습니다
error-no-such-group = 그룹 { $id }이(가) 없습니다
error-no-such-department = 부서 { $id }이(가) 없습니다
error-no-such-view = 저장된 보기 { $id }이(가) 없습니다
error-duplicate-view = "{ $name }" 이름의 보기가 이미 있습니다
error-agent-name-required = 담당자 이름을 입력하세요
error-group-name-required = 그룹 이름을 입력하세요
error-department-name-required = 부서 이름을 입력하세요
error-view-name-required = 저장할 보기 이름을 입력하세요
error-sample-needs-empty = 데이터베이스에 이미 릴리스가 있습니다. 샘플 데이터는 빈 데이터베이스에만 불러옵니다 (그래도 추가하려면 --force 사용)
error-not-sqlite = { $path }은(는) Release Desk 데이터베이스가 아닙니다 (SQLite 파일이 아님). 파일은 변경하지 않았습니다
error-foreign-database = { $path }은(는) 다른 프로그램의 SQLite 데이터베이스입니다. 파일은 변경하지 않았습니다
error-newer-schema = { $path }은(는) 더 새로운 Release Desk에서 저장되었습니다 (스키마 버전 { $found }, 이 버전은 { $supported }까지 지원). 파일은 변경하지 않았습니다. Release Desk를 업데이트한 뒤 여세요
error-io = { $path }을(를) 읽을 수 없습니다: { $reason }
error-disk-full = 저장하지 못했습니다: 데이터베이스 파일이 가득 찼습니다 (디스크 부족 또는 크기 제한). 아무것도 바뀌지 않았습니다
error-read-only = 저장하지 못했습니다: 데이터베이스 파일이 읽기 전용입니다. 아무것도 바뀌지 않았습니다
error-busy = 다른 Release Desk 창이나 프로그램이 데이터베이스를 사용 중입니다. 다시 시도하세요
error-corrupt = 데이터베이스 파일이 손상되었습니다: { $detail }
error-sqlite = 데이터베이스 오류: { $detail }
error-bad-data = 저장된 데이터가 올바르지 않습니다: { $detail }
cli-error-window = 창을 열 수 없습니다: { $reason }

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

## 내구성: 잠금, 검사, 백업, 손상된 파일
error-damaged = { $path }이(가) 손상되었습니다 ({ $detail }). 파일은 그대로 두었습니다.
error-locked = { $path }은(는) 다른 Release Desk 창에서 열려 있습니다. 그 창을 닫거나 읽기 전용으로 여세요.
error-locked-pid = { $path }은(는) 다른 Release Desk 창(프로세스 { $pid })에서 열려 있습니다. 그 창을 닫거나 읽기 전용으로 여세요.
error-read-only-session = 이 창은 { $path }을(를) 읽기 전용으로 열었습니다. 아무것도 바뀌지 않았습니다.
cli-backup-made = 백업을 쓰고 검사했습니다: { $path }
cli-check-ok = { $path }이(가) 무결성 검사를 통과했습니다(릴리스 { $count }건).
cli-restored = { $backup }에서 { $path }을(를) 복원했습니다.
cli-previous-kept = 이전 파일은 백업 { $path }(으)로 보관했습니다.
cli-damaged-aside = 손상된 파일은 손대지 않고 { $path }(으)로 옮겼습니다.
open-locked-title = 이 데이터베이스는 다른 창에서 열려 있습니다
open-read-only = 읽기 전용으로 열기
open-damaged-title = 이 데이터베이스가 손상되었습니다
open-damaged-body = Release Desk는 손상된 파일을 고치거나 덮어쓰지 않습니다. 가장 최근의 정상 백업을 복원하거나(손상된 파일은 손대지 않고 옆으로 옮깁니다) 다른 파일을 열 수 있습니다.
restore-newest-backup = { $date } 백업 복원(릴리스 { $count }건)
no-good-backup = 백업 폴더에 이 파일의 정상 백업이 없습니다.
status-unclean-checked = 지난 세션이 정상적으로 종료되지 않았습니다. 전체 무결성 검사에서 문제가 발견되지 않았습니다.
status-read-only = 읽기 전용
status-read-only-hint = 다른 창이 이 파일을 사용 중이므로 여기서는 변경할 수 없습니다.
menu-backups = 백업…
backups-title = 백업
backups-folder = 폴더: { $path }
backups-none = 아직 백업이 없습니다.
backups-col-date = 만든 시각
backups-col-size = 크기
backups-col-releases = 릴리스
backups-col-reason = 사유
backups-confirm = 현재 파일을 { $date } 백업으로 바꿀까요? 현재 파일은 먼저 백업으로 보관합니다.
backups-size-kb = { $size }KB
action-back-up-now = 지금 백업
action-restore = 복원
status-backup-made = 백업을 쓰고 검사했습니다: { $path }
status-restored = { $date } 백업을 복원했습니다.
status-previous-kept = 이전 파일은 { $path }(으)로 보관했습니다.
status-damaged-aside = 손상된 파일은 손대지 않고 옮겼습니다: { $path }
backup-reason-daily = 매일
backup-reason-migration = 업그레이드 전
backup-reason-import = 가져오기 전
backup-reason-purge = 영구 삭제 전
backup-reason-restore = 복원 전
backup-reason-manual = 수동
