# CAB 회의 자료 (CAB 회의 한 번을 위한 PDF 한 부).
pack-title = CAB 회의 자료
pack-title-of = CAB 회의 자료: { $cab }
pdf-page-number = { $page } / { $pages }
pdf-error-encode = PDF를 만들 수 없습니다: { $detail }
pack-error-write = { $path }에 쓸 수 없습니다: { $reason }
pack-nobody = (없음)
pack-none = 없음
pack-more = …외 { $count }건
pack-releases-count = { $count }건
pack-prepared = Release Desk에서 { $when }에 작성

# 섹션 (책갈피로도 쓰임)
pack-section-cover = 회의 개요
pack-section-kpis = KPI와 목표 ({ $period })
pack-section-outcomes = 지난 CAB 이후 결과 ({ $period })
pack-section-releases = 결정할 릴리스
pack-section-schedule = 향후 일정 ({ $period })
pack-section-emergency = 지난 CAB 이후 긴급 릴리스
pack-section-decisions = 결정 사항과 후속 조치

# 표지
pack-ecab = 긴급 CAB(ECAB): 사후 승인 가능
pack-field-when = 일시
pack-field-chair = 의장 (최종 결정)
pack-field-rule = 의결 방식
pack-field-since = 지난 CAB
pack-field-attendees = 참석자
pack-no-attendees = 기록된 참석자 없음
pack-rule-any = 위원 한 명이 승인하면 승인
pack-rule-all = 위원 전원이 승인해야 승인
pack-rule-majority = 위원 과반수가 승인하면 승인
pack-rule-none = 의결 방식 없음 (임시 회의)
pack-count-for-decision = 결정 대상
pack-count-emergency = 긴급 릴리스
pack-count-closed = 지난 CAB 이후 종료

# KPI
pack-kpi-on-target = 목표 달성
pack-kpi-off-target = 목표 미달
pack-kpi-no-value = 종료된 릴리스 없음
pack-kpi-note = 목표 { $target } · { $verdict }

# 결과
pack-outcome-completed = 완료
pack-outcome-failed = 실패
pack-outcome-rolled-back = 롤백
pack-outcome-downtime = 다운타임
pack-outcome-reviews = 작성된 리뷰
pack-outcome-reviews-note = 배포 후 리뷰
pack-outcomes-none = 지난 CAB 이후 종료된 릴리스가 없습니다.
pack-review-done = 작성함
pack-review-missing = 없음

# 표의 열
pack-col-id = ID
pack-col-subject = 제목
pack-col-type = 유형
pack-col-closed = 종료
pack-col-outcome = 결과
pack-col-rollbacks = 롤백
pack-col-downtime = 다운타임
pack-col-review = 리뷰 (교훈)
pack-col-risk = 위험
pack-col-score = 가능성 × 영향
pack-col-mitigation = 완화 방안
pack-col-owner = 담당자
pack-col-change = 변경
pack-col-approval = 승인
pack-col-window = 계획 기간
pack-col-conflicts = 충돌
pack-col-freeze = 변경 동결
pack-col-kind = 종류
pack-col-when = 기간
pack-col-scope = 적용 대상
pack-col-severity = 심각도
pack-col-conflict = 충돌
pack-col-fix = 해결 방법
pack-col-created = 생성
pack-col-status = 상태
pack-col-release = 릴리스
pack-col-decision = 결정
pack-col-comment = 의견
pack-col-action = 조치
pack-col-due = 기한

# 결정할 릴리스 한 건: 7R과 나머지
pack-field-type = 유형
pack-field-priority = 우선순위
pack-field-status = 상태 · 단계
pack-field-window = 계획 기간
pack-field-risk-level = 위험 수준
pack-field-raised-by = 요청자
pack-field-responsible = 책임자
pack-field-group = 그룹
pack-field-department = 부서
pack-field-gate = 배포 게이트
pack-gate-open = 열림
pack-gate-held = 막힘
pack-gate-changes = 미승인 변경 { $count }건
pack-gate-readiness = 남은 계획 항목 { $count }개
pack-gate-freezes = 강제 동결 { $names }
pack-gate-regulator = 감독기관 승인 대기: { $names }
pack-r-reason = 사유
pack-r-return = 기대 효과와 영향
pack-r-resources = 자원
pack-r-relationships = 연관 관계
pack-r-plans = 준비 상태와 계획 진행률
pack-r-risks = 위험 (점수)
pack-r-changes = 연결된 변경
pack-r-backout = 백아웃 계획
pack-impact-users = 영향 대상: { $users }
pack-impact-downtime = 예상 다운타임 { $duration }
pack-resources = 작업: { $tasks }개 중 { $open }개 남음 · 인원: { $people } · 기록된 시간: { $time }
pack-cis = 구성 항목: { $items }
pack-ci-via = { $ci } ({ $criticality }, { $via }을(를) 거쳐)
pack-overlaps = 겹치는 릴리스: { $ids }
pack-plan-release = 릴리스 계획 점검표 { $progress }
pack-plan-build = 빌드 계획 { $progress }
pack-plan-test = 테스트 계획 { $progress }
pack-plan-mitigation = 완화 점검: { $phases }
pack-change-unknown = (등록되지 않은 변경)
pack-backout-target = 복구 목표 시간 { $target } · 완료한 단계 { $steps }
pack-backout-go-no-go = 진행/중단 기준: { $criterion }
pack-backout-met = 최근 리허설 { $date }: { $took } 만에 복구, 목표 이내
pack-backout-missed = 최근 리허설 { $date }: { $took } 만에 복구, 목표 초과
pack-backout-no-rehearsal = 아직 리허설하지 않았습니다
pack-releases-none = 이번 회의에서 결정할 릴리스가 없습니다.

# 향후 일정
pack-schedule-freezes = 이 기간의 변경 동결
pack-schedule-conflicts = 충돌
pack-schedule-no-freezes = 이 기간에 변경 동결이 없습니다.
pack-schedule-no-conflicts = 이 기간에 충돌이 없습니다.
pack-schedule-no-releases = 이 기간에 계획된 릴리스가 없습니다.
pack-schedule-more = …외 { $count }건은 아래 표에 있습니다
pack-schedule-table-more = …외 { $count }건의 릴리스가 이 기간에 계획되어 있습니다(일정 화면에서 모두 볼 수 있습니다)
pack-schedule-conflicts-more = …외 충돌 { $count }건(일정 화면에서 모두 볼 수 있습니다)
pack-legend-hard = 빨간 띠: 강제 동결
pack-legend-soft = 노란 띠: 권고 동결
pack-legend-conflict = 빨간 막대: 충돌이 있는 릴리스

# 긴급 릴리스
pack-emergency-none = 지난 CAB 이후 긴급 릴리스가 없습니다.
pack-no-changes = 연결된 변경 없음
pack-approval-after-the-fact = 사후 승인 필요

# 결정 사항과 후속 조치
pack-outcome-approved = 승인
pack-outcome-rejected = 반려
pack-outcome-deferred = 보류
pack-outcome-open = 결정 전
pack-comment = 의견
pack-actions = 후속 조치
pack-actions-hint = 조치 · 담당자 · 기한
pack-actions-none = 후속 조치가 없습니다.
pack-minutes = 회의록
