# 사후 검토: 잘된 점, 문제점, 교훈, 후속 조치.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/review.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 거부 사유
review-refused-not-yet = 사후 검토는 릴리스가 완료되었거나 롤백된 뒤에 작성할 수 있습니다.
review-refused-empty = 검토 내용을 입력하거나 후속 조치를 추가하세요.
