/**
 * The document checklist: one document at a time, "Anh/Chị đã có … chưa?"; a conditional document is
 * asked only when its situation applies. Progress is plain data kept in conversation state, so a
 * checklist can be left, resumed, and survives a restart.
 */
import type { DocumentItem, ProcedureRecord } from '../knowledge/schema.js';

export type DocumentAnswer = 'have' | 'missing' | 'skipped' | 'not-applicable';

export interface ChecklistItem {
  name: string;
  document: DocumentItem;
}

export interface ChecklistProgress {
  code: string;
  caseIndex: number;
  /** Index of the item being asked. */
  position: number;
  /** For a conditional document: first whether its situation applies, then whether the citizen has it. */
  phase: 'condition' | 'document';
  answers: Array<DocumentAnswer | null>;
}

export type ChecklistStep =
  | { kind: 'condition'; item: ChecklistItem }
  | { kind: 'document'; item: ChecklistItem; number: number; total: number }
  | { kind: 'done' };

export function checklistItems(record: ProcedureRecord, caseIndex: number): ChecklistItem[] {
  const c = record.cases?.[caseIndex];
  return (c?.documents ?? []).map((d) => ({ name: d.name, document: d }));
}

export function startChecklist(record: ProcedureRecord, caseIndex: number): ChecklistProgress {
  const items = checklistItems(record, caseIndex);
  const progress: ChecklistProgress = { code: record.code, caseIndex, position: 0, phase: 'document', answers: items.map(() => null) };
  progress.phase = items[0]?.document.requirement === 'conditional' ? 'condition' : 'document';
  return progress;
}

/** How many documents apply so far (required ones, and conditional ones not ruled out). */
function applicableCount(progress: ChecklistProgress, items: readonly ChecklistItem[]): number {
  return items.filter((_, i) => progress.answers[i] !== 'not-applicable').length;
}

export function answeredCount(progress: ChecklistProgress): number {
  return progress.answers.filter((a) => a !== null && a !== 'not-applicable').length;
}

export function currentStep(progress: ChecklistProgress, items: readonly ChecklistItem[]): ChecklistStep {
  const item = items[progress.position];
  if (!item) return { kind: 'done' };
  if (progress.phase === 'condition') return { kind: 'condition', item };
  const number = items.slice(0, progress.position + 1).filter((_, i) => progress.answers[i] !== 'not-applicable').length;
  return { kind: 'document', item, number, total: applicableCount(progress, items) };
}

function advance(progress: ChecklistProgress, items: readonly ChecklistItem[]): ChecklistProgress {
  const position = progress.position + 1;
  const next = items[position];
  return { ...progress, position, phase: next?.document.requirement === 'conditional' ? 'condition' : 'document' };
}

/** Apply a reply: to a condition (yes: it applies; no: the document is not needed) or to a document. */
export function answer(
  progress: ChecklistProgress,
  items: readonly ChecklistItem[],
  reply: 'yes' | 'no' | 'skip',
): ChecklistProgress {
  const answers = [...progress.answers];
  if (progress.phase === 'condition') {
    if (reply === 'yes') return { ...progress, phase: 'document' };
    answers[progress.position] = reply === 'no' ? 'not-applicable' : 'skipped';
    return advance({ ...progress, answers }, items);
  }
  answers[progress.position] = reply === 'yes' ? 'have' : reply === 'no' ? 'missing' : 'skipped';
  return advance({ ...progress, answers }, items);
}

export interface ChecklistSummary {
  have: ChecklistItem[];
  missing: ChecklistItem[];
  skipped: ChecklistItem[];
}

export function summarise(progress: ChecklistProgress, items: readonly ChecklistItem[]): ChecklistSummary {
  const pick = (a: DocumentAnswer): ChecklistItem[] => items.filter((_, i) => progress.answers[i] === a);
  return { have: pick('have'), missing: pick('missing'), skipped: pick('skipped') };
}
