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

## 릴리스 페이지의 영향 분석 섹션
section-impact = 영향 분석
impact-risk-level = 릴리스 위험 수준
impact-risk-level-rule = 위험 등록부의 가장 높은 위험 기준이며, 중간 수준이라도 핵심 CI에 닿으면 높음으로 올립니다
impact-affected = 영향을 받는 서비스와 CI
impact-affected-none = 연결된 CI가 없습니다. 개요 탭에서 이 릴리스가 바꾸는 서비스와 CI를 연결하세요.
impact-criticality-of = { $item }의 중요도
impact-via-linked = 이 릴리스에 연결됨
impact-via = { $item }에 의존
impact-users = 영향을 받는 사용자·영업점
impact-users-hint = 예: 전 영업점 ATM, 모바일 뱅킹 사용자
impact-downtime = 예상 중단 시간 (분)
impact-summary = 요약
impact-summary-hint = 업무에 무엇이 얼마 동안 달라지는지
chip-risk-level = 위험: { $level }
