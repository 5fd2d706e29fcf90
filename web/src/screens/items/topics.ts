import { authoring, full, type Full } from '../../api/client';
import type { components } from '../../api/generated/authoring';
import { useApi } from '../../components/useApi';

export type Topic = Full<components['schemas']['TopicResponse']>;

/** The tenant's topic tree, each parent before its children. */
export function useTopics() {
  return useApi(() => full(authoring.GET('/api/v1/authoring/topics')));
}

/** A topic's name with its place in the tree shown by indentation, for a select. */
export function indentedName(topic: Topic): string {
  return `${'\u2003'.repeat(Math.max(0, (topic.path?.length ?? 1) - 1))}${topic.name}`;
}
