# 명령 (실행 취소 메뉴와 상태 표시줄).
# Release Desk 한국어 카탈로그. 모든 키는 ../en/commands.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 명령 (실행 취소 메뉴와 상태 표시줄)
cmd-create-release = 릴리스 “{ $subject }”을(를) 만들었습니다
cmd-edit-field = #{ $id }의 { $field }을(를) 수정했습니다
cmd-edit-release = #{ $id }을(를) 수정했습니다
cmd-add-agent = 담당자 { $name }을(를) 추가했습니다
cmd-add-group = 그룹 { $name }을(를) 추가했습니다
cmd-add-department = 부서 { $name }을(를) 추가했습니다
cmd-add-me = { $name }(으)로 등록했습니다
cmd-edit-agent = 담당자 { $name }의 정보를 수정했습니다
cmd-rename-group = 그룹 { $name }의 이름을 바꿨습니다
cmd-rename-department = 부서 { $name }의 이름을 바꿨습니다
cmd-remove-agent = 담당자 { $name }을(를) 삭제했습니다
cmd-deactivate-agent = 담당자 { $name }을(를) 비활성화했습니다
cmd-reactivate-agent = 담당자 { $name }을(를) 다시 활성화했습니다
cmd-remove-group = 그룹 { $name }을(를) 삭제했습니다
cmd-remove-department = 부서 { $name }을(를) 삭제했습니다
cmd-set-current-agent = 작업자를 { $name }(으)로 바꿨습니다
cmd-set-language = 언어를 바꿨습니다
cmd-set-theme = 테마를 바꿨습니다
cmd-set-kpi-targets = KPI 목표를 바꿨습니다
cmd-change-current-agent = 작업자를 바꿨습니다
cmd-save-view = 보기 “{ $name }”을(를) 저장했습니다
cmd-delete-view = 저장된 보기를 삭제했습니다
cmd-load-sample = 샘플 릴리스 { $count }건을 불러왔습니다
cmd-import-freshservice = Freshservice에서 릴리스 { $count }건을 가져왔습니다
cmd-import-csv = CSV에서 릴리스 { $count }건을 가져왔습니다
cmd-import-archive = 릴리스 { $count }건의 보관 파일을 복원했습니다
cmd-create-change = 변경 “{ $subject }”을(를) 만들었습니다
cmd-update-change = 변경 CHG-{ $change }을(를) 수정했습니다
cmd-create-ci = 구성 항목 “{ $name }”을(를) 만들었습니다
cmd-link-change = CHG-{ $change }을(를) #{ $id }에 연결했습니다
cmd-unlink-change = CHG-{ $change }과(와) #{ $id }의 연결을 해제했습니다
cmd-link-ci = 구성 항목 CI-{ $item }을(를) #{ $id }에 연결했습니다
cmd-unlink-ci = 구성 항목 CI-{ $item }과(와) #{ $id }의 연결을 해제했습니다
cmd-move-stage = #{ $id }을(를) { $stage } 단계로 옮겼습니다
cmd-edit-readiness = #{ $id }의 준비 상태를 수정했습니다
cmd-trash-release = #{ $id }을(를) 휴지통으로 옮겼습니다
cmd-add-note = #{ $id }에 메모를 추가했습니다
cmd-edit-note = 메모를 수정했습니다
cmd-delete-note = 메모를 삭제했습니다
cmd-add-task = #{ $id }에 작업 “{ $title }”을(를) 추가했습니다
cmd-edit-task = 작업 “{ $title }”을(를) 수정했습니다
cmd-delete-task = 작업을 삭제했습니다
cmd-add-time = #{ $id }에 작업 시간을 기록했습니다
cmd-start-timer = #{ $id }의 타이머를 시작했습니다
cmd-stop-timer = 타이머를 멈췄습니다
cmd-edit-time-entry = 시간 기록을 수정했습니다
cmd-delete-time-entry = 시간 기록을 삭제했습니다
cmd-bulk-trash = 릴리스 { $count }건을 휴지통으로 옮겼습니다
cmd-bulk-restore = 휴지통에서 릴리스 { $count }건을 복원했습니다
cmd-bulk-purge = 릴리스 { $count }건을 영구 삭제했습니다
cmd-bulk-pick-up = 릴리스 { $count }건을 나에게 할당했습니다
cmd-bulk-assign-agent = 릴리스 { $count }건을 { $agent }에게 할당했습니다
cmd-bulk-assign-group = 릴리스 { $count }건을 { $group } 그룹에 할당했습니다
cmd-bulk-assign-both = 릴리스 { $count }건을 { $agent }({ $group })에게 할당했습니다
cmd-bulk-assign-nothing = 릴리스 { $count }건을 할당했습니다
cmd-bulk-status = 릴리스 { $count }건의 상태를 { $status }(으)로 바꿨습니다
cmd-bulk-priority = 릴리스 { $count }건의 우선순위를 { $priority }(으)로 바꿨습니다
edit-field-subject = 제목
edit-field-description = 설명
edit-field-status = 상태
edit-field-priority = 우선순위
edit-field-type = 유형
edit-field-planned = 계획 기간
edit-field-work-window = 작업 기간
edit-field-agent = 담당자
edit-field-group = 그룹
edit-field-department = 부서
edit-field-category = 범주
edit-field-sub-category = 하위 범주
edit-field-item-category = 항목 범주
edit-field-build-plan = 빌드 계획
edit-field-test-plan = 테스트 계획
edit-field-assets = 연결된 구성 항목
edit-field-changes = 연결된 변경
ids-and-more = { $ids } 외 { $more }건

## 백아웃 계획, 영향도 분석, 사후 검토, 구성 항목
cmd-update-ci = 구성 항목 CI-{ $item }을(를) 수정했습니다
cmd-edit-backout = #{ $id }의 백아웃 계획을 수정했습니다
cmd-remove-backout = #{ $id }의 백아웃 계획을 삭제했습니다
cmd-set-impact = #{ $id }의 영향도 분석을 수정했습니다
cmd-save-review = { $count ->
        [0] #{ $id }의 사후 검토를 저장했습니다
       *[other] #{ $id }의 사후 검토를 저장하고 후속 작업 { $count }건을 추가했습니다
    }
cmd-save-template = 템플릿 “{ $name }”을(를) 저장했습니다
cmd-delete-template = 템플릿 { $key }을(를) 삭제했습니다
cmd-create-from-template = 템플릿으로 릴리스 “{ $subject }”을(를) 만들었습니다
cmd-clone-release = 릴리스 #{ $id }을(를) 복제했습니다
