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
activity-created = 생성
activity-field = 필드 변경
activity-trash = 휴지통으로 이동
activity-restore = 복원
activity-note = 메모
activity-task = 작업
activity-time = 시간
activity-revert = 실행 취소 / 다시 실행
activity-purge = 영구 삭제
activity-change-link = 변경
activity-ci = 구성 항목
activity-override = 게이트 예외 승인
activity-stage-note = 단계 메모
activity-readiness = 준비 상태
activity-outcome = 결과
activity-closed-at = 종료 시각
activity-deleted-at = 삭제 시각
activity-chars = { $count }자
activity-plan-summary = { $chars }자, { $done }/{ $total } 완료
activity-phases = 배포 단계
activity-deploy-gate = 배포 게이트
activity-removed = (삭제됨)
