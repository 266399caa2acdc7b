# 내구성: 잠금, 검사, 백업, 손상된 파일.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/durability.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

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
