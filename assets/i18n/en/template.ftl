# Release templates: the built-in ones, the user's own, New from template and Clone release.
# Release Desk's English catalogue. Every key here is also in ../ko/template.ftl, with the
# same arguments, and in no other file.

## Refusals
template-invalid-name = A template needs a name.
template-invalid-key = A template's key is letters, digits and '-' only.
template-invalid-builtin = The built-in templates cannot be changed or deleted; save a copy under another name.
template-invalid-too-long = The template's name or description is too long.
template-invalid-duration = The planned window must be between 1 minute and 30 days long.
template-invalid-no-such = There is no template { $key }.

## The built-in templates
template-name-erp = Phased ERP upgrade (head office, affiliates, everyone)
template-name-mobile = Bi-weekly mobile release with an A/B phase
template-name-security = Emergency security patch with impact analysis and regulator step

## New release from a template
new-release-template = Template
new-release-no-template = No template

## Reuse on the release page: clone, save as template
section-reuse = Clone and templates
reuse-clone = Clone this release
reuse-clone-start = starting on
reuse-clone-button = Clone
reuse-clone-hint = A copy with its plans, strategy, risks, back-out plan, impact analysis and tasks; dates moved, work reset
reuse-save-template = Save as template
reuse-template-name = Template name
reuse-template-name-hint = e.g. Monthly ERP patch
reuse-save-template-button = Save template
reuse-your-templates = Your templates
reuse-template-parts = { $tasks } default tasks
reuse-template-delete = Delete template
