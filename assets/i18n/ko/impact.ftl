# 영향도 분석: 영향받는 서비스와 구성 항목, 중요도와 의존 관계, 릴리스 위험 수준.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/impact.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 구성 항목 중요도
criticality-low = 낮음
criticality-medium = 보통
criticality-high = 높음
criticality-critical = 핵심

## 거부 사유
registry-invalid-self-dependency = 구성 항목은 자기 자신에 의존할 수 없습니다.
registry-invalid-dependency-cycle = CI-{ $item }이(가) 이미 이 항목에 의존합니다. 순환 의존은 허용되지 않습니다.
impact-invalid-downtime = 예상 중단 시간이 1년을 넘습니다. 숫자를 확인하세요.
