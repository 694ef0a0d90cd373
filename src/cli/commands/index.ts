import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerValidateCommand } from './validate.js';
import { registerSynthCommand } from './synth.js';
import { registerClusterCommands } from './cluster.js';
import { registerProgressCommand } from './progress.js';
import { registerOutcomesCommands } from './outcomes.js';
import { registerTreeCommand } from './tree.js';
import { registerReportCommand } from './report.js';

/** Every command of `earlyhelp`, registered in the order `--help` lists them. */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerValidateCommand(program, ctx);
  registerSynthCommand(program, ctx);
  registerClusterCommands(program, ctx);
  registerProgressCommand(program, ctx);
  registerOutcomesCommands(program, ctx);
  registerTreeCommand(program, ctx);
  registerReportCommand(program, ctx);
}
