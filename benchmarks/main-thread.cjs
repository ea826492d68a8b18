// The longest main-thread task of a page load in Chromium with the CPU slowed four times (as Lighthouse's mobile
// run assumes), and what that task spent its time on, for several pages in alternating rounds.
// usage: node benchmarks/main-thread.cjs rounds url…   (needs puppeteer-core: benchmarks/lighthouse.sh installs it)
const path = require('path');
const os = require('os');
const puppeteer = require(path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'essaysite-lighthouse/node_modules/puppeteer-core'));

async function longestTask(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(url, { waitUntil: 'load' });
  await new Promise(resolve => setTimeout(resolve, 1500));
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  await context.close();
  // The page's renderer: of the threads named CrRendererMain, the one that ran the most.
  const busy = new Map();
  const mains = events.filter(e => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map(e => `${e.pid}:${e.tid}`);
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'RunTask' && e.ph === 'X' && mains.includes(key)) busy.set(key, (busy.get(key) || 0) + e.dur);
  }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter(e => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  const top = mine.filter(e => e.name === 'RunTask').sort((a, b) => b.dur - a.dur)[0];
  if (!top) return 'no task recorded';
  const inside = {};
  for (const e of mine) {
    if (e.name !== 'RunTask' && e.ts >= top.ts && e.ts + e.dur <= top.ts + top.dur) inside[e.name] = (inside[e.name] || 0) + e.dur;
  }
  const parts = Object.entries(inside).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`);
  return `${(top.dur / 1000).toFixed(0)} ms (${parts.join(', ')})`;
}

(async () => {
  const [rounds, ...urls] = process.argv.slice(2);
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const results = Object.fromEntries(urls.map(u => [u, []]));
  for (let r = 0; r < +rounds; r++) {
    for (const url of urls) results[url].push(await longestTask(browser, url));
  }
  await browser.close();
  for (const url of urls) console.log(`${url}\n  ${results[url].join('\n  ')}`);
})();
