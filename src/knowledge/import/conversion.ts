import type { ProcedureRecordInput } from '../schema.js';

/** One source object converted to a record, with what could not be read. */
export interface ConversionResult {
  code: string;
  record: ProcedureRecordInput;
  /** Facts the converter could not read: the record is only partly parsed. */
  problems: string[];
  /** Oddities that did not stop a fact from being read. */
  warnings: string[];
}
