import { chromium } from 'playwright-core';
import fs from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
page.on('console', m => fs.appendFileSync('/tmp/h/console.log', `[${m.type()}] ${m.text()}\n`));
await page.goto('http://127.0.0.1:18090/?folder=/tmp/h/w');
await page.waitForSelector('.monaco-workbench');
fs.writeFileSync('/tmp/h/ready', '1');
const AsyncFunction = Object.getPrototypeOf(async function(){}).constructor;
while (true) {
  if (fs.existsSync('/tmp/h/cmd.js')) {
    const code = fs.readFileSync('/tmp/h/cmd.js', 'utf8'); fs.rmSync('/tmp/h/cmd.js');
    let out;
    try { out = await new AsyncFunction('page', 'fs', code)(page, fs); } catch (e) { out = 'ERR ' + e.message; }
    fs.writeFileSync('/tmp/h/out.txt', typeof out === 'string' ? out : JSON.stringify(out, null, 1));
  }
  await new Promise(r => setTimeout(r, 100));
}
