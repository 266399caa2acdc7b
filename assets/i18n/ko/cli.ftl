# 명령줄.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/cli.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 명령줄
cli-count = 릴리스 { $count }건
cli-demo-loaded = 샘플 릴리스 { $count }건을 { $path }에 불러왔습니다 (현재 담당자: { $agent }).
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
