import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerValidateCommand } from './validate.js';

/** Every command of `earlyhelp`, registered in the order `--help` lists them. */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerValidateCommand(program, ctx);
}
