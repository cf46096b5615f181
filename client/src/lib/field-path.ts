const isContainer = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The form field a server error path names, in Mantine's dotted path syntax. `root` is the part
 * of the path the form's values stand for: `body` when the form is the request body,
 * `body.definition` when the form edits only that object. An error deeper than any input
 * (`questions.0.choices.2` on a form whose inputs stop at `questions.0.choices`) lands on the
 * nearest field that exists; a path outside the form, or outside `root`, gives null.
 *
 * `fieldPathOf('body.definition.questions.0.text', { questions: [{ text: '' }] }, 'body.definition')`
 * is `'questions.0.text'`.
 */
export function fieldPathOf(serverPath: string, values: unknown, root = 'body'): string | null {
  const rootSegments = root === '' ? [] : root.split('.');
  const segments = serverPath.split('.');
  if (rootSegments.some((segment, index) => segments[index] !== segment)) return null;

  const found: string[] = [];
  let node: unknown = values;
  for (const segment of segments.slice(rootSegments.length)) {
    if (!isContainer(node) || !(segment in node)) break;
    found.push(segment);
    node = node[segment];
  }
  return found.length === 0 ? null : found.join('.');
}
