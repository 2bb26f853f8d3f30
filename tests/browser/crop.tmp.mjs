// Shows a region of a big PNG at 1:1 by loading it in a page and clipping.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
const [,, file, out, x, y, w, h] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
const data = (await readFile(file)).toString('base64');
await page.setContent(`<body style="margin:0"><img id=i src="data:image/png;base64,${data}" style="position:absolute;left:-${x}px;top:-${y}px">`);
await page.waitForFunction(() => document.getElementById('i').complete);
await page.screenshot({ path: out });
await browser.close();
