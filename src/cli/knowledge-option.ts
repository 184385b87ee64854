/** Load the shipped knowledge (and `--knowledge DIR` merged under it) for a command; print problems. */
import { formatIssue } from '../knowledge/issues.js';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load.js';

export function loadForCommand(extraDir: string | undefined, quiet = false): KnowledgeBase {
  const { knowledge, issues } = loadKnowledge(extraDir !== undefined ? { extraDir } : {});
  if (issues.length > 0 && !quiet) {
    process.stderr.write(`Cảnh báo: ${issues.length} tệp tri thức có lỗi và bị bỏ qua (chạy npm run kb:check để xem):\n`);
    for (const i of issues.slice(0, 5)) process.stderr.write(`  ${formatIssue(i)}\n`);
  }
  return knowledge;
}
