// The dashboard end to end, in Debian's headless Chromium driven by
// playwright-core: a real `spamradar serve --demo` on loopback over a
// simulated stream; the demo key typed into the page; the figures the page
// shows compared with the API's own answers; hostile spam bodies shown as
// text and never run; no request leaving the machine. Saves screenshots.
//
//   node web/tests/dashboard.test.mjs path/to/spamradar [artifact directory]
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

const [binary, artifacts = join(tmpdir(), 'spamradar-dashboard-artifacts')] = process.argv.slice(2);
if (!binary) {
  console.error('usage: dashboard.test.mjs SPAMRADAR [ARTIFACT_DIR]');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(artifacts, {recursive: true});
const work = mkdtempSync(join(tmpdir(), 'spamradar-dashboard-'));
const data = join(work, 'data');
const run = (...args) => execFileSync(binary, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

// The same number formats as the page (en-US grouping, one decimal percent).
const count = (n) => Number(n).toLocaleString('en-US');
const percent = (share) => `${(100 * share).toFixed(1)}%`;

let server;
let browser;
let failed = false;

async function startServer() {
  run('simulate', '--reports', '6000', '--out', join(work, 'stream'));
  run('import', join(work, 'stream', 'reports.jsonl'), '--data', data);
  const intakeKey = run('keys', 'create', '--role', 'intake', '--data', data).trim();
  server = spawn(binary, ['serve', '--data', data, '--port', '0', '--demo'],
    {stdio: ['ignore', 'pipe', 'pipe']});
  let out = '';
  let err = '';
  server.stdout.on('data', (chunk) => { out += chunk; });
  server.stderr.on('data', (chunk) => { err += chunk; });
  for (let i = 0; i < 600; ++i) {
    const key = /demo key[^:]*: (\S+)/.exec(out);
    const port = /"msg":"listening".*?"port":(\d+)/.exec(err);
    if (key && port) {
      const base = `http://127.0.0.1:${port[1]}`;
      for (let j = 0; j < 600; ++j) {
        const ready = await fetch(`${base}/readyz`).catch(() => null);
        if (ready && ready.ok) return {base, demoKey: key[1], intakeKey};
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`spamradar serve did not become ready:\n${out}\n${err}`);
}

async function api(base, key, path, body) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {'Authorization': `Bearer ${key}`, 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function text(page, selector) {
  return (await page.locator(selector).first().textContent()).trim();
}

async function test(name, body) {
  try {
    await body();
    console.log(`ok - ${name}`);
  } catch (error) {
    failed = true;
    console.log(`not ok - ${name}\n${error.stack}`);
  }
}

try {
  const {base, demoKey, intakeKey} = await startServer();
  browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox']});
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const outside = [];
  const pageErrors = [];
  const dialogs = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) outside.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await test('the dashboard asks for a key, then shows the overview as the API does', async () => {
    await page.goto(`${base}/`);
    await page.locator('input[name=key]').fill(demoKey);
    await page.locator('form.key-form button').click();
    await page.locator('[data-test=campaigns]').waitFor();
    const stats = await api(base, demoKey, '/v1/stats?limit=10');
    assert.equal(await text(page, '[data-test=reports]'), count(stats.reports));
    assert.equal(await text(page, '[data-test=reporters]'), count(stats.reporters.distinct));
    assert.equal(await text(page, '[data-test=campaign-count]'), count(stats.campaigns_in_scope));
    const rows = page.locator('table[data-test=campaigns] tbody tr');
    assert.equal(await rows.count(), stats.campaigns.length);
    for (let i = 0; i < stats.campaigns.length; ++i) {
      const cells = rows.nth(i).locator('td');
      assert.equal((await cells.nth(1).textContent()).trim(), stats.campaigns[i].name);
      assert.equal((await cells.nth(2).textContent()).trim(), count(stats.campaigns[i].reports));
      assert.equal((await cells.nth(3).textContent()).trim(), percent(stats.campaigns[i].share));
    }
    const channels = page.locator('table[data-test=channels] tbody tr');
    assert.equal(await channels.count(), Object.keys(stats.channels).length);
    assert.equal(await page.locator('canvas').count(), 2);  // daily series, channel split
    await page.screenshot({path: join(artifacts, 'dashboard-overview.png'), fullPage: true});
  });

  let top;
  await test('the top campaign\'s page shows the API\'s figures, its metros and its map', async () => {
    top = (await api(base, demoKey, '/v1/stats?limit=1')).campaigns[0];
    await page.locator('table[data-test=campaigns] [data-test=campaign-link]').first().click();
    await page.locator('[data-test=campaign-name]').waitFor();
    assert.match(page.url(), new RegExp(`#/campaign/${top.id}$`));
    const c = await api(base, demoKey, `/v1/campaigns/${top.id}`);
    assert.equal(await text(page, '[data-test=campaign-name]'), c.name);
    assert.equal(await text(page, '[data-test=campaign-reports]'), count(c.reports));
    assert.equal(await text(page, '[data-test=campaign-share]'), percent(c.share));
    assert.equal(await text(page, '[data-test=campaign-reporters]'), count(c.reporters));
    assert.equal(await text(page, '[data-test=template]'), c.template);
    assert.equal(await page.locator('[data-test=samples] li').count(), c.samples.length);
    const ranked = await api(base, demoKey, `/v1/regions?campaign=${top.id}`);
    const rows = page.locator('table[data-test=regions] tbody tr');
    assert.equal(await rows.count(), ranked.regions.length);
    assert.ok(ranked.regions.length > 0, 'no metro ranked');
    const first = rows.first().locator('td');
    assert.equal((await first.nth(1).textContent()).trim(), ranked.regions[0].region);
    assert.equal((await first.nth(3).textContent()).trim(), count(ranked.regions[0].campaign_reports));
    assert.equal((await first.nth(4).textContent()).trim(), percent(ranked.regions[0].share));
    const all = await api(base, demoKey, `/v1/regions?campaign=${top.id}&min_reports=1`);
    const located = all.regions.filter((r) => r.latitude !== undefined && r.campaign_reports > 0);
    assert.equal(await page.locator('svg.map circle.bubble').count(), located.length);
    assert.equal(await page.locator('svg.map path.nation').count(), 1);
    await page.screenshot({path: join(artifacts, 'dashboard-campaign.png'), fullPage: true});
  });

  await test('a metro\'s page shows the metro\'s figures', async () => {
    await page.locator('table[data-test=regions] tbody tr a').first().click();
    await page.locator('[data-test=title]').waitFor();
    const cbsa = /#\/metro\/(\d+)/.exec(page.url())[1];
    const stats = await api(base, demoKey, `/v1/stats?limit=10&region=${cbsa}`);
    assert.equal(await text(page, '[data-test=title]'), `Reported spam in ${stats.scope.region}`);
    assert.equal(await text(page, '[data-test=reports]'), count(stats.reports));
    assert.equal(await page.locator('table[data-test=campaigns] tbody tr').count(), stats.campaigns.length);
  });

  await test('search finds the campaign by one of its domains', async () => {
    const c = await api(base, demoKey, `/v1/campaigns/${top.id}`);
    assert.ok(c.domains.length > 0);
    await page.goto(`${base}/#/search?q=${encodeURIComponent(c.domains[0])}`);
    await page.locator('[data-test=search-results]').waitFor();
    assert.equal(await text(page, '[data-test=search-results] [data-test=campaign-link]'), c.name);
  });

  await test('the classify box gives the API\'s verdict and reasons', async () => {
    const c = await api(base, demoKey, `/v1/campaigns/${top.id}`);
    const verdict = await api(base, demoKey, '/v1/classify', {text: c.samples[0]});
    await page.goto(`${base}/#/classify`);
    await page.locator('textarea[name=text]').fill(c.samples[0]);
    await page.locator('form button[type=submit]').click();
    await page.locator('[data-test=label]').waitFor();
    assert.equal(await text(page, '[data-test=label]'), verdict.label);
    assert.equal(await page.locator('[data-test=verdict] li').count(), verdict.reasons.length);
    await page.screenshot({path: join(artifacts, 'dashboard-classify.png'), fullPage: true});
  });

  await test('the classify box names the campaign a reported sender belongs to', async () => {
    const c = await api(base, demoKey, `/v1/campaigns/${top.id}`);
    assert.ok(c.senders.length > 0);
    const message = {text: 'Are you still coming to dinner tonight?', sender: c.senders[0]};
    const verdict = await api(base, demoKey, '/v1/classify', message);
    assert.ok(verdict.campaign, 'a reported sender names a campaign');
    assert.match(verdict.campaign.evidence, /^sender /);
    await page.goto(`${base}/#/classify`);
    await page.locator('textarea[name=text]').fill(message.text);
    await page.locator('input[name=sender]').fill(message.sender);
    await page.locator('form button[type=submit]').click();
    await page.locator('[data-test=verdict-campaign]').waitFor();
    assert.equal(await text(page, '[data-test=verdict-campaign] a'), verdict.campaign.name);
    assert.ok((await text(page, '[data-test=verdict-campaign]')).includes(`(${verdict.campaign.evidence})`));
  });

  await test('hostile spam bodies are shown as text and never run', async () => {
    const bodies = [
      '<script>window.__pwned = "script"; alert(1)</script> Gucci 90% off at evil-shop.top',
      '<img src=x onerror="window.__pwned = \'img\'; alert(2)"> Gucci 90% off at evil-shop.top',
    ];
    const reports = bodies.map((body, i) => ({
      id: `xss-${i}`, reported_at: '2014-04-20T12:00:00Z', reporter: `+1212555019${i}`, body,
    }));
    await api(base, intakeKey, '/v1/reports', reports);
    const found = await api(base, demoKey, '/v1/search?q=evil-shop.top');
    assert.ok(found.matches.length > 0, 'the hostile reports form no campaign');
    await page.goto(`${base}/#/campaign/${found.matches[0].id}`);
    await page.locator('[data-test=samples]').waitFor();
    const samples = await page.locator('[data-test=samples]').textContent();
    assert.ok(samples.includes('<script>') || samples.includes('<img'), samples);
    assert.equal(await page.locator('[data-test=samples] img, [data-test=samples] script').count(), 0);
    await page.goto(`${base}/#/search?q=${encodeURIComponent('<img src=x')}`);
    await page.locator('[data-test=search-results]').waitFor();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
  });

  await test('nothing was fetched from elsewhere and no script failed', async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(pageErrors, []);
  });
} catch (error) {
  failed = true;
  console.log(`not ok - setup\n${error.stack}`);
} finally {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
  rmSync(work, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
