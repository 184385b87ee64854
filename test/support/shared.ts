/**
 * Tests that read ../shared (reference data, development questions) run when it is there. On a fresh
 * clone without it they are skipped, and say why; under CI (CI=true) its absence is a failure.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const SHARED_DIR = resolve(
  process.env.SHARED_DIR ?? fileURLToPath(new URL('../../../shared', import.meta.url)),
);
export const RAW_PORTAL_FILE = resolve(SHARED_DIR, 'data-raw/tthc_dichvucong_chatbot-tthc.jsonl.gz');
export const DEFAULT_CODES_FILE = resolve(SHARED_DIR, 'catalogue/default-codes.tsv');
export const DEV_QUESTIONS_FILE = resolve(SHARED_DIR, 'eval/dev.jsonl');
export const POLICE_FAQ_FILE = resolve(SHARED_DIR, 'data-raw/faq_capphutho_police.json');

export const hasShared = [RAW_PORTAL_FILE, DEFAULT_CODES_FILE, DEV_QUESTIONS_FILE, POLICE_FAQ_FILE].every((f) => existsSync(f));
const underCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * `describe` for a suite that needs ../shared: runs when it is present; otherwise skipped with the reason,
 * or failing under CI.
 */
export function describeWithShared(name: string, body: () => void): void {
  if (hasShared) {
    describe(name, body);
  } else if (underCi) {
    describe(name, () => {
      it(`needs ${SHARED_DIR} (required under CI)`, () => {
        throw new Error(`${SHARED_DIR} is missing: CI must have ../shared beside the checkout`);
      });
    });
  } else {
    describe.skip(`${name} — skipped: ${SHARED_DIR} not found (reference data is not part of the project)`, body);
  }
}
