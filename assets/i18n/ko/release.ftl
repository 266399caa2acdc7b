# 릴리스의 낱말: 상태, 우선순위, 유형, 단계, 결과, 필드.
# Release Desk 한국어 카탈로그. 모든 키는 ../en/release.ftl 에도 같은 인수로 있고, 다른 파일에는 없습니다.

## 상태, 우선순위, 유형
status-open = 열림
status-on-hold = 보류
status-in-progress = 진행 중
status-incomplete = 미완료
status-completed = 완료
priority-low = 낮음
priority-medium = 보통
priority-high = 높음
priority-urgent = 긴급
type-minor = 마이너
type-standard = 표준
type-major = 메이저
type-emergency = 긴급

## 생명주기
stage-plan = 릴리스 계획
stage-build-test = 개발 및 테스트
stage-deployment-prep = 배포 준비
stage-deploy = 배포 실행
stage-verify-monitor = 검증 및 모니터링
stage-complete = 릴리스 완료
stage-rollback = 롤백
outcome-successful = 성공
outcome-failed = 실패

## 필드
field-subject = 제목
field-subject-required = 제목 *
field-status = 상태
field-priority = 우선순위
field-type = 유형
field-planned-start = 계획 시작
field-planned-end = 계획 종료
field-planned-start-required = 계획 시작 *
field-planned-end-required = 계획 종료 *
field-agent = 담당자
field-group = 그룹
field-department = 부서
field-category = 범주
field-description = 설명
field-work-window = 작업 기간
field-created = 생성
field-updated = 수정
field-hour = 시
field-minute = 분
field-time-zone = 시간은 이 컴퓨터의 시간대({ $zone }) 기준입니다.
agent-unassigned = 미할당
agent-nobody = 없음
group-none = 없음
department-none = 없음
work-not-started = 시작 전
chip-in-trash = 휴지통

# 팀 파일에서 만들어 아직 푸시로 팀 번호를 받지 않은 릴리스($n은 차례 번호).
release-new-number = 신규-{ $n }
