// The command lines' arguments (node:util parseArgs, strict): --help prints what the command takes and
// exits 0; an unknown option, a missing value or a stray argument is one line of error and exit code 2,
// never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** `command` as typed, without its arguments: `npm run build`. */
export function cliArgs<T extends ParseArgsConfig>(command: string, config: T, help: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(help.trim());
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args, strict: true }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'([^']+)'/.exec(message)?.[1];
    const what =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option "${option}"`
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? `unexpected argument "${option}"`
          : message.split('\n')[0];
    console.error(`${what}. See ${command} -- --help.`);
    process.exit(2);
  }
}
