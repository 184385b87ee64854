/** A tiny argument reader for our commands: `--name value`, `--flag`, and positional arguments. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq !== -1) {
        options.set(a.slice(2, eq), a.slice(eq + 1));
      } else if (flags.includes(a.slice(2))) {
        options.set(a.slice(2), true);
      } else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new Error(`thiếu giá trị cho ${a}`);
        options.set(a.slice(2), next);
        i++;
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Print a message for a wrong invocation and exit with status 2. */
export function usage(message: string, help: string): never {
  process.stderr.write(`${message}\n\n${help}\n`);
  process.exit(2);
}

/** Parse the process's arguments, or print what is wrong with them and the help, and exit with status 2. */
export function parseCommandLine(help: string, flags: readonly string[] = []): ParsedArgs {
  try {
    return parseArgs(process.argv.slice(2), flags);
  } catch (err) {
    usage((err as Error).message, help);
  }
}
