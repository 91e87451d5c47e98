import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's arguments read by node's `util.parseArgs` (strict: an unknown option is a mistake). On
 * a mistake it prints what is wrong with the command's usage and returns undefined: exit with 2.
 */
export function commandArgs<const O extends Options>(
  command: string,
  usage: string,
  args: string[],
  options: O,
  { positionals = false }: { positionals?: boolean } = {},
) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    console.error(`nianbao ${command}: ${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}
