/**
 * pcdk's one error model. Every failure the tool expects (a user mistake, an input it cannot
 * read, a failure a command has already reported) is a PcdkError; the CLI prints those in one
 * place (cli/main.ts) as `pcdk: <message>` with exit code 1, and treats anything else as a bug.
 *
 * The subclasses that belong to one module (RecordError, DiffInputError, DescriptorLoadError,
 * ZipReadError, ProjectConfigError) are declared next to the code that throws them: they are part
 * of that module's API, and its callers already import them from there. This file holds the base
 * and the errors that belong to no module in particular.
 */

/**
 * Marks a PcdkError. A registered symbol (Symbol.for), not a module-local one: the registry is
 * shared by every realm, so an error made by a copy of pcdk loaded in another realm (a vm context,
 * a test runner's sandbox) or by a second copy of the package is still recognised where
 * `instanceof` says no.
 */
const PCDK_ERROR = Symbol.for('pcdk.error');

export class PcdkError extends Error {
  // Widened to string so that each subclass can declare its own literal name.
  override name: string = 'PcdkError';

  static {
    // On the prototype, not each instance: the brand stays out of the error's own properties
    // (what util.inspect and jest print) and costs nothing per error.
    Object.defineProperty(PcdkError.prototype, PCDK_ERROR, { value: true });
  }

  /**
   * True when the command already printed why it failed (diagnostics), so the CLI prints nothing
   * more. A getter, not a field, for the same reason as the brand.
   */
  get reported(): boolean {
    return false;
  }
}

/** True for any PcdkError, from this copy of pcdk or another one, in this realm or another. */
export function isPcdkError(e: unknown): e is PcdkError {
  return (
    e instanceof PcdkError ||
    (typeof e === 'object' && e !== null && (e as { [PCDK_ERROR]?: unknown })[PCDK_ERROR] === true)
  );
}

/** A mistake on the user's side (a bad option, a missing file), printed as `pcdk: <message>`. */
export class UserError extends PcdkError {
  override name = 'UserError' as const;
}

/** The command already printed why it failed (diagnostics); the CLI only exits with code 1. */
export class ReportedFailure extends PcdkError {
  override name = 'ReportedFailure' as const;

  override get reported(): boolean {
    return true;
  }
}
