/** A, B, C… for the options in order. */
export const label = (i: number) => String.fromCharCode(65 + i);

/** The field of a refusal as the form names it: options[3] is option D. */
export function fieldName(field: string): string {
  const option = /^options\[(\d+)\]$/.exec(field);
  if (option) return `Option ${label(Number(option[1]))}`;
  return ({ stem: 'Case', leadIn: 'Question', options: 'Options', rationale: 'Explanation', correctLabel: 'Answer' } as Record<string, string>)[field] ?? field;
}
