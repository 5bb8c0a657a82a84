/**
 * A baseline of known findings: faults a connector had when it was imported (Microsoft accepted
 * it with them), which its build reports as warnings instead of errors until they are fixed.
 * `pcdk import` writes them; an author only deletes them, one by one, as each fault is fixed.
 * Each entry names one finding exactly as pcdk reports it, never a whole rule or operation, so a
 * new fault of the same kind elsewhere still fails the build.
 */

/**
 * One finding of `pcdk build` or `pcdk validate`, identified by its code and where it is: the
 * operation (when the finding names one) and either the descriptor field or, for a finding in a
 * built file, that file and the JSON pointer in it. Every key the finding has must be given and
 * equal; line and column are not compared, so an entry stays valid when the file around it moves.
 */
export interface KnownFinding {
  /** The diagnostic's code, as printed in brackets: `'summary-too-long'`. */
  readonly code: string;
  /** The operationId the finding names, when it names one. */
  readonly operation?: string;
  /** The descriptor field, when the finding names one: `'summary'`, `'params.form_id'`. */
  readonly field?: string;
  /** The built file of a finding without a field; `apiDefinition.swagger.json` when omitted beside a pointer. */
  readonly file?: string;
  /** JSON pointer into `file` of a finding without a field: `'/paths/~1forms/get/responses'`. */
  readonly pointer?: string;
  /** Why the finding is kept (what `pcdk import` found); printed with it. */
  readonly note?: string;
}
