#!/usr/bin/env node
import './shims/dirname.ts';
// The pullcheck command line. Sets process.exitCode rather than calling process.exit(), so a large
// report written to a pipe is never cut short.
import { runCli } from './cli/command.ts';

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (error) {
  // Only a bug lands here: user errors are reported by runCli with exit status 2.
  process.stderr.write(`pullcheck: internal error: ${(error as Error).message}\n`);
  if (process.env['PULLCHECK_DEBUG']) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 3;
}
