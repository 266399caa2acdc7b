## Team sync (issue 21)

## Activity log
team-activity = 팀원이 변경함(팀 동기화)

## Errors
team-error-unreachable = 팀 서버({ $url })에 연결할 수 없습니다: { $detail }
team-error-server = 팀 서버가 작업을 거부했습니다: { $detail }
team-error-not-initialized = 팀 서버에 아직 Release Desk 팀이 없습니다. 먼저 "team init --url URL"을 실행하세요.
team-error-newer-schema = 팀 서버의 스키마 버전은 { $found }입니다. 이 빌드는 { $supported }까지만 압니다. Release Desk를 업데이트하세요.
team-error-older-schema = 팀 서버의 스키마 버전은 { $found }입니다. "team init --url URL"로 { $supported }(으)로 올리세요.
team-error-bad-data = 팀 서버가 이 빌드가 읽을 수 없는 변경을 보냈습니다: { $detail }
team-error-too-many-retries = { $tries }번 시도했지만 푸시하지 못했습니다(다른 푸시가 계속 먼저 들어왔습니다). 잃은 것은 없으니 다시 동기화하세요.
team-error-bad-url = "{ $url }"은(는) PostgreSQL URL이 아닙니다(postgresql://사용자@호스트:포트/데이터베이스).
team-error-no-team = 이 파일은 팀에 속해 있지 않습니다. 먼저 "team join --url URL"을 실행하세요.
team-error-already-in-team = 이 파일은 이미 { $url } 팀에 속해 있습니다.
team-error-join-needs-empty-file = 이 파일에는 자체 릴리스, 담당자·그룹·부서, 배포 창 또는 변경 동결이 있습니다. 새 파일로 팀에 참여하세요("team init"으로 이 파일에서 팀을 만들 수도 있습니다).
team-error-not-allowed = 팀 서버가 이 PostgreSQL 역할에는 이 작업을 허용하지 않습니다: { $detail }. 팀 관리자에게 권한을 요청하세요("team grant --user 역할 --right member").
team-error-no-such-role = 팀 서버에 PostgreSQL 역할 "{ $role }"이(가) 없습니다. 먼저 로그인 역할을 만드세요(createuser 또는 CREATE ROLE ... LOGIN).
team-error-keyring = 시스템 키링에서 처리하지 못했습니다: { $detail }
team-error-database-name-too-long = 데이터베이스 이름 "{ $name }"이(가) 팀 역할 이름에 쓰기에 너무 깁니다(최대 51바이트). 이름이 더 짧은 데이터베이스에 팀을 만드세요.
team-password-forgotten = 이제 { $url }의 비밀번호를 키링에 보관하지 않습니다.
team-error-bad-root-cert = CA 인증서 { $path }(URL의 sslrootcert)을(를) 읽을 수 없습니다: { $detail }
team-error-overtaken = 팀원이 그 뒤에 릴리스 { $count }건({ $ids })을 변경했습니다(팀 동기화). 실행 취소하면 팀원의 수정을 덮어쓰므로 이 단계는 더 이상 실행 취소할 수 없습니다.
team-error-schedule-overtaken = 팀원이 그 뒤에 그 배포 창, 변경 동결, 메모 또는 작업을 변경했습니다(팀 동기화). 실행 취소하면 팀원의 수정을 덮어쓰므로 이 단계는 더 이상 실행 취소할 수 없습니다.

## Conflicts
team-conflict-field = 같은 필드가 변경됨
team-conflict-id-taken = 서버에 같은 번호가 이미 있음
team-conflict-removed = 서버에서 삭제됨
team-conflict-remove-edited = 서버에서 변경되어 삭제하지 않음
team-conflict-refused = 서버가 거부함: 내 역할에 권한이 없음
team-conflict-line = { $record } { $field } 충돌({ $kind }): 내 값 { $ours }, 서버가 유지하는 값 { $theirs }.

## The window: sync state in the status bar, Sync now
menu-sync-now = 지금 동기화
menu-team = 팀…
team-dialog-title = 팀
team-dialog-intro = PostgreSQL 서버를 통해 이 파일의 일정을 팀과 공유합니다. 모든 변경은 여전히 이 파일에 먼저 저장되며, 서버에 연결되면 창이 동기화합니다.
team-dialog-url = 서버
team-dialog-author = 변경에 표시할 이름
team-dialog-password = 비밀번호
team-dialog-password-note = 시스템 키링이 있으면 키링에 보관하며, 파일에는 절대 쓰지 않습니다(PGPASSWORD도 사용할 수 있습니다).
team-dialog-join = 팀에 참여
team-dialog-join-hint = 새로 만든 빈 파일로 팀의 릴리스를 가져옵니다
team-dialog-make = 이 파일로 팀 만들기
team-dialog-make-hint = 서버에 팀의 테이블을 만들고(또는 업그레이드하고) 이 파일의 릴리스를 공유합니다
team-dialog-connecting = 연결 중…
team-dialog-member = 이 파일은 { $url } 팀에 { $author }(으)로 참여해 있습니다.
team-dialog-use-password = 사용하고 동기화
team-state-waiting = 동기화 중… 서버가 { $seconds }초째 응답하지 않습니다
team-state-syncing = 동기화 중…
team-state-not-yet = 팀: 아직 동기화하지 않음
team-state-connected = 연결됨
team-state-offline = 오프라인
team-state-failed = 동기화 실패
team-status-hover = 팀 서버 { $url }, { $author }(으)로 참여. 팀원의 변경이 기록되면 바로, 30초마다, 그리고 파일 > 지금 동기화를 누르면 동기화합니다.
team-connection-encrypted = 연결이 암호화되어 있습니다(TLS, 인증서 확인됨).
team-connection-plain = 연결이 암호화되어 있지 않습니다. TLS를 강제하려면 서버 URL에 sslmode=require를 추가하세요.
team-pending = 푸시 대기 { $count }건
team-last-pull = 마지막 풀 { $at }
team-conflicts-waiting = 충돌 { $count }건 대기 중
team-conflicts-open-hint = 충돌마다 남길 값을 고르세요
team-sync-done = 팀과 동기화했습니다: 푸시 { $pushed }건, 풀 { $pulled }건.
team-sync-new-conflicts = 동기화 중 충돌 { $count }건이 생겼습니다(팀원의 변경, 또는 서버가 거부한 변경). 두 값을 모두 보관했습니다.
team-sync-read-only = 이 파일은 여기서 읽기 전용으로 열려 있습니다. 파일을 쥐고 있는 창에서 동기화합니다.
team-sync-already-running = 이미 동기화하고 있습니다.
team-sync-stopped = 동기화가 끝나기 전에 멈췄습니다

## Resolving conflicts
team-cmd-keep-mine = 릴리스 #{ $id }의 충돌에서 내 값을 남겼습니다
team-cmd-keep-theirs = 릴리스 #{ $id }의 충돌에서 팀의 값을 남겼습니다
team-cmd-keep-mine-schedule = 배포 창 또는 동결의 충돌에서 내 값을 남겼습니다
team-cmd-keep-theirs-schedule = 배포 창 또는 동결의 충돌에서 팀의 값을 남겼습니다
team-record-release = 릴리스 { $name }
team-record-window = 배포 창 “{ $name }”
team-record-freeze = 변경 동결 “{ $name }”
team-field-name = 이름
team-field-timing = 일정
team-field-zone = 시간대
team-field-scope = 적용 대상
team-field-kind = 강제 여부
team-field-exempt = 예외 유형
team-field-exempt-reason = 예외 사유
team-record-agent = 담당자 “{ $name }”
team-record-group = 그룹 “{ $name }”
team-record-department = 부서 “{ $name }”
team-field-email = 이메일
team-field-active = 활성
team-error-no-such-conflict = 열린 팀 충돌 { $id }이(가) 없습니다(이미 해결되었을 수 있습니다).
team-error-cannot-keep-mine = 충돌 { $id }은(는) 팀의 버전으로만 정리할 수 있습니다(릴리스 전체에 관한 충돌이거나 서버가 변경을 거부했습니다).

## The conflicts dialog
team-conflicts-title = 팀과의 충돌
team-conflicts-intro = 내 변경이 서버에 닿기 전에 팀원이 같은 항목을 바꿨거나, 내 역할로는 할 수 없는 변경을 서버가 거부했습니다. 고를 때까지 팀의 값이 유지되며, 어느 쪽을 골라도 잃는 것은 없습니다.
team-conflicts-release = 항목
team-conflicts-field = 필드
team-conflicts-mine = 내 값
team-conflicts-theirs = 팀의 값
team-conflicts-by = 변경한 사람
team-conflicts-gone = (이 파일에 더 이상 없음)
team-conflicts-by-unknown = 알 수 없음
team-conflicts-raw-field = { $field }({ $kind })
team-conflicts-no-record = (삭제됨)
team-conflicts-record = (릴리스 전체)
team-conflicts-my-edits = (내가 고친 내용)
team-conflicts-refused-by = 서버(내 역할에 권한 없음)
team-keep-mine = 내 값 유지
team-keep-mine-hint = 내 값을 이 파일에 쓰고, 다음 동기화 때 팀에 푸시합니다
team-keep-mine-disabled = 팀 쪽에서 이 릴리스를 삭제했거나 내 삭제와 달리 남겨 두었으므로 팀의 버전만 남길 수 있습니다
team-keep-mine-refused = 서버가 내 PostgreSQL 역할의 이 변경을 거부했습니다. 팀의 값이 유지됩니다. 권한을 받은 뒤 다시 변경하세요
team-keep-mine-new-hint = 내 릴리스를 새 번호로 다시 추가하고, 다음 동기화 때 공유합니다
team-keep-theirs = 팀의 값 유지
team-keep-theirs-hint = 팀의 값(이미 반영됨)을 남기고 충돌을 닫습니다

## The command line
team-joined = 이 파일은 { $url } 팀에 { $author }(으)로 참여했습니다.
team-synced = 푸시 { $pushed }건(그중 { $repeated }건은 이미 서버에 있음), 풀 { $pulled }건, 충돌 { $conflicts }건. 변경 { $seq }까지 반영했습니다.
team-status-none = 이 파일은 팀에 속해 있지 않습니다.
team-status = 팀: { $url }, { $author }(으)로 참여; 변경 { $seq }까지 반영; 푸시 대기 { $pending }건; 열린 충돌 { $open }건(해결 { $resolved }건).
team-conflicts-none = 기다리는 충돌이 없습니다.
team-conflicts-row = [{ $id }] { $at } { $line }
team-right-member = 멤버(풀과 푸시)
team-right-approve = 승인(릴리스를 배포 게이트 너머로 이동)
team-right-purge = 릴리스 영구 삭제
team-granted = 이제 { $user }에게 권한이 있습니다: { $right }.
team-revoked = 이제 { $user }에게 권한이 없습니다: { $right }.
team-rights = 팀 서버에서 내 권한: { $rights }.
team-rights-none = 내 PostgreSQL 역할에는 팀 서버 권한이 없습니다. 팀 관리자에게 요청하세요("team grant --user 역할 --right member").

## 이 파일에서 임시 번호("신규")로 만든 항목이 푸시로 팀 번호를 받았습니다.
team-numbered-release = 릴리스 신규-{ $new }의 팀 번호: #{ $number }
team-numbered-window = 배포 창 신규-{ $new }의 팀 번호: { $number }
team-numbered-freeze = 변경 동결 신규-{ $new }의 팀 번호: { $number }
team-record-note = 메모 “{ $name }”
team-numbered-note = 메모 신규-{ $new }의 팀 번호: { $number }
team-record-task = 작업 “{ $name }”
team-numbered-task = 작업 신규-{ $new }의 팀 번호: { $number }
team-numbered-many = 이 파일에서 만든 항목 { $count }건이 팀 번호를 받았습니다(JSON 출력에 목록이 있습니다).
