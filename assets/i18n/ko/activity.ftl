# 릴리스의 활동 기록.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/activity.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

section-activity = 활동 기록 ({ $count })
activity-filter = 표시
activity-all = 모든 변경
activity-when = 일시
activity-who = 작업자
activity-kind = 종류
activity-what = 항목
activity-change = 변경 (이전 -> 이후)
activity-removed = (삭제됨)

## 기록 종류
activity-kind-created = 생성
activity-kind-field = 필드 변경
activity-kind-trash = 휴지통으로 이동
activity-kind-restore = 복원
activity-kind-purge = 영구 삭제
activity-kind-note = 메모
activity-kind-task = 작업
activity-kind-time = 시간
activity-kind-link = 연결
activity-kind-change = 변경
activity-kind-ci = 구성 항목
activity-kind-stage = 단계 이동
activity-kind-stage-note = 단계 메모
activity-kind-override = 게이트 예외 승인
activity-kind-readiness = 준비 상태
activity-kind-setting = 설정
activity-kind-view = 저장된 보기
activity-kind-agent = 담당자
activity-kind-group = 그룹
activity-kind-department = 부서
activity-kind-undo = 실행 취소
activity-kind-redo = 다시 실행
activity-kind-imported = 가져오기

## 항목
activity-field-subject = 제목
activity-field-description = 설명
activity-field-status = 상태
activity-field-priority = 우선순위
activity-field-release-type = 유형
activity-field-planned-start = 계획 시작
activity-field-planned-end = 계획 종료
activity-field-work-start = 작업 시작
activity-field-work-end = 작업 종료
activity-field-agent = 담당자
activity-field-group = 그룹
activity-field-department = 부서
activity-field-category = 범주
activity-field-sub-category = 하위 범주
activity-field-item-category = 항목 범주
activity-field-assets = 구성 항목
activity-field-changes = 변경
activity-field-build-plan = 빌드 계획
activity-field-test-plan = 테스트 계획
activity-field-stage = 단계
activity-field-outcome = 결과
activity-field-closed-at = 종료 시각
activity-field-rollback-count = 롤백 횟수
activity-field-downtime = 서비스 중단 시간
activity-field-deleted-at = 삭제 시각
activity-field-external-id = Freshservice ID
activity-field-custom-fields = 사용자 지정 필드
activity-field-note = 메모
activity-field-task = 작업
activity-field-time-spent = 소요 시간
activity-field-timer = 타이머
activity-field-executed-at = 수행 일시
activity-field-billable = 청구 여부
activity-field-change = 변경
activity-field-ci = 구성 항목
activity-field-plan-checklist = 릴리스 계획 체크리스트
activity-field-mitigation = 리스크 완화 체크리스트
activity-field-risk = 위험
activity-field-strategy = 배포 전략
activity-field-phases = 배포 단계
activity-field-deploy-gate = 배포 게이트
activity-field-current-agent = 작업자
activity-field-language = 언어
activity-field-theme = 테마
activity-field-kpi-targets = KPI 목표
activity-field-name = 이름
activity-field-email = 이메일
activity-field-command = 명령

## 값
activity-chars = { $count }자
activity-plan-summary = { $chars }자, { $done }/{ $total } 완료
activity-times = { $count }회
activity-task-value = { $title } [{ $status }]
activity-timer-stopped = { $spent } 후 중지
activity-gate-reasons = 승인되지 않은 변경 { $changes }건, 완료되지 않은 계획 항목 { $items }건
activity-risk-value = { $title } (발생 가능성 { $likelihood } × 영향도 { $impact })
activity-phase-value = { $name } ({ $status })

## 백아웃 계획, 영향도 분석, 사후 검토
activity-kind-backout = 백아웃 계획
activity-kind-impact = 영향도 분석
activity-kind-review = 사후 검토
activity-field-backout-plan = 백아웃 절차
activity-field-go-no-go = 진행/중단 기준
activity-field-decision-point = 결정 시점
activity-field-restore-target = 원복 목표 시간
activity-field-rehearsal = 리허설
activity-field-restore-time = 원복 소요 시간
activity-field-criticality = 중요도
activity-field-depends-on = 의존 대상
activity-field-users-affected = 영향받는 사용자
activity-field-expected-downtime = 예상 중단 시간
activity-field-impact-summary = 영향도 요약
activity-field-went-well = 잘된 점
activity-field-went-wrong = 문제점
activity-field-lessons = 교훈
activity-field-follow-up = 후속 조치
activity-rehearsal-value = { $date }: { $duration } 만에 원복 ({ $result })
