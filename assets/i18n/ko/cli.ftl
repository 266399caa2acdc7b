# 명령줄.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/cli.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 명령줄
cli-count = 릴리스 { $count }건
cli-demo-loaded = 샘플 릴리스 { $count }건을 { $path }에 불러왔습니다 (현재 담당자: { $agent }).
cli-demo-generated = 생성한 릴리스 { $count }건과 활동 기록 { $activities }건을 { $path }에 만들었습니다 (현재 담당자: { $agent }).
cli-error-no-file = { $path } 파일이 없습니다
cli-error-no-agent = 담당자 '{ $agent }'을(를) 찾을 수 없습니다 (ID나 이름을 입력하세요)
cli-error-bad-id = '{ $id }'은(는) 릴리스 ID가 아닙니다
cli-error-no-group = 그룹 '{ $group }'을(를) 찾을 수 없습니다 (ID나 이름을 입력하세요)
cli-error-bulk-agent-only = --agent 와 --group 은 `bulk assign` 에만 씁니다
cli-error-bulk-assign-needs = bulk assign 에는 --agent 나 --group (또는 둘 다)이 필요합니다
cli-show-readiness = 준비 상태
cli-show-tasks = 작업
cli-show-notes = 메모
cli-error-bad-time = '{ $time }'은(는) ISO 8601 시각이 아닙니다 (2026-12-12T13:00 또는 시간대 포함)
cli-error-bad-value = '{ $value }'은(는) { $what }에 쓸 수 없는 값입니다
cli-error-needs-end = --planned-end를 지정하세요 (--template을 주면 템플릿의 기간이 기본값입니다)
cli-error-not-created = 릴리스가 만들어지지 않았습니다
cli-error-bad-lang = 알 수 없는 언어 '{ $value }' (ko 또는 en)
cli-error-bad-month = '{ $value }'은(는) 달이 아닙니다 (YYYY-MM, 예: 2026-11)
cli-error-not-one-of = 알 수 없는 값 '{ $value }' (가능한 값: { $values })
cli-error-out-exists = { $path } 파일이 이미 있습니다. 바꿔 쓰려면 --force를 붙이세요
cli-error-no-backup = 백업 { $path }을(를) 찾을 수 없습니다
cli-error-csv-only = --bom과 --localized는 CSV(--format csv)에만 쓸 수 있습니다
cli-error-columns-table-only = --columns는 표(--format table)에만 쓸 수 있습니다
cli-list-columns-hidden = 너비에 맞추려고 열 { $count }개를 숨겼습니다 (--columns 참고)

## 거부된 인자
cli-args-see-help = { $error } (release-desk --help 참고)
cli-args-unknown = 알 수 없는 인자 '{ $arg }'
cli-args-unknown-command = 알 수 없는 명령 '{ $command }'
cli-args-bad-value = '{ $arg }'에 쓸 수 없는 값 '{ $value }' (가능한 값: { $values })
cli-args-invalid = '{ $arg }'의 값 '{ $value }'이(가) 올바르지 않습니다: { $reason }
cli-args-missing = 꼭 필요한 인자가 빠졌습니다: { $arg }
cli-args-missing-command = 명령을 주어야 합니다
cli-args-conflict = '{ $arg }'은(는) '{ $other }'과(와) 함께 쓸 수 없습니다
cli-args-other = 인자가 올바르지 않습니다 ({ $arg })
