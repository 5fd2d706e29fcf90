import { full, messageOf, reviews } from '../../api/client';

/** Starts a practice of my own questions (of one material's, if given): the review session's id, or what went wrong. */
export async function startPractice(materialId?: string): Promise<{ id: string } | { error: string }> {
  const { data, error, response } = await full(reviews.POST('/api/v1/reviews/sessions', { body: { personal: true, materialId, ahead: false, limit: 50 } }));
  return data ? { id: data.id } : { error: messageOf(error, response) };
}
