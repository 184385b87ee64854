/** A problem found while loading knowledge: which file, which field, what is wrong. */
export interface KnowledgeIssue {
  file: string;
  /** Field path inside the file, e.g. `channels[0].fees[1].amount`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function formatIssue(issue: KnowledgeIssue): string {
  return issue.path ? `${issue.file}: ${issue.path}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}
