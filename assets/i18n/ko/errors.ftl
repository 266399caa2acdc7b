# 오류: 검증, 저장소, 명령 오류.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/errors.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 검증
error-subject-empty = 제목이 비어 있습니다.
error-subject-too-long = 제목이 { $count }자입니다. 최대 255자까지 입력할 수 있습니다.
error-planned-end = 계획 종료는 계획 시작 이후여야 합니다.
error-work-end = 작업 종료는 작업 시작 이후여야 합니다.

## 오류
error-no-such-release = 릴리스 #{ $id }이(가) 없습니다
error-no-such-agent = 담당자 { $id }이(가) 없습니다
error-deactivate-current-agent = 지금 이 담당자로 작업하고 있어 비활성화할 수 없습니다. 먼저 오른쪽 위 "작업자"에서 다른 사람을 고르세요.
error-remove-current-agent = 지금 이 담당자로 작업하고 있어 삭제할 수 없습니다. 먼저 오른쪽 위 "작업자"에서 다른 사람을 고르세요.
error-no-such-group = 그룹 { $id }이(가) 없습니다
error-no-such-department = 부서 { $id }이(가) 없습니다
error-no-such-view = 저장된 보기 { $id }이(가) 없습니다
error-duplicate-view = "{ $name }" 이름의 보기가 이미 있습니다
error-agent-name-required = 담당자 이름을 입력하세요
error-group-name-required = 그룹 이름을 입력하세요
error-department-name-required = 부서 이름을 입력하세요
error-agent-in-use = 릴리스 { $count }건이 이 담당자를 쓰고 있어(담당, 작업, 시간 기록, 위험, 단계 이력) 삭제하지 않았습니다. 먼저 다른 담당자로 바꾸세요.
error-group-in-use = 릴리스 { $count }건(또는 그 작업)이 이 그룹을 쓰고 있어 삭제하지 않았습니다. 먼저 다른 그룹으로 바꾸세요.
error-department-in-use = 릴리스 { $count }건이 이 부서를 쓰고 있어 삭제하지 않았습니다. 먼저 부서를 바꾸세요.
error-view-name-required = 저장할 보기 이름을 입력하세요
error-sample-needs-empty = 데이터베이스에 이미 릴리스가 있습니다. 샘플 데이터는 빈 데이터베이스에만 불러옵니다 (그래도 추가하려면 --force 사용)
error-synthetic-needs-new = 합성 데이터는 새 데이터베이스(릴리스와 사람이 없는 파일)에만 만듭니다. --db로 새 파일을 지정하세요
error-import-duplicate = Freshservice 릴리스 { $id }이(가) 가져오기에 두 번 들어 있습니다. 아무것도 바뀌지 않았습니다
error-archive-needs-empty = 보관 파일은 빈 데이터베이스에만 가져올 수 있습니다. 아무것도 바뀌지 않았습니다 (먼저 새 데이터베이스를 여세요)
error-not-sqlite = { $path }은(는) Release Desk 데이터베이스가 아닙니다 (SQLite 파일이 아님). 파일은 변경하지 않았습니다
error-foreign-database = { $path }은(는) 다른 프로그램의 SQLite 데이터베이스입니다. 파일은 변경하지 않았습니다
error-newer-schema = { $path }은(는) 더 새로운 Release Desk에서 저장되었습니다 (스키마 버전 { $found }, 이 버전은 { $supported }까지 지원). 파일은 변경하지 않았습니다. Release Desk를 업데이트한 뒤 여세요
error-io = { $path }을(를) 사용할 수 없습니다: { $reason }
io-reason-not-found = 파일이나 폴더가 없습니다
io-reason-permission-denied = 권한이 없습니다
io-reason-storage-full = 디스크 공간이 부족합니다
io-reason-read-only = 읽기 전용 디스크나 폴더입니다
io-reason-already-exists = 같은 이름의 파일이 이미 있습니다
io-reason-other = 입출력 오류 ({ $detail })
io-reason-coded = { $reason } (시스템 오류 { $code })
error-disk-full = 저장하지 못했습니다: 데이터베이스 파일이 가득 찼습니다 (디스크 부족 또는 크기 제한). 아무것도 바뀌지 않았습니다
error-read-only = 저장하지 못했습니다: 데이터베이스 파일이 읽기 전용입니다. 아무것도 바뀌지 않았습니다
error-busy = 다른 Release Desk 창이나 프로그램이 데이터베이스를 사용 중입니다. 다시 시도하세요
error-corrupt = 데이터베이스 파일이 손상되었습니다: { $detail }
error-sqlite = 데이터베이스 오류: { $detail }
error-bad-data = 저장된 데이터가 올바르지 않습니다: { $detail }
cli-error-window = 창을 열 수 없습니다: { $reason }

## 명령 오류
error-no-such-releases = 릴리스 { $count }건({ $ids })이 없습니다. 아무것도 바뀌지 않았습니다.
error-in-trash = 릴리스 { $count }건({ $ids })이 휴지통에 있습니다(먼저 복원하세요). 아무것도 바뀌지 않았습니다.
error-not-in-trash = 릴리스 { $count }건({ $ids })이 휴지통에 없습니다. 아무것도 바뀌지 않았습니다.
error-nothing-selected = 선택한 릴리스가 없습니다.
error-no-current-agent = 작업자가 정해지지 않았습니다. 먼저 오른쪽 위에서 본인을 선택하세요.
error-nothing-to-assign = 할당할 담당자나 그룹을 선택하세요.
error-backup-stopped = 백업이 끝나기 전에 중단되었습니다.
error-text-too-long = 글이 너무 깁니다. 최대 { $max }자까지 입력할 수 있습니다.
