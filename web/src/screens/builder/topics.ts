export interface Topic {
  id?: string;
  parentId?: string | null;
  name?: string;
  path?: string[];
}

/** The topic and every topic under it. */
export function subtreeOf(tree: Topic[], topicId: string): string[] {
  return tree.filter((t) => t.path?.includes(topicId)).map((t) => t.id!);
}
