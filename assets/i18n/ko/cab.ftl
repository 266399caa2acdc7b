# 변경자문위원회(CAB): 규칙, 투표, 변경 승인의 출처.

## 규칙과 투표
cab-rule-any = 한 명이라도
cab-rule-all = 전원
cab-rule-majority = 과반수
cab-decision-approve = 승인
cab-decision-reject = 반려
cab-subject-go-no-go = #{ $id }의 배포 여부 결정
cab-after-the-fact = 사후 승인
cab-vote-value = { $subject }: { $agent }: { $decision }

## 활동 기록
cab-activity-cab = 변경자문위원회
cab-activity-vote = 위원회 투표

## 명령
cab-cmd-save = CAB “{ $name }”을(를) 저장했습니다
cab-cmd-delete = CAB { $id }을(를) 삭제했습니다
cab-cmd-assign = CHG-{ $change }을(를) CAB에 올렸습니다
cab-cmd-unassign = CHG-{ $change }을(를) CAB에서 내렸습니다
cab-cmd-vote = { $subject }에 “{ $decision }” 투표했습니다
cab-cmd-withdraw = { $subject }에 대한 투표를 철회했습니다

## 거부
cab-invalid-name-empty = CAB에는 이름이 필요합니다.
cab-invalid-name-too-long = 이름이 { $count }자입니다. 최대 255자까지 쓸 수 있습니다.
cab-invalid-no-members = CAB에는 위원이 한 명 이상 있어야 합니다.
cab-invalid-chair = 위원장은 위원 중 한 명이어야 합니다.
cab-invalid-not-member = 담당자 { $agent }은(는) 이 CAB의 위원이 아닙니다. 위원만 투표할 수 있습니다.
cab-invalid-no-such = CAB { $id }이(가) 없습니다.
cab-invalid-in-use = 이 CAB가 결정하는 변경이 { $count }건 있습니다. 먼저 다른 CAB로 옮기세요.
cab-invalid-no-cab = { $subject }을(를) 결정할 CAB가 없습니다. 먼저 변경을 CAB에 올리세요.
cab-invalid-no-vote = 철회할 투표가 없습니다.
cab-invalid-agent-in-cab = 이 담당자는 CAB { $count }곳의 위원이거나 투표 기록이 있습니다. 먼저 CAB에서 빼세요.
cab-invalid-has-meetings = 이 CAB에는 회의가 { $count }건 있습니다. 먼저 회의를 삭제하세요.

## 명령줄
cab-cli-none = 아직 CAB가 없습니다.
cab-cli-emergency = 긴급 CAB
cab-cli-changes = 변경 { $count }건
cab-cli-gone = 변경이 없습니다.
cab-cli-voted = CHG-{ $change }: { $state } (승인 { $approve }, 반려 { $reject }, 미투표 { $waiting })

## 릴리스 화면
cab-page-cab = { $name } ({ $rule })
cab-page-no-votes = 아직 투표가 없습니다.
cab-page-chair = , 위원장
cab-page-comment = 투표와 함께 남길 의견
cab-page-recorded = CAB 도입 전에 직접 기록한 승인입니다 (이 변경은 CAB에 올라가 있지 않습니다)

## CAB 관리 창 (회의 화면)
cabs-open = CAB 관리…
cabs-open-hint = CAB를 만들고 고치고 삭제합니다: 위원, 결정 규칙, 위원장
cabs-title = CAB 관리
cabs-intro = CAB는 변경에 투표하는 담당자들의 모임입니다. 결정 규칙에 따라 승인되며, 위원장의 투표가 최종 결정입니다.
cabs-line = { $name } · { $rule } · 위원 { $count }명
cabs-new = 새 CAB
cabs-name = 이름
cabs-emergency = 긴급 CAB (ECAB)
cabs-emergency-hint = 긴급 릴리스의 변경을 사후에 승인할 수 있습니다
cabs-rule = 결정 규칙
cabs-members = 위원
cabs-no-agents = 담당자가 아직 없습니다. 파일 > 담당자와 그룹에서 추가하세요.
cabs-chair = 위원장
cabs-no-chair = 위원장 없음
cabs-save = CAB 저장
cabs-delete = CAB 삭제
