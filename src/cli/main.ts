import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { CliUsageError } from './context.js';
import { createNodeContext } from './context-node.js';
import { registerCommands } from './commands/index.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The `earlyhelp` command line: maps argv onto the library and sets the exit status
 * (0 done, 2 invalid use, cohort or configuration, 1 any other failure).
 */
export async function main(argv: string[]): Promise<number> {
  const ctx = createNodeContext();
  const program = new Command('earlyhelp')
    .description('Early Help evaluation workbench: validate, cluster, progress, outcomes, trees and publishable reports')
    .version(pkg.version)
    .exitOverride()
    .showHelpAfterError('(run earlyhelp --help for usage)');
  registerCommands(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      // An unknown option, a missing argument: invalid use (commander has printed why).
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliUsageError) {
      for (const line of e.problems) process.stderr.write(`${line}\n`);
      if (e.message) process.stderr.write(`earlyhelp: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`earlyhelp: ${message.split('\n')[0]}\n`);
    if (process.env.EARLYHELP_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
