// .vscode/launch.json and tasks.json (F5) against the repository: every task a launch or a task
// depends on exists, npm tasks name scripts that exist, and the files they point at are the ones
// the build and the test compiler write.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

/** Reads a JSON file with `//` comments on lines of their own, as VS Code's files allow. */
function readJsonc(file: string) {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
}

interface Launch {
  name: string;
  type: string;
  program?: string;
  args?: string[];
  preLaunchTask?: string;
}
interface Task {
  label?: string;
  type?: string;
  script?: string;
  dependsOn?: string[];
}

/** The problems of a launch configuration and its tasks; empty when F5 can run them. */
function launchProblems(launches: Launch[], tasks: Task[], scripts: Record<string, string>): string[] {
  const out: string[] = [];
  const names = new Map(tasks.map((t) => [t.label ?? (t.type === 'npm' ? `npm: ${t.script}` : ''), t]));
  for (const t of tasks) {
    if (t.type === 'npm' && !(t.script! in scripts)) out.push(`task npm: ${t.script}: no such npm script`);
    for (const d of t.dependsOn ?? []) if (!names.has(d)) out.push(`task ${t.label}: depends on "${d}", which tasks.json does not define`);
  }
  for (const l of launches) {
    if (l.preLaunchTask && !names.has(l.preLaunchTask)) out.push(`${l.name}: preLaunchTask "${l.preLaunchTask}" is not in tasks.json`);
    // What the launch loads must be what the build (dist/) or the test compiler (out/) writes.
    for (const p of [l.program, ...(l.args ?? [])].filter((a): a is string => !!a && a.includes('${workspaceFolder}/'))) {
      const file = p.replace(/^--[\w-]+=/, '').replace('${workspaceFolder}/', '');
      const known = /^(dist\/|out\/|node_modules\/mocha\/|samples$|\.vscode-test\/workspace$)/.test(file);
      if (!known) out.push(`${l.name}: ${file} is not written by the build or the test compiler`);
    }
  }
  if (!launches.some((l) => l.type === 'extensionHost' && l.args?.some((a) => a.startsWith('--extensionTestsPath=')))) {
    out.push('no launch runs the integration suite (--extensionTestsPath)');
  }
  return out;
}

describe('launch configurations (F5)', () => {
  const { configurations } = readJsonc('.vscode/launch.json') as { configurations: Launch[] };
  const { tasks } = readJsonc('.vscode/tasks.json') as { tasks: Task[] };
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  it('name tasks and scripts that exist, and files the build writes', () => {
    assert.deepStrictEqual(launchProblems(configurations, tasks, scripts), []);
    assert.deepStrictEqual(configurations.map((c) => c.name).slice(0, 2), ['Run Extension', 'Extension Tests']);
  });

  it('point the integration launch at the compiled suite the test compiler writes', () => {
    const tests = configurations.find((c) => c.name === 'Extension Tests')!;
    const arg = tests.args!.find((a) => a.startsWith('--extensionTestsPath='))!;
    assert.strictEqual(arg, '--extensionTestsPath=${workspaceFolder}/out/test/integration/index');
    assert.ok(readFileSync(path.join(ROOT, 'test/integration/index.ts'), 'utf8').includes('export async function run()'));
  });

  it('report a missing task, a missing script and an unknown file (the check can fail)', () => {
    const broken: Launch[] = [{ name: 'X', type: 'node', program: '${workspaceFolder}/src/cli.ts', preLaunchTask: 'npm: nothing' }];
    assert.deepStrictEqual(
      launchProblems(
        broken,
        [
          { type: 'npm', script: 'nothing' },
          { label: 'both', dependsOn: ['gone'] },
        ],
        scripts,
      ),
      [
        'task npm: nothing: no such npm script',
        'task both: depends on "gone", which tasks.json does not define',
        'X: src/cli.ts is not written by the build or the test compiler',
        'no launch runs the integration suite (--extensionTestsPath)',
      ],
    );
  });
});
