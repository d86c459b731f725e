/**
 * The web build (dist/web/extension.js, the manifest's `browser`) runs in a web worker: no Node
 * module may reach it. The bundle is checked here, and so is the lint rule that keeps Node imports
 * out of the code both builds share (eslint.config.mjs); the features themselves are tested in
 * the web worker extension host (test/web).
 */
import * as assert from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';
import { ROOT } from './helpers';

describe('web build', function () {
  this.timeout(60_000);

  describe('the bundle', () => {
    const bundle = path.join(ROOT, 'dist', 'web', 'extension.js');
    let text: string;
    before(function () {
      assert.ok(existsSync(bundle), 'dist/web/extension.js is missing: run `npm run build` first');
      text = readFileSync(bundle, 'utf8');
    });

    it('is the manifest’s browser entry', () => {
      const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { browser?: string };
      assert.strictEqual(path.normalize(manifest.browser ?? ''), path.normalize('./dist/web/extension.js'));
    });

    it('requires nothing but vscode', () => {
      const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
      assert.ok(required.includes('vscode'), 'the bundle uses the vscode API');
      assert.deepStrictEqual([...new Set(required)], ['vscode']);
    });

    it('never reads `process`, which a web worker does not have', () => {
      const uses = [...text.matchAll(/.{0,40}\bprocess\s*[.[].{0,40}/g)].map((m) => m[0]);
      assert.deepStrictEqual(uses, []);
    });
  });

  describe('the lint rule on shared code', () => {
    let eslint: ESLint;
    before(() => {
      eslint = new ESLint({ cwd: ROOT });
    });
    const source = ["import { promises as fs } from 'fs';", "import { Worker } from 'node:worker_threads';", 'export const used = [fs, Worker];', ''].join('\n');
    const restricted = async (file: string) => {
      const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
      return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
    };

    for (const file of ['src/core/example.ts', 'src/vscode/example.ts', 'src/extension.ts', 'src/extension.web.ts']) {
      it(`refuses Node modules in ${file}`, async () => {
        assert.deepStrictEqual(await restricted(file), [1, 2]);
      });
    }

    for (const file of ['src/node/example.ts', 'src/extension.node.ts', 'src/cli.ts']) {
      it(`allows them in ${file}, which only the Node build uses`, async () => {
        assert.deepStrictEqual(await restricted(file), []);
      });
    }

    it('refuses src/node in shared code', async () => {
      const [result] = await eslint.lintText("import { nodePlatform } from '../node/platform';\nexport const used = nodePlatform;\n", {
        filePath: path.join(ROOT, 'src/vscode/example.ts'),
      });
      assert.deepStrictEqual(
        result.messages.map((m) => m.ruleId),
        ['no-restricted-imports'],
      );
    });
  });
});
