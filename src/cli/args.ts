/** A tiny argument reader for our commands: `--name value`, `--flag`, and positional arguments. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
  /** `--help` or `-h` was given. */
  help: boolean;
}

/** The options a command knows: flags stand alone, values take the next argument (or `--name=value`). */
export interface OptionSpec {
  flags?: readonly string[];
  values?: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: OptionSpec = {}): ParsedArgs {
  const flags = spec.flags ?? [];
  const values = spec.values ?? [];
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--help' || a === '-h') {
      help = true;
      continue;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
    if (flags.includes(name)) {
      if (eq !== -1) throw new Error(`--${name} không nhận giá trị`);
      options.set(name, true);
    } else if (values.includes(name)) {
      if (eq !== -1) {
        options.set(name, a.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`thiếu giá trị cho --${name}`);
      options.set(name, next);
      i++;
    } else {
      throw new Error(`không có tùy chọn --${name}`);
    }
  }
  return { positional, options, help };
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

/**
 * Parse the process's arguments. `--help` prints the help and exits with status 0; a wrong invocation
 * prints what is wrong and the help, and exits with status 2.
 */
export function parseCommandLine(help: string, spec: OptionSpec = {}): ParsedArgs {
  let args: ParsedArgs;
  try {
    args = parseArgs(process.argv.slice(2), spec);
  } catch (err) {
    usage((err as Error).message, help);
  }
  if (args.help) {
    process.stdout.write(`${help}\n`);
    process.exit(0);
  }
  return args;
}
