/**
 * Real citizens' questions: the 85 questions of a provincial police portal's FAQ (../shared/data-raw), with
 * our labels (test/fixtures/faq-police-labels.json: codes and aspect, written against the national
 * records, not copied questions). The matcher runs on the whole national catalogue with the shipped
 * records over it, as a province would run it.
 *
 * Many of these questions lean on their FAQ category for context ("Thời gian giải quyết và Lệ phí?" under
 * weapons), so top-1 is not expected to be high. What must hold: confident wrong answers (an answer to
 * a question no procedure answers counts as one) stay a small share, and the right procedure is among the
 * first three for most questions. The thresholds are regression guards set just under what the matcher achieves.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { overlayAll } from '../../src/knowledge/overlay.js';
import { procedureRecord } from '../../src/knowledge/schema.js';
import { buildMatcher } from '../../src/search/build.js';
import { evalQuestion, evaluate, type EvalQuestion, type EvalReport } from '../../src/search/evaluate.js';
import { nationalRecords } from '../support/national.js';
import { describeWithShared, POLICE_FAQ_FILE } from '../support/shared.js';

const faqFile = z.object({
  faq: z.record(z.string(), z.array(z.object({ text: z.string() }))),
});

const labelsFile = z.object({
  categories: z.record(
    z.string(),
    z.array(z.object({ sha1: z.string(), codes: z.array(z.string()), aspect: z.string() })),
  ),
});

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

describeWithShared('the matcher on real questions from a police portal FAQ', () => {
  let questions: EvalQuestion[] = [];
  let report: EvalReport;

  beforeAll(() => {
    const faq = faqFile.parse(JSON.parse(readFileSync(POLICE_FAQ_FILE, 'utf8')));
    const labels = labelsFile.parse(JSON.parse(readFileSync('test/fixtures/faq-police-labels.json', 'utf8')));
    questions = Object.entries(labels.categories).flatMap(([category, items]) => {
      const texts = faq.faq[category] ?? [];
      expect(texts.length, `category ${category}`).toBe(items.length);
      return items.map((label, i) => {
        const q = texts[i]!.text;
        expect(sha1(q), `${category}[${i}]: the FAQ changed under the labels`).toBe(label.sha1);
        return evalQuestion.parse({ q, codes: label.codes, aspect: label.aspect, style: category });
      });
    });
    const shipped = loadKnowledge().knowledge;
    const national = [...nationalRecords().values()].map((c) => procedureRecord.parse(c.record));
    const records = overlayAll(national, shipped.records);
    const matcher = buildMatcher({ records, byCode: new Map(records.map((r) => [r.code, r])), dictionaries: shipped.dictionaries });
    report = evaluate(matcher, questions);
  }, 120_000);

  it('labels all 85 questions', () => {
    expect(questions).toHaveLength(85);
  });

  it('rarely answers confidently wrong, counting answers to questions no procedure answers', () => {
    const o = report.overall;
    const wrong = report.misses.filter((m) => m.kind === 'confident-wrong').map((m) => `${m.q} → ${m.got.join(', ')}`);
    expect(o.confidentWrong / o.n, wrong.join('\n')).toBeLessThanOrEqual(0.03);
  });

  it('has the right procedure among the first three for most questions', () => {
    const o = report.overall;
    const misses = report.misses.filter((m) => m.kind === 'not-top3').map((m) => `${m.q} → ${m.got.join(', ')}`);
    expect(o.top3 / o.answerable, misses.join('\n')).toBeGreaterThanOrEqual(0.72);
    expect(o.top1 / o.answerable).toBeGreaterThanOrEqual(0.55);
  });
});
