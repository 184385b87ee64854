/**
 * The shipped catalogue covers every procedure of ../shared/catalogue/default-codes.tsv, and every fee,
 * time and document in a shipped record agrees with the national record for its code.
 */
import { expect, it } from 'vitest';
import { compareWithNational } from '../../src/knowledge/agreement.js';
import { loadRecords, SHIPPED_KNOWLEDGE_DIR } from '../../src/knowledge/load.js';
import { defaultCodes, nationalRecords } from '../support/national.js';
import { describeWithShared } from '../support/shared.js';

describeWithShared('shipped knowledge agrees with the national records', () => {
  const shipped = loadRecords(SHIPPED_KNOWLEDGE_DIR);

  it('loads without problems', () => {
    expect(shipped.issues).toEqual([]);
  });

  it('covers every code of the default catalogue', () => {
    const have = new Set(shipped.records.map((r) => r.code));
    expect(defaultCodes().filter((c) => !have.has(c))).toEqual([]);
  });

  it('every shipped record agrees with its national record', () => {
    const national = nationalRecords();
    const disagreements: string[] = [];
    for (const r of shipped.records) {
      const n = national.get(r.code);
      if (!n) {
        disagreements.push(`${r.code}: no national record with this code`);
        continue;
      }
      for (const d of compareWithNational(r, n.record)) disagreements.push(`${r.code}: ${d}`);
    }
    expect(disagreements).toEqual([]);
  });
});
