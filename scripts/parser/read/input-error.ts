/**
 * A problem with an input file (not a bug): the build lists it with its message and goes on.
 * Messages say what is wrong and what to do, quoting what was found.
 */
export class InputError extends Error {
  override name = 'InputError';
}
