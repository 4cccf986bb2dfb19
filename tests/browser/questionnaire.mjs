// Browser test of the skillgauge web page in headless Chromium (Debian's `chromium`),
// driven by playwright-core. See README.md beside this file.
//
//   SKILLGAUGE_URL=http://127.0.0.1:8080 node tests/browser/questionnaire.mjs
//
// It fills in the questionnaire by keyboard and clicks, submits it, checks the report
// (readiness, blockers, the two-track plan timeline with a bar per item and its
// milestones), reads the personal link, reopens it, takes the assessment again with
// higher ratings, reloads the link and checks the progress chart has two points per level.
// Screenshots go to target/screenshots/. Exit status 0 only when every check passed.

import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GLOBAL_TIMEOUT_MS = Number(process.env.SKILLGAUGE_BROWSER_TIMEOUT_MS || 90_000);
const STEP_TIMEOUT_MS = 15_000;
const SCALE = ['none', 'novice', 'advanced_beginner', 'competent', 'proficient', 'expert'];
// A graduate: ready for entry level, with gaps on both the study and the work track.
const FIRST_RATINGS = {
  'programming-languages': 'competent',
  'databases-data-modeling': 'advanced_beginner',
  'apis-integration': 'advanced_beginner',
  security: 'novice',
  'problem-solving-debugging': 'competent',
  'attention-to-detail': 'advanced_beginner',
  communication: 'competent',
};

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const shotDir = path.resolve(process.env.SKILLGAUGE_SCREENSHOTS || path.join(repoRoot, 'target', 'screenshots'));

let passed = 0;
let failed = 0;
let context = null;
let profileDir = null;

function fail(message) {
  throw new Error(message);
}

function assert(condition, message) {
  if (!condition) fail(message);
}

async function check(name, fn) {
  try {
    const value = await fn();
    passed += 1;
    console.log(`ok ${passed} - ${name}`);
    return value;
  } catch (err) {
    failed += 1;
    console.log(`not ok - ${name}`);
    throw err;
  }
}

async function cleanup() {
  if (context) await context.close().catch(() => {});
  context = null;
  if (profileDir) await rm(profileDir, { recursive: true, force: true }).catch(() => {});
}

const watchdog = setTimeout(async () => {
  console.error(`browser test: timed out after ${GLOBAL_TIMEOUT_MS / 1000} s`);
  console.log(`browser: ${passed} passed, ${failed + 1} failed`);
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 3000))]);
  process.exit(1);
}, GLOBAL_TIMEOUT_MS);

function watch(page, base, problems) {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('about:')) return;
    if (new URL(url).origin !== base.origin) problems.push(`request to another origin: ${url}`);
  });
}

async function noProblems(problems) {
  assert(problems.length === 0, `the page reported problems:\n  ${problems.join('\n  ')}`);
}

async function noHorizontalScroll(page, width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(scrollWidth <= width + 1, `the page is ${scrollWidth} px wide in a ${width} px viewport`);
}

async function submitAndWait(page, pathPattern, submit) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && pathPattern.test(new URL(r.url()).pathname), { timeout: STEP_TIMEOUT_MS }),
    submit(),
  ]);
  const body = await response.json().catch(() => null);
  assert(response.status() === 201, `POST ${new URL(response.url()).pathname} answered ${response.status()}: ${JSON.stringify(body)}`);
  assert(body && body.report, 'the stored assessment has no report');
  return body;
}

