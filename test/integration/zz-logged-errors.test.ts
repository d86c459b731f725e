/** Runs last (files run in name order): the whole suite must not have made the extension log an error. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate } from './helpers';

describe('the output channel after the whole suite', () => {
  before(activate);
  it('has no errors logged by the extension', () => {
    const api = vscode.extensions.getExtension<{ loggedErrors: readonly string[] }>(EXTENSION_ID)!.exports;
    assert.deepStrictEqual(api.loggedErrors, []);
  });
});
