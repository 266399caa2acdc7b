# Change Advisory Boards (CABs): rules, votes, where a Change's approval comes from.

## Rules and votes
cab-rule-any = Any member
cab-rule-all = All members
cab-rule-majority = Majority
cab-decision-approve = Approve
cab-decision-reject = Reject
cab-subject-go-no-go = go/no-go of #{ $id }
cab-after-the-fact = after the fact
cab-vote-value = { $subject }: { $agent }: { $decision }

## Activity log
cab-activity-cab = CAB
cab-activity-vote = CAB vote

## Commands
cab-cmd-save = save the CAB “{ $name }”
cab-cmd-delete = delete CAB { $id }
cab-cmd-assign = send CHG-{ $change } to a CAB
cab-cmd-unassign = take CHG-{ $change } from its CAB
cab-cmd-vote = vote “{ $decision }” on { $subject }
cab-cmd-withdraw = withdraw a vote on { $subject }

## Refusals
cab-invalid-name-empty = A CAB needs a name.
cab-invalid-name-too-long = The name has { $count } characters; at most 255 are allowed.
cab-invalid-no-members = A CAB needs at least one member.
cab-invalid-chair = The chair must be one of the members.
cab-invalid-not-member = Agent { $agent } is not a member of this CAB; only members vote.
cab-invalid-no-such = CAB { $id } does not exist.
cab-invalid-in-use = The CAB decides { $count } Change(s); send them to another CAB first.
cab-invalid-no-cab = { $subject } goes to no CAB; send its Change to a CAB first.
cab-invalid-no-vote = There is no such vote to withdraw.
cab-invalid-agent-in-cab = The agent sits on { $count } CAB(s) or has voted there; take them off the CAB first.
cab-invalid-has-meetings = The CAB has { $count } meeting(s); delete them first.

## Command line
cab-cli-none = No CABs yet.
cab-cli-emergency = emergency CAB
cab-cli-changes = { $count } Change(s)
cab-cli-gone = The Change is gone.
cab-cli-voted = CHG-{ $change }: { $state } ({ $approve } approve, { $reject } reject, { $waiting } not voted)

## Release page
cab-page-cab = { $name } ({ $rule })
cab-page-no-votes = No votes yet.
cab-page-chair = , chair
cab-page-comment = Comment with your vote
cab-page-recorded = CAB approval recorded by hand, before CABs (this Change goes to no CAB)

## The CABs dialog (meeting screen)
cabs-open = CABs…
cabs-open-hint = Create, edit and delete the CABs: members, rule and chair
cabs-title = CABs
cabs-intro = A CAB is a group of agents who vote on Changes; its rule decides, and the chair's vote is final.
cabs-line = { $name } · { $rule } · { $count } member(s)
cabs-new = New CAB
cabs-name = Name
cabs-emergency = Emergency CAB (ECAB)
cabs-emergency-hint = It may approve an emergency release's Changes after the fact
cabs-rule = Rule
cabs-members = Members
cabs-no-agents = No agents yet: add them under File > Agents and groups.
cabs-chair = Chair
cabs-no-chair = No chair
cabs-save = Save CAB
cabs-delete = Delete CAB
