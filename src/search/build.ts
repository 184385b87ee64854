/** Build a matcher from a loaded knowledge base. */
import type { KnowledgeBase } from '../knowledge/load.js';
import { Matcher, type MatcherOptions } from './matcher.js';

export function buildMatcher(knowledge: KnowledgeBase, options: MatcherOptions = {}): Matcher {
  return new Matcher(knowledge.records, knowledge.dictionaries, options);
}
