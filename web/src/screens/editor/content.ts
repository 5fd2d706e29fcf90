import type { Full } from '../../api/client';
import type { components } from '../../api/generated/authoring';

export type ItemContent = components['schemas']['ItemContent'];
export type Version = Full<components['schemas']['VersionResponse']>;

export const LABELS = ['A', 'B', 'C', 'D', 'E'] as const;

export const labelOf = (index: number): string => LABELS[index] ?? '?';

export interface OptionDraft {
  text: string;
  explanation: string;
}

/** The editor's fields as the author types them: lists as lines, tags as a comma-separated line. */
export interface Draft {
  topicId: string;
  stem: string;
  leadIn: string;
  options: OptionDraft[];
  keyIndex: number | null;
  rationale: string;
  educationalObjective: string;
  teachingPoints: string;
  references: string;
  tags: string;
  media: string;
  difficulty: string;
  difficultyLevel: number;
  bloomLevel: string;
}

export function emptyDraft(topicId = ''): Draft {
  return {
    topicId, stem: '', leadIn: 'Which of the following is the most likely diagnosis?',
    options: LABELS.slice(0, 4).map(() => ({ text: '', explanation: '' })), keyIndex: null, rationale: '', educationalObjective: '',
    teachingPoints: '', references: '', tags: '', media: '', difficulty: 'medium', difficultyLevel: 3, bloomLevel: '',
  };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** What the API stores for the draft: labels A–E in order, the key as the one correct option, empty optional fields left out. */
export function toContent(d: Draft): ItemContent {
  return {
    topicId: d.topicId, stem: d.stem.trim(), leadIn: d.leadIn.trim(),
    options: d.options.map((o, i) => ({ label: labelOf(i), text: o.text.trim(), correct: i === d.keyIndex, explanation: o.explanation.trim() || null })),
    rationale: d.rationale.trim(), educationalObjective: d.educationalObjective.trim() || null, teachingPoints: lines(d.teachingPoints),
    difficulty: d.difficulty, difficultyLevel: d.difficultyLevel, bloomLevel: d.bloomLevel || null,
    tags: d.tags.split(',').map((t) => t.trim()).filter(Boolean), references: lines(d.references), media: lines(d.media),
  } as ItemContent;
}

export function fromVersion(v: Version): Draft {
  return {
    topicId: v.topicId, stem: v.stem, leadIn: v.leadIn,
    options: v.options.map((o) => ({ text: o.text, explanation: o.explanation ?? '' })),
    keyIndex: v.options.findIndex((o) => o.correct) >= 0 ? v.options.findIndex((o) => o.correct) : null,
    rationale: v.rationale, educationalObjective: v.educationalObjective ?? '', teachingPoints: v.teachingPoints.join('\n'),
    references: v.references.join('\n'), tags: v.tags.join(', '), media: v.media.join('\n'), difficulty: v.difficulty,
    difficultyLevel: v.difficultyLevel, bloomLevel: v.bloomLevel ?? '',
  };
}

/**
 * Which editor field a finding or a refusal is about: "options[2].text", "content.options[2]" and "options[2]" are all
 * option C; "content.stem" is the stem.
 */
export function fieldOf(path: string | undefined): string {
  const p = (path ?? '').replace(/^content\./, '');
  const option = /^options\[(\d+)\]/.exec(p);
  if (option) return `options[${option[1]}]`;
  return p.split(/[.[]/)[0] || 'item';
}

/** The author's unsaved text, kept in this tab until it is saved: a reload, a sign-in again or a conflict loses nothing. */
export interface Kept {
  baseVersion: number | null;
  draft: Draft;
}

const keyOf = (itemId: string | undefined) => `qbank.editor.${itemId ?? 'new'}`;

export function keep(itemId: string | undefined, kept: Kept) {
  sessionStorage.setItem(keyOf(itemId), JSON.stringify(kept));
}

export function kept(itemId: string | undefined): Kept | null {
  const text = sessionStorage.getItem(keyOf(itemId));
  return text ? (JSON.parse(text) as Kept) : null;
}

export function forget(itemId: string | undefined) {
  sessionStorage.removeItem(keyOf(itemId));
}
