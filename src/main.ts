// The action's entry: the main step, or — on the second run the runner makes for `post:` — the logout.
import './shims/dirname.ts';
import * as core from './action/toolkit.ts';
import { logoutStep } from './action/login.ts';
import { guardStdout } from './action/guarded-stdout.ts';
import { run } from './action/run.ts';

guardStdout();
const isPost = core.getState('isPost') === 'true';
if (isPost) {
  logoutStep();
} else {
  core.saveState('isPost', 'true');
  await run();
}
