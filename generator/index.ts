/** Leapfrog as a library: load -> validate -> plan -> render -> refine. The CLI and the site use only this. */
export { Content } from './content.ts';
export type { Release, Series, Service } from './content.ts';
export { ContentError, UsageError } from './errors.ts';
export { checkContent, loadContent, DEFAULT_CONTENT_DIR } from './load/load-content.ts';
export { formatProblem, formatReport, type Problem } from './validate/problem.ts';
export { plan, type Plan, type PlanRequest, type Stop } from './plan/plan.ts';
export type { ServicePath, Reason } from './plan/plan-service.ts';
export { buildRunbook } from './plan/build-runbook.ts';
export type { Runbook, RunbookSection, RunbookStep } from './plan/runbook-model.ts';
export { renderMarkdown } from './render/render-markdown.ts';
export { renderJson, toJson, type RunbookJson } from './render/to-json.ts';
export { sourceLabel } from './text/source-label.ts';
export { splitProse, type ProsePart } from './render/prose.ts';
export { forwardPairs } from './publish/forward-pairs.ts';
export { OFFLINE_PHASES, type Phase } from './schema/release.ts';
export { noteHtml } from './render/note-html.ts';
export { groupSteps } from './render/group-steps.ts';
export { observeStages, type Stage, type StageObserver } from './stages.ts';
