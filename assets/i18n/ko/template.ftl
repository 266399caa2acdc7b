# 릴리스 템플릿: 기본 제공 템플릿, 사용자 템플릿, 템플릿으로 새로 만들기, 릴리스 복제.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/template.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 거부 사유
template-invalid-name = 템플릿 이름을 입력하세요.
template-invalid-key = 템플릿 키에는 글자, 숫자, '-'만 쓸 수 있습니다.
template-invalid-builtin = 기본 제공 템플릿은 바꾸거나 삭제할 수 없습니다. 다른 이름으로 복사해 저장하세요.
template-invalid-too-long = 템플릿 이름이나 설명이 너무 깁니다.
template-invalid-duration = 계획 기간은 1분에서 30일 사이여야 합니다.
template-invalid-no-such = 템플릿 { $key }이(가) 없습니다.

## 기본 제공 템플릿
template-name-erp = ERP 단계적 업그레이드 (본사, 계열사, 전체)
template-name-mobile = 모바일 앱 격주 정기 배포 (A/B 단계 포함)
template-name-security = 긴급 보안 패치 (영향도 분석, 금융감독원 보고 단계 포함)

## 템플릿으로 새 릴리스
new-release-template = 템플릿
new-release-no-template = 템플릿 없음

## 릴리스 페이지의 재사용: 복제, 템플릿으로 저장
section-reuse = 복제와 템플릿
reuse-clone = 이 릴리스 복제
reuse-clone-start = 시작일
reuse-clone-button = 복제
reuse-clone-hint = 계획, 배포 전략, 위험, 백아웃 계획, 영향 분석, 작업을 복사하고 날짜는 옮기며 진행 상황은 초기화합니다
reuse-save-template = 템플릿으로 저장
reuse-template-name = 템플릿 이름
reuse-template-name-hint = 예: ERP 월간 패치
reuse-save-template-button = 템플릿 저장
reuse-your-templates = 내 템플릿
reuse-template-parts = 기본 작업 { $tasks }개
reuse-template-delete = 템플릿 삭제

## 파일 > 릴리스 템플릿…
template-dialog-title = 릴리스 템플릿
template-builtin = 기본 제공
template-new = 새 템플릿
template-new-name = 새 템플릿
template-copy = 내 템플릿으로 복사
template-copy-name = { $name } (사본)
template-builtin-read-only = 기본 제공 템플릿은 바꿀 수 없습니다. 복사해서 내 템플릿으로 만드세요.
template-unsaved = 아직 저장되지 않았습니다.
template-none-selected = 왼쪽에서 템플릿을 고르거나 새로 만드세요.
template-field-name = 이름
template-field-window = 계획 기간 (분)
template-field-strategy = 배포 전략
template-tasks = 기본 작업
template-task-title = 작업 제목
template-task-due = 기한: 계획 시작 기준 분 (음수는 시작 전)
template-task-before = 시작 { $duration } 전
template-task-after = 시작 { $duration } 후
template-task-remove = 이 작업 삭제
template-task-new-hint = 새 기본 작업
template-task-add = 작업 추가
template-parts = 함께 담긴 것: 빌드 계획 항목 { $build }개, 테스트 계획 항목 { $test }개, 백아웃 단계 { $backout }개, 위험 { $risks }개, 배포 단계 { $phases }개.
