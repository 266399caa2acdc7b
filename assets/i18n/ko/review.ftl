# 사후 검토: 잘된 점, 문제점, 교훈, 후속 조치.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/review.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 거부 사유
review-refused-not-yet = 사후 검토는 릴리스가 완료되었거나 롤백된 뒤에 작성할 수 있습니다.
review-refused-empty = 검토 내용을 입력하거나 후속 조치를 추가하세요.

## 릴리스 페이지의 사후 검토 섹션
section-review = 사후 검토
review-not-yet = 릴리스는 완료되었거나 롤백된 뒤에 검토합니다.
review-missing = 완료되었지만 아직 검토하지 않았습니다.
review-reviewed = { $who } 검토, { $when }
review-went-well = 잘된 점
review-went-well-hint = 계속 이어갈 것
review-went-wrong = 잘못된 점
review-went-wrong-hint = 무엇이 왜 문제였는지
review-lessons = 교훈
review-lessons-hint = 다음 릴리스에서 달리 할 것
review-follow-ups = 후속 조치
review-follow-ups-none = 후속 조치가 없습니다.
review-follow-up-hint = 후속 조치 (작업으로 등록됩니다)
review-follow-up-add = 후속 조치 추가
review-follow-up-title-required = 후속 조치 내용을 먼저 적어 주세요.

## 대시보드
kpi-unreviewed = { $count ->
    [0] 이 기간에 사후 검토 없이 종료된 릴리스가 없습니다.
   *[other] 이 기간에 사후 검토 없이 종료된 릴리스 { $count }건:
}
