/**
 * Why `add` or `remove` will not touch a project, in the user's language: the CLI prints it and exits 1.
 * Thrown before anything is written, or after everything written was rolled back.
 */
export class AddRefusal extends Error {
  override readonly name = 'AddRefusal';
}
