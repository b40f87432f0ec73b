// Serves UI requests from the tests running in the extension host: a test logs
// `[redline-ui] {"id":…,"steps":[…]}` and waits for `<REDLINE_UI_DRIVER>/<id>.json`, which this
// driver writes after performing the steps on the real workbench page with playwright.
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = '[redline-ui] ';

export class UiDriver {
  constructor(page, uiDir, resultsDir) {
    this.page = page;
    this.uiDir = uiDir;
    this.resultsDir = resultsDir;
    this.queue = Promise.resolve();
  }

  /** True when the log line was a UI request (handled asynchronously, in order). */
  handles(line) {
    if (!line.startsWith(PREFIX)) return false;
    let request;
    try { request = JSON.parse(line.slice(PREFIX.length)); } catch { return false; }
    this.queue = this.queue.then(() => this.serve(request));
    return true;
  }

  async serve(request) {
    const results = [];
    let error;
    for (const step of request.steps ?? []) {
      try {
        results.push(await this.perform(step));
      } catch (e) {
        error = `${step.action} ${step.selector ?? step.key ?? ''}: ${e instanceof Error ? e.message.split('\n')[0] : e}`;
        await this.page.screenshot({ path: path.join(this.resultsDir, `${request.id}-failed.png`) }).catch(() => {});
        break;
      }
    }
    const file = path.join(this.uiDir, `${request.id}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ok: !error, error, results }));
    fs.renameSync(`${file}.tmp`, file);
  }

  /** The page itself, or the first frame (e.g. inside a webview) that holds the selector. */
  async target(step) {
    if (step.frame !== 'webview') return this.page;
    const end = Date.now() + (step.timeoutMs ?? 10000);
    while (Date.now() < end) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        if (await frame.$(step.selector).catch(() => null)) return frame;
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error('no webview frame holds the selector');
  }

  async perform(step) {
    const timeout = step.timeoutMs ?? 10000;
    switch (step.action) {
      case 'waitFor': {
        const t = await this.target(step);
        await t.locator(step.selector).first().waitFor({ state: 'visible', timeout });
        return { text: (await t.locator(step.selector).first().innerText()).trim() };
      }
      case 'text': {
        const t = await this.target(step);
        return { texts: await t.locator(step.selector).allInnerTexts() };
      }
      case 'html': {
        const t = await this.target(step);
        return { html: await t.locator(step.selector).first().evaluate((el) => el.outerHTML) };
      }
      case 'count': {
        const t = await this.target(step);
        return { count: await t.locator(step.selector).count() };
      }
      case 'hover': {
        const t = await this.target(step);
        await t.locator(step.selector).first().hover({ timeout });
        return {};
      }
      case 'click': {
        const t = await this.target(step);
        await t.locator(step.selector).first().click({ timeout });
        return {};
      }
      case 'press':
        await this.page.keyboard.press(step.key);
        return {};
      case 'type':
        await this.page.keyboard.type(step.text, { delay: 20 });
        return {};
      case 'wait':
        await this.page.waitForTimeout(step.ms ?? 500);
        return {};
      case 'screenshot': {
        const file = path.join(this.resultsDir, `${step.name}.png`);
        await this.page.screenshot({ path: file });
        return { file };
      }
      default:
        throw new Error(`unknown UI action ${step.action}`);
    }
  }
}
