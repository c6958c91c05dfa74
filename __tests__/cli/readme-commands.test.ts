// Every command `pullcheck --help` lists has its README section, and every option its own --help prints
// is documented there: a new command or flag cannot ship undocumented.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runCliInProcess } from '../helpers/cli-formats.ts';
import { USAGE } from '../../src/cli/command.ts';

const README = readFileSync('README.md', 'utf8');
const COMMANDS = [...USAGE.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((match) => match[1]!);

/** The README text from the command's heading to the next heading of the same or a higher level. */
function sectionOf(command: string): string | undefined {
  const heading = new RegExp(`^(#{2,3}) .*\`pullcheck ${command}\``, 'm').exec(README);
  if (!heading) return undefined;
  const rest = README.slice(heading.index + heading[0].length);
  const next = new RegExp(`^#{2,${heading[1]!.length}} `, 'm').exec(rest);
  return rest.slice(0, next ? next.index : undefined);
}

test('pullcheck --help lists the commands this test reads', () => {
  assert.deepEqual(COMMANDS, ['check', 'schema', 'init', 'permissions', 'explain']);
});

for (const command of COMMANDS) {
  test(`${command}: its usage is in the README's command line, and every option its --help prints is documented`, async () => {
    const commandLine = README.slice(README.indexOf('## Command line'), README.indexOf('### JSON report'));
    assert.match(
      commandLine,
      new RegExp(`^pullcheck ${command}\\b`, 'm'),
      `pullcheck ${command} in the synopsis`,
    );
    const help = await runCliInProcess([command, '--help']);
    assert.equal(help.code, 0);
    // check's options are the "Command line" table; the others have their own section.
    const documented = command === 'check' || command === 'schema' ? commandLine : sectionOf(command);
    assert.ok(documented, `a README section headed \`pullcheck ${command}\``);
    for (const [option] of help.stdout.matchAll(/--[a-z][a-z-]+/g)) {
      if (option === '--help') continue;
      assert.ok(documented.includes(option), `${command} ${option} is not in its README section`);
    }
  });
}