async function checkReport(page, report) {
  const readiness = page.locator('#readiness');
  await readiness.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const text = await readiness.innerText();
  const expected = report.readiness ? `ready for ${report.readiness_name}` : 'not yet ready';
  assert(text.includes(expected), `readiness says "${text}", expected it to contain "${expected}"`);

  // Blockers in plain words, with names.
  for (const b of report.blockers) {
    const blocker = page.locator('.blockers li', { hasText: `${b.name}: you rate yourself` });
    assert(await blocker.count() === 1, `no blocker line for ${b.name}`);
    const line = await blocker.innerText();
    assert(line.includes(`${report.target_name} asks for`), `blocker line "${line}" does not name the target level`);
  }

  // The timeline: both lanes, a bar per plan item labelled with its title, the milestones.
  const plan = report.plan;
  for (const track of ['study', 'work']) {
    const lane = page.locator(`.tl-lane[data-track="${track}"]`);
    assert(await lane.isVisible(), `the ${track} lane is not visible`);
  }
  const bars = page.locator('#timeline .tl-bar');
  assert(await bars.count() === plan.items.length, `the timeline has ${await bars.count()} bars for ${plan.items.length} plan items`);
  const timelineBox = await page.locator('#timeline .tl-body').boundingBox();
  for (const item of plan.items) {
    const row = page.locator(`.tl-lane[data-track="${item.track}"] .tl-item[data-step="${item.step}"]`);
    assert(await row.count() === 1, `no timeline row for "${item.title}" in the ${item.track} lane`);
    const title = (await row.locator('.tl-title').innerText()).trim();
    assert(title === item.title, `the bar of ${item.step} is labelled "${title}", not "${item.title}"`);
    const bar = row.locator('.tl-bar');
    assert(await bar.isVisible(), `the bar of "${item.title}" is not visible`);
    const box = await bar.boundingBox();
    assert(box && box.width >= 4 && box.height >= 8, `the bar of "${item.title}" is too small`);
    assert(box.x >= timelineBox.x - 1 && box.x + box.width <= timelineBox.x + timelineBox.width + 1,
      `the bar of "${item.title}" sticks out of the timeline`);
    const meta = await row.locator('.tl-meta').innerText();
    const weeks = item.start_week === item.end_week ? `week ${item.start_week}` : `weeks ${item.start_week}–${item.end_week}`;
    assert(meta.includes(weeks), `"${item.title}" says "${meta}", expected ${weeks}`);
  }
  // Bars are placed by their weeks: a later start is further right.
  const byStart = [...plan.items].sort((a, b) => a.start_week - b.start_week);
  if (byStart.length > 1 && byStart[0].start_week < byStart[byStart.length - 1].start_week) {
    const first = await page.locator(`.tl-item[data-step="${byStart[0].step}"] .tl-bar`).boundingBox();
    const last = await page.locator(`.tl-item[data-step="${byStart[byStart.length - 1].step}"] .tl-bar`).boundingBox();
    assert(first.x < last.x, 'bars are not placed by their start week');
  }
  const milestones = page.locator('#timeline .tl-milestone');
  assert(await milestones.count() === plan.milestones.length, `${await milestones.count()} milestones shown for ${plan.milestones.length} in the plan`);
  for (const m of plan.milestones) {
    const marker = page.locator(`#timeline .tl-milestone[data-level="${m.level}"]`);
    assert(await marker.isVisible(), `milestone ${m.name} is not visible`);
    const t = await marker.innerText();
    assert(t.includes(m.name) && t.includes(`week ${m.week}`), `milestone says "${t}"`);
  }
  // Habits beside the timeline, and the deadline verdict.
  for (const h of plan.habits) {
    const habit = page.locator('#habits li', { hasText: h.title });
    assert(await habit.isVisible(), `habit "${h.title}" is not listed`);
    assert((await habit.innerText()).includes('a week'), `habit "${h.title}" has no hours a week`);
  }
  if (plan.deadline) {
    assert(await page.locator('#deadline').isVisible(), 'no deadline verdict');
  }
}

async function main() {
  const raw = process.env.SKILLGAUGE_URL;
  if (!raw) fail('set SKILLGAUGE_URL to the server, e.g. http://127.0.0.1:8080');
  const base = new URL(raw.endsWith('/') ? raw : `${raw}/`);
  await mkdir(shotDir, { recursive: true });
  profileDir = await mkdtemp(path.join(tmpdir(), 'skillgauge-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const problems = [];
  const page = context.pages()[0] || await context.newPage();
  watch(page, base, problems);

  // 1. The questionnaire.
  const skills = await check('the questionnaire loads with every skill and its descriptors', async () => {
    await page.goto(new URL('/', base).href, { waitUntil: 'domcontentloaded' });
    await page.locator('#skills fieldset.skill').first().waitFor({ state: 'visible' });
    const ids = await page.locator('#skills fieldset.skill').evaluateAll((nodes) => nodes.map((n) => n.dataset.skill));
    assert(ids.length >= 1, 'no skills');
    for (const [i] of ids.entries()) {
      const fieldset = page.locator('#skills fieldset.skill').nth(i);
      assert(await fieldset.locator('legend').innerText() !== '', 'a skill has no legend');
      assert(await fieldset.locator('input[type="radio"]').count() === SCALE.length, 'a skill does not offer six choices');
    }
    // Every radio has a label with the descriptor sentence.
    const security = page.getByRole('radio', { name: /Novice.*passwords must be hashed/ });
    assert(await security.count() === 1, 'the descriptor sentence is not the label of its choice');
    const levels = await page.locator('#target-level option').allInnerTexts();
    assert(levels.includes('Mid-level'), `the target level select offers ${levels.join(', ')}`);
    return ids;
  });

  await check('the questionnaire can be filled in by keyboard and clicks', async () => {
    // Keyboard: focus the first choice of the first skill and move with the arrow keys.
    const firstSkill = skills[0];
    const firstWanted = FIRST_RATINGS[firstSkill] || 'competent';
    const first = page.locator(`input[name="rating-${firstSkill}"]`).first();
    await first.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < SCALE.indexOf(firstWanted); i += 1) await page.keyboard.press('ArrowDown');
    const chosen = await page.locator(`input[name="rating-${firstSkill}"]:checked`).getAttribute('value');
    assert(chosen === firstWanted, `the arrow keys chose ${chosen}, not ${firstWanted}`);
    const focusVisible = await page.evaluate(() => {
      const label = document.activeElement && document.activeElement.nextElementSibling;
      return label ? getComputedStyle(label).outlineStyle : 'none';
    });
    assert(focusVisible !== 'none', 'the focused choice has no visible focus outline');
    // Clicks on the labels for the others.
    for (const skill of skills.slice(1)) {
      const wanted = FIRST_RATINGS[skill] || 'advanced_beginner';
      await page.locator(`fieldset.skill[data-skill="${skill}"] input[value="${wanted}"] + label`).click();
      const value = await page.locator(`input[name="rating-${skill}"]:checked`).getAttribute('value');
      assert(value === wanted, `clicking chose ${value} for ${skill}, not ${wanted}`);
    }
    await page.getByLabel('Deadline in weeks').fill('52');
  });

  await page.screenshot({ path: path.join(shotDir, 'questionnaire.png'), fullPage: true });

  await check('a bad hours value is shown next to its field', async () => {
    const hours = page.getByLabel('Hours a week you can study');
    await hours.fill('0');
    await page.locator('#submit').click();
    const error = page.locator('#hours-per-week-error');
    await error.waitFor({ state: 'visible' });
    assert((await error.innerText()).includes('1 to 168'), 'the hours error does not say what is allowed');
    assert(await hours.getAttribute('aria-invalid') === 'true', 'the hours field is not marked invalid');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    assert(focused === 'hours-per-week', `focus went to ${focused}, not the field in error`);
    await hours.fill('10');
  });

  await check('an error from the server (problem+json) is shown next to its field', async () => {
    // Send a deadline the page itself would refuse, to see the server's answer.
    await page.route('**/v1/links', async (route) => {
      const body = JSON.parse(route.request().postData() || '{}');
      body.preferences = { ...body.preferences, deadline_weeks: 5000 };
      await route.continue({ postData: JSON.stringify(body) });
    }, { times: 1 });
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/links'),
      page.locator('#submit').click(),
    ]);
    assert(response.status() === 400, `the server answered ${response.status()} to a deadline of 5000 weeks`);
    assert((response.headers()['content-type'] || '').includes('application/problem+json'), 'the error is not problem+json');
    const error = page.locator('#deadline-weeks-error');
    await error.waitFor({ state: 'visible' });
    const text = await error.innerText();
    assert(text.includes('5000') && !text.includes('preferences.') && !text.includes('line 1'), `the deadline error reads "${text}"`);
    assert(await page.locator('#form-error').isVisible(), 'no summary of the error above the form');
    await page.unrouteAll();
    assert(await page.locator('#report').isHidden(), 'a refused assessment must not show a report');
    // Chromium logs the expected 400 on the console: that one is no problem.
    const expected = problems.findIndex((p) => p.includes('status of 400'));
    if (expected >= 0) problems.splice(expected, 1);
  });

  await page.locator('fieldset.goal').screenshot({ path: path.join(shotDir, 'questionnaire-error.png') });

  // 2. Submit and see the report.
  const first = await check('submitting shows the readiness, the blockers and the plan timeline', async () => {
    const stored = await submitAndWait(page, /^\/v1\/links$/, async () => {
      await page.locator('#submit').focus();
      await page.keyboard.press('Enter');
    });
    assert(/^[0-9a-f]{32}$/.test(stored.link || ''), `the new link is ${stored.link}`);
    const plan = stored.report.plan;
    assert(plan.items.some((i) => i.track === 'study') && plan.items.some((i) => i.track === 'work'),
      'this profile should give a plan on both tracks');
    assert(plan.milestones.length >= 1, 'this profile should give a milestone');
    await checkReport(page, stored.report);
    const security = stored.report.blockers.find((b) => b.skill === 'security');
    if (security) {
      const line = await page.locator('.blockers li', { hasText: 'Security:' }).innerText();
      assert(line.startsWith('Security: you rate yourself a novice; Mid-level asks for advanced beginner'), `blocker reads "${line}"`);
    }
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    assert(focused === 'report-heading', `focus is on ${focused}, not the report heading`);
    return stored;
  });
  await page.locator('#report').screenshot({ path: path.join(shotDir, 'report.png') });
  await page.screenshot({ path: path.join(shotDir, 'report-page.png'), fullPage: true });

  // 3. The personal link.
  const link = await check('the personal link is shown, with a privacy note', async () => {
    const input = page.locator('#personal-link');
    await input.waitFor({ state: 'visible' });
    const value = await input.inputValue();
    assert(value === new URL(`/#link=${first.link}`, base).href, `the link reads ${value}`);
    assert((await page.locator('#link-note').innerText()).toLowerCase().includes('private'), 'no privacy note');
    return value;
  });

  const page2 = await context.newPage();
  watch(page2, base, problems);
  const latest = await check('reopening the link shows the latest report and the history', async () => {
    await page2.goto(link, { waitUntil: 'domcontentloaded' });
    await page2.locator('#history-body tr').first().waitFor({ state: 'visible' });
    assert(await page2.locator('#history-body tr').count() === 1, 'the history should have one assessment');
    await checkReport(page2, first.report);
    assert(await page2.locator('.chart-point').count() === first.report.levels.length, 'one point per level expected');
    assert(await page2.locator('#questionnaire').isHidden(), 'the questionnaire should wait for "Take it again"');
    return first.report;
  });

  await check('"Take it again" pre-fills the latest ratings; higher ratings are stored', async () => {
    await page2.getByRole('button', { name: 'Take it again' }).click();
    await page2.locator('#questionnaire').waitFor({ state: 'visible' });
    for (const s of latest.skills) {
      const value = await page2.locator(`input[name="rating-${s.skill}"]:checked`).getAttribute('value');
      assert(value === (s.self_rating || s.rating), `${s.skill} is pre-filled with ${value}, not ${s.rating}`);
    }
    assert(await page2.getByLabel('Deadline in weeks').inputValue() === '52', 'the deadline is not pre-filled');
    for (const skill of skills) {
      const value = await page2.locator(`input[name="rating-${skill}"]:checked`).getAttribute('value');
      const next = SCALE[Math.min(SCALE.length - 1, SCALE.indexOf(value) + 1)];
      await page2.locator(`fieldset.skill[data-skill="${skill}"] input[value="${next}"] + label`).click();
    }
    const stored = await submitAndWait(page2, /^\/v1\/links\/[0-9a-f]{32}\/assessments$/, () => page2.getByRole('button', { name: 'See my report' }).click());
    // The page then loads the history again: wait for it before looking.
    await page2.locator('#history-body tr').nth(1).waitFor({ state: 'attached' });
    assert(await page2.locator('#questionnaire').isHidden(), 'the questionnaire should close once the report is shown');
    await checkReport(page2, stored.report);
  });

  await check('reloading the link shows the progress chart with two points per level', async () => {
    await page2.reload({ waitUntil: 'domcontentloaded' });
    await page2.locator('#progress-chart').waitFor({ state: 'visible' });
    assert(await page2.locator('#history-body tr').count() === 2, 'the history should have two assessments');
    const title = await page2.locator('#progress-chart title#chart-title').textContent();
    const desc = await page2.locator('#progress-chart desc#chart-desc').textContent();
    assert(title && desc && desc.includes('%'), 'the chart has no accessible title and description');
    assert(await page2.locator('#progress-chart').getAttribute('role') === 'img', 'the chart is not role=img');
    for (const level of latest.levels) {
      const points = page2.locator(`#progress-chart .chart-point[data-level="${level.level}"]`);
      assert(await points.count() === 2, `${level.name} has ${await points.count()} points, not 2`);
      const fits = await points.evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.fit)));
      assert(fits[1] >= fits[0], `${level.name} fit went down after raising every rating`);
      assert(await page2.locator(`#chart-legend li[data-level="${level.level}"]`).isVisible(), `no legend entry for ${level.name}`);
    }
    assert(await page2.locator('#progress-chart .chart-line').count() === latest.levels.length, 'one line per level expected');
  });
  await page2.locator('#progress').screenshot({ path: path.join(shotDir, 'chart.png') });
  await page2.screenshot({ path: path.join(shotDir, 'progress-page.png'), fullPage: true });

  // 4. A phone.
  await check('the page fits a 390 px wide phone', async () => {
    const phone = await context.newPage();
    watch(phone, base, problems);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(new URL('/', base).href, { waitUntil: 'domcontentloaded' });
    await phone.locator('#skills fieldset.skill').first().waitFor({ state: 'visible' });
    await noHorizontalScroll(phone, 390);
    const size = await phone.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.choice-desc')).fontSize));
    assert(size >= 16, `descriptor text is ${size}px on a phone`);
    await phone.screenshot({ path: path.join(shotDir, 'phone-questionnaire.png'), fullPage: true });
    await phone.close();
    // A fresh page for the link: on an open page, a new #link= makes the page reload itself.
    const phoneLink = await context.newPage();
    watch(phoneLink, base, problems);
    await phoneLink.setViewportSize({ width: 390, height: 844 });
    await phoneLink.goto(link, { waitUntil: 'domcontentloaded' });
    await phoneLink.locator('#progress-chart').waitFor({ state: 'visible' });
    await phoneLink.locator('#timeline').waitFor({ state: 'visible' });
    await noHorizontalScroll(phoneLink, 390);
    await phoneLink.screenshot({ path: path.join(shotDir, 'phone-report.png'), fullPage: true });
    await phoneLink.close();
  });

  await check('no script errors and no request left the origin', () => noProblems(problems));
}

try {
  await main();
  console.log(`screenshots in ${shotDir}`);
} catch (err) {
  if (failed === 0) failed = 1;
  console.error(`browser test failed: ${err && err.stack ? err.stack : err}`);
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
