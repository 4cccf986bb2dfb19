// skillgauge web page: the questionnaire, the report with its plan timeline, and the
// progress chart for a returning person. Plain JavaScript, no build step, same-origin
// requests only. Text from the framework, the report or the person is only ever set with
// textContent or as attribute values, never parsed as HTML.
'use strict';

(function () {
  const SCALE = ['none', 'novice', 'advanced_beginner', 'competent', 'proficient', 'expert'];
  const SCALE_LABEL = {
    none: 'None',
    novice: 'Novice',
    advanced_beginner: 'Advanced beginner',
    competent: 'Competent',
    proficient: 'Proficient',
    expert: 'Expert',
  };
  // "you rate yourself ..." for each proficiency.
  const RATED_AS = {
    none: 'you rate yourself at none',
    novice: 'you rate yourself a novice',
    advanced_beginner: 'you rate yourself an advanced beginner',
    competent: 'you rate yourself competent',
    proficient: 'you rate yourself proficient',
    expert: 'you rate yourself an expert',
  };
  const TIER_TEXT = {
    ready: 'ready',
    near: 'nearly there',
    stretch: 'a stretch',
    aspirational: 'a long way off',
  };
  const KIND_TEXT = {
    learn: 'learn',
    build: 'build',
    credential: 'credential',
    experience: 'work experience',
    habit: 'habit',
  };
  // Okabe–Ito colours (distinguishable with colour-blindness), each with its own dash
  // pattern and marker shape so colour is never the only cue.
  const SERIES = [
    { color: '#0072B2', dash: '', shape: 'circle' },
    { color: '#D55E00', dash: '7 4', shape: 'square' },
    { color: '#007A5A', dash: '2 4', shape: 'triangle' },
    { color: '#AA4499', dash: '10 4 2 4', shape: 'diamond' },
    { color: '#8A6100', dash: '4 2', shape: 'circle' },
    { color: '#333333', dash: '1 3', shape: 'square' },
  ];
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const LINK_RE = /^[0-9a-f]{32}$/;
  const REQUEST_TIMEOUT_MS = 20000;

  const state = {
    framework: null,
    link: null,
    linkData: null,
    history: [],
    busy: false,
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.setAttribute('class', value);
      else if (key === 'text') node.textContent = String(value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function announce(message) {
    const status = $('status');
    status.textContent = '';
    // A fresh text node after a tick makes screen readers announce repeated messages too.
    window.setTimeout(() => { status.textContent = message; }, 50);
  }

  function label(proficiency) {
    return SCALE_LABEL[proficiency] || String(proficiency);
  }

  function lower(proficiency) {
    return label(proficiency).toLowerCase();
  }

  function percent(fit) {
    return Math.round(Math.max(0, Math.min(1, Number(fit) || 0)) * 100);
  }

  function plural(n, one, many) {
    return n === 1 ? one : many;
  }

  function formatNumber(n) {
    return Number(n).toLocaleString('en');
  }

  function formatDate(iso, withTime) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return String(iso);
    const options = { year: 'numeric', month: 'short', day: 'numeric' };
    if (withTime) { options.hour = '2-digit'; options.minute = '2-digit'; }
    return date.toLocaleString('en-GB', options);
  }

  function weeksText(n) {
    return `${formatNumber(n)} ${plural(n, 'week', 'weeks')}`;
  }

  function hoursText(n) {
    return `${formatNumber(n)} ${plural(n, 'hour', 'hours')}`;
  }

  // ---------------------------------------------------------------- HTTP

  class ApiError extends Error {
    constructor(message, status, field) {
      super(message);
      this.status = status;
      this.field = field || null;
    }
  }

  async function api(method, path, body) {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    const init = {
      method,
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
      signal: controller.signal,
    };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (err) {
      const timedOut = err && err.name === 'AbortError';
      throw new ApiError(timedOut
        ? 'The server took too long to answer. Please try again.'
        : 'Could not reach the server. Check your connection and try again.', 0);
    } finally {
      window.clearTimeout(timer);
    }
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try { data = await response.json(); } catch (_) { data = null; }
    }
    if (!response.ok) {
      throw problemError(response.status, data);
    }
    if (data === null) throw new ApiError('The server sent an answer this page does not understand.', response.status);
    return data;
  }

  function problemError(status, problem) {
    const detail = problem && (problem.detail || problem.title);
    const field = problem && typeof problem.field === 'string' ? problem.field : null;
    let message;
    if (status === 404) message = 'Not found.';
    else if (status === 413) message = 'Your answers are too large to send.';
    else if (status === 401 || status === 403) message = 'The server did not allow this request.';
    else if (status === 429) message = 'Too many requests just now. Please wait a moment and try again.';
    else if (status >= 500) message = 'Something went wrong on the server. Please try again in a moment.';
    else if (detail) message = plainDetail(String(detail), field);
    else message = 'The server could not accept your answers.';
    return new ApiError(message, status, field);
  }

  // "preferences.deadline_weeks: 5000 is outside 1-1040 (line 1, column 30)" becomes
  // "5000 is outside 1-1040." when shown next to the deadline field.
  function plainDetail(detail, field) {
    let text = detail.replace(/\s*\(line \d+, column \d+\)\s*$/, '');
    if (field && text.startsWith(`${field}: `)) text = text.slice(field.length + 2);
    return sentence(text);
  }

  // ---------------------------------------------------------------- framework

  async function loadFramework() {
    // The page has no API key: the built-in framework is public at /v1/public/framework.
    // The keyed route is a fallback for deployments that put a key in front of the page.
    const routes = ['/v1/public/framework', '/v1/frameworks/backend-developer'];
    let lastError = null;
    for (const route of routes) {
      try {
        const framework = await api('GET', route);
        if (framework && Array.isArray(framework.skills) && Array.isArray(framework.levels)) {
          return framework;
        }
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError || new ApiError('The questionnaire could not be loaded.', 0);
  }

  function buildQuestionnaire(framework) {
    $('framework-name').textContent = framework.name;
    const skills = $('skills');
    clear(skills);
    framework.skills.forEach((skill, index) => {
      const base = `skill-${index}`;
      const descriptors = skill.descriptors || {};
      const fieldset = el('fieldset', {
        class: 'skill',
        id: base,
        'aria-describedby': `${base}-desc ${base}-error`,
        dataset: { skill: skill.id },
      });
      fieldset.append(el('legend', null, el('span', { class: 'skill-number', text: `${index + 1}. ` }), skill.name));
      fieldset.append(el('p', { class: 'skill-desc', id: `${base}-desc`, text: skill.description || '' }));
      fieldset.append(el('p', { class: 'field-error', id: `${base}-error`, hidden: true }));
      const options = el('div', { class: 'choices' });
      SCALE.forEach((level) => {
        const id = `${base}-${level}`;
        const input = el('input', { type: 'radio', id, name: `rating-${skill.id}`, value: level });
        const sentence = descriptors[level];
        const text = el('span', { class: 'choice-text' },
          el('strong', { class: 'choice-level', text: label(level) }),
          sentence ? el('span', { class: 'choice-desc', text: sentence }) : null);
        options.append(el('div', { class: 'choice' }, input, el('label', { for: id }, text)));
      });
      fieldset.append(options);
      skills.append(fieldset);
    });

    const select = $('target-level');
    clear(select);
    select.append(el('option', { value: '', text: 'The next level up' }));
    for (const level of framework.levels) {
      select.append(el('option', { value: level.id, text: level.name }));
    }
  }

  function readAssessment() {
    const framework = state.framework;
    const ratings = {};
    for (const skill of framework.skills) {
      const checked = document.querySelector(`input[type="radio"][name="${cssEscape(`rating-${skill.id}`)}"]:checked`);
      if (checked) ratings[skill.id] = checked.value;
    }
    const preferences = {};
    const target = $('target-level').value;
    if (target) preferences.target_level = target;
    preferences.hours_per_week = Number($('hours-per-week').value);
    const deadline = $('deadline-weeks').value.trim();
    if (deadline !== '') preferences.deadline_weeks = Number(deadline);
    const assessment = { ratings, preferences };
    if (framework.id) assessment.framework = framework.id;
    return assessment;
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
  }

  function prefill(report) {
    clearErrors();
    const bySkill = new Map((report.skills || []).map((s) => [s.skill, s.self_rating || s.rating]));
    for (const skill of state.framework.skills) {
      const rating = bySkill.get(skill.id);
      const radios = document.querySelectorAll(`input[type="radio"][name="${cssEscape(`rating-${skill.id}`)}"]`);
      radios.forEach((radio) => { radio.checked = radio.value === rating; });
    }
    const plan = report.plan || {};
    if (plan.hours_per_week) $('hours-per-week').value = String(plan.hours_per_week);
    $('deadline-weeks').value = plan.deadline && plan.deadline.weeks ? String(plan.deadline.weeks) : '';
    // Keep an explicit target; the default (the level above readiness) stays "next level up".
    const levels = state.framework.levels.map((l) => l.id);
    const readinessIndex = report.readiness ? levels.indexOf(report.readiness) : -1;
    const defaultTarget = levels[Math.min(readinessIndex + 1, levels.length - 1)];
    $('target-level').value = report.target && report.target !== defaultTarget && levels.includes(report.target) ? report.target : '';
  }

  // ---------------------------------------------------------------- validation and errors

  function clearErrors() {
    const formError = $('form-error');
    formError.hidden = true;
    clear(formError);
    document.querySelectorAll('.field-error').forEach((node) => { node.hidden = true; node.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
    document.querySelectorAll('fieldset.invalid').forEach((node) => node.classList.remove('invalid'));
  }

  // Shows an error next to the field it is about; returns the element to focus.
  function fieldError(field, message) {
    const path = String(field || '');
    const simple = {
      'preferences.hours_per_week': 'hours-per-week',
      'preferences.deadline_weeks': 'deadline-weeks',
      'preferences.target_level': 'target-level',
    };
    for (const [prefix, id] of Object.entries(simple)) {
      if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) {
        const input = $(id);
        const error = $(`${id}-error`);
        error.textContent = message;
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        return input;
      }
    }
    const match = /^ratings\.([^.[\]]+)/.exec(path);
    if (match) {
      const fieldset = document.querySelector(`fieldset.skill[data-skill="${cssEscape(match[1])}"]`);
      if (fieldset) {
        const error = fieldset.querySelector('.field-error');
        error.textContent = message;
        error.hidden = false;
        fieldset.classList.add('invalid');
        return fieldset.querySelector('input:checked') || fieldset.querySelector('input');
      }
    }
    return null;
  }

  function showFormError(message, focusTarget) {
    const box = $('form-error');
    clear(box);
    box.append(el('p', null, el('strong', { text: 'Please check your answers. ' }), message));
    box.hidden = false;
    (focusTarget || box).focus();
  }

  function validate() {
    const hours = $('hours-per-week').value.trim();
    const n = Number(hours);
    if (hours === '' || !Number.isInteger(n) || n < 1 || n > 168) {
      return fieldError('preferences.hours_per_week', 'Enter the hours a week you can study as a whole number from 1 to 168.');
    }
    const deadline = $('deadline-weeks').value.trim();
    const d = Number(deadline);
    if (deadline !== '' && (!Number.isInteger(d) || d < 1 || d > 1040)) {
      return fieldError('preferences.deadline_weeks', 'Enter the deadline as a whole number of weeks from 1 to 1040, or leave it empty.');
    }
    return null;
  }

  // ---------------------------------------------------------------- submitting

  async function onSubmit(event) {
    event.preventDefault();
    if (state.busy) return;
    clearErrors();
    const invalid = validate();
    if (invalid) {
      showFormError('One answer needs changing; see the message next to it.', invalid);
      return;
    }
    const assessment = readAssessment();
    const button = $('submit');
    state.busy = true;
    button.disabled = true;
    button.textContent = 'Working out your report…';
    $('assessment-form').setAttribute('aria-busy', 'true');
    announce('Sending your answers…');
    try {
      const path = state.link ? `/v1/links/${state.link}/assessments` : '/v1/links';
      const stored = await api('POST', path, assessment);
      if (stored.link && LINK_RE.test(stored.link)) setLink(stored.link);
      renderReport(stored.report, stored.created_at);
      show($('questionnaire'), false);
      show($('again-row'), true);
      const summary = readinessSentence(stored.report);
      announce(`Your report is ready. ${summary}`);
      $('report-heading').focus();
      if (state.link) {
        try {
          await loadLinkData(stored.id);
        } catch (_) {
          // The report is shown; the history can be loaded again with the link.
        }
      }
    } catch (err) {
      const focus = err.field ? fieldError(err.field, `Not accepted: ${err.message}`) : null;
      showFormError(focus ? 'One answer needs changing; see the message next to it.' : err.message, focus);
      announce('Your answers could not be sent.');
    } finally {
      state.busy = false;
      button.disabled = false;
      button.textContent = 'See my report';
      $('assessment-form').removeAttribute('aria-busy');
    }
  }

  // ---------------------------------------------------------------- the personal link

  function readLinkFromLocation() {
    const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const query = new URLSearchParams(window.location.search);
    const raw = (hash.get('link') || query.get('link') || '').trim().toLowerCase();
    if (query.has('link')) {
      // Move the link out of the query string, so it is not sent with later requests.
      window.history.replaceState(null, '', `${window.location.pathname}${raw ? `#link=${raw}` : ''}`);
    }
    return raw || null;
  }

  function setLink(link) {
    state.link = link;
    const url = `${window.location.origin}${window.location.pathname}#link=${link}`;
    if (window.location.hash !== `#link=${link}`) {
      window.history.replaceState(null, '', `${window.location.pathname}#link=${link}`);
    }
    $('personal-link').value = url;
    show($('link-panel'), true);
  }

  async function copyLink() {
    const input = $('personal-link');
    input.focus();
    input.select();
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(input.value);
        copied = true;
      }
    } catch (_) {
      copied = false;
    }
    announce(copied ? 'Your link is copied.' : 'Your link is selected: copy it with your usual keys.');
  }

  // Loads the person's history; shows the latest report unless it is the one on screen.
  async function loadLinkData(shownId) {
    const data = await api('GET', `/v1/links/${state.link}`);
    state.linkData = data;
    if (data.latest && data.latest.report && (shownId === undefined || data.latest.id !== shownId)) {
      renderReport(data.latest.report, data.latest.created_at);
    }
    renderProgress(data);
    return data;
  }

  // ---------------------------------------------------------------- the report

  function readinessSentence(report) {
    if (report.readiness) return `You are ready for ${report.readiness_name || report.readiness}.`;
    const first = (report.levels || [])[0];
    return first ? `You are not yet ready for ${first.name}, the first level.` : 'You are not yet ready for the first level.';
  }

  // "Security: you rate yourself a novice; Mid-level asks for advanced beginner."
  function requirementItem(item, levelName) {
    const rated = RATED_AS[item.rating] || `you rate yourself ${lower(item.rating)}`;
    return el('li', null, el('strong', { text: item.name }), `: ${rated}; ${levelName} asks for ${lower(item.required)}.`);
  }

  function renderReport(report, when) {
    const body = $('report-body');
    clear(body);
    const whenNode = $('report-when');
    whenNode.textContent = when ? `Your latest assessment, taken ${formatDate(when, true)}.` : '';
    show(whenNode, Boolean(when));
    const targetName = report.target_name || report.target;

    // Readiness and score.
    const readiness = el('div', { class: 'readiness', id: 'readiness' },
      el('p', { class: 'readiness-level', text: readinessSentence(report) }),
      el('p', { class: 'score', text: `Overall score: ${report.score} out of 100.` }));
    body.append(readiness);

    // Levels and fit.
    const levels = el('ul', { class: 'levels', 'aria-label': 'How well you fit each level' });
    for (const level of report.levels || []) {
      const fit = percent(level.fit);
      levels.append(el('li', { class: `level tier-${level.tier}` },
        el('span', { class: 'level-name', text: level.name }),
        el('span', { class: 'meter', 'aria-hidden': 'true' }, meterFill(fit)),
        el('span', { class: 'level-fit', text: `${fit}% fit · ${level.met ? 'ready' : TIER_TEXT[level.tier] || level.tier}` })));
    }
    body.append(el('h3', { text: 'Fit for each level' }), levels);

    // What blocks the target.
    const blockers = report.blockers || [];
    body.append(el('h3', { id: 'blockers-heading', text: `What stands between you and ${targetName}` }));
    if (blockers.length) {
      const list = el('ul', { class: 'blockers', 'aria-labelledby': 'blockers-heading' });
      for (const b of blockers) list.append(requirementItem(b, targetName));
      body.append(list);
    }
    if (report.missing_points) {
      body.append(el('p', { text: `${targetName} also asks for ${formatNumber(report.missing_points)} more points across your skills.` }));
    }
    if (!blockers.length && !report.missing_points) {
      const met = (report.levels || []).some((l) => l.level === report.target && l.met);
      body.append(el('p', { text: met ? `Nothing: you meet every requirement of ${targetName}.` : `No single skill requirement blocks ${targetName}.` }));
    }

    // Strengths.
    const strengths = report.strengths || [];
    if (strengths.length) {
      const list = el('ul', { class: 'strengths', 'aria-labelledby': 'strengths-heading' });
      for (const s of strengths) list.append(requirementItem(s, targetName));
      body.append(el('h3', { id: 'strengths-heading', text: 'Your strengths' }), list);
    }

    // Warnings.
    const warnings = report.warnings || [];
    if (warnings.length) {
      const list = el('ul', { class: 'warnings', 'aria-labelledby': 'warnings-heading' });
      for (const w of warnings) list.append(el('li', { text: sentence(w.message) }));
      body.append(el('h3', { id: 'warnings-heading', text: 'Worth a second look' }), list);
    }

    // The plan, then the salary band.
    body.append(planBlock(report.plan || {}, targetName));
    if (report.salary) body.append(salaryBlock(report.salary));
    show($('report'), true);
  }

  function meterFill(fit) {
    const fill = el('span', { class: 'meter-fill' });
    fill.style.width = `${fit}%`;
    return fill;
  }

  function sentence(text) {
    const t = String(text || '').trim();
    if (!t) return '';
    const capital = t.charAt(0).toUpperCase() + t.slice(1);
    return /[.!?”"]$/.test(capital) ? capital : `${capital}.`;
  }

  function salaryBlock(salary) {
    const band = salary.band || salary;
    const has = (v) => v !== undefined && v !== null;
    const currency = band.currency ? ` ${band.currency}` : '';
    const period = band.period ? ` a ${String(band.period).replace(/_/g, ' ')}` : '';
    let figure;
    if (has(band.min) && has(band.max)) figure = `${formatNumber(band.min)}–${formatNumber(band.max)}${currency}${period}`;
    else if (has(band.min)) figure = `${formatNumber(band.min)}${currency} or more${period}`;
    else if (has(band.max)) figure = `up to ${formatNumber(band.max)}${currency}${period}`;
    const text = figure ? `Typical salary at ${salary.name}: ${figure}.` : `Typical salary at ${salary.name}: no figure given.`;
    const block = el('div', { class: 'salary', id: 'salary' }, el('h3', { text: 'Salary' }), el('p', { text }));
    const note = salary.note || band.note;
    if (note) block.append(el('p', { class: 'note', text: sentence(note) }));
    if (salary.caveat) block.append(el('p', { class: 'note', text: sentence(salary.caveat) }));
    return block;
  }

  // ---------------------------------------------------------------- the plan timeline

  function planBlock(plan, targetName) {
    const items = plan.items || [];
    const block = el('div', { class: 'plan', id: 'plan' });
    block.append(el('h3', { id: 'plan-heading', text: items.length ? `Your plan to reach ${plan.target_name || targetName}` : 'Your plan' }));
    const summary = [];
    if (items.length) {
      summary.push(`${weeksText(plan.weeks)} in all.`);
      if (plan.total_hours) summary.push(`${hoursText(plan.total_hours)} of study, at ${hoursText(plan.hours_per_week)} a week.`);
      if (plan.work_hours) summary.push(`${hoursText(plan.work_hours)} of work alongside, at ${hoursText(plan.work_hours_per_week)} a week.`);
    }
    if (summary.length) block.append(el('p', { class: 'plan-summary', text: summary.join(' ') }));
    if (plan.note) block.append(el('p', { class: 'plan-note', text: plan.note }));

    const layout = el('div', { class: 'plan-layout' });
    if (items.length) layout.append(timeline(plan));
    layout.append(habitsBlock(plan.habits || [], items.length > 0));
    block.append(layout);

    if (plan.deadline) block.append(deadlineBlock(plan.deadline, plan));

    const unreachable = plan.unreachable || [];
    if (unreachable.length) {
      const list = el('ul', { class: 'warnings' });
      for (const u of unreachable) {
        const what = u.kind === 'points'
          ? `Points: the plan reaches ${formatNumber(u.reached)} of the ${formatNumber(u.required)} needed`
          : `${u.name}: the plan reaches ${lower(u.reached)}, ${plan.target_name || targetName} asks for ${lower(u.required)}`;
        list.append(el('li', { text: `${what}. ${sentence(u.reason)}`.trim() }));
      }
      block.append(el('h4', { text: 'What no step in this framework can close' }), list);
    }
    return block;
  }

  function niceStep(span) {
    const steps = [1, 2, 4, 8, 13, 26, 52, 104, 156, 260, 520];
    for (const step of steps) if (span / step <= 6) return step;
    return Math.ceil(span / 6 / 52) * 52;
  }

  function timeline(plan) {
    const items = plan.items || [];
    const deadline = plan.deadline && plan.deadline.weeks ? plan.deadline.weeks : 0;
    const span = Math.max(1, plan.weeks || 0, deadline, ...items.map((i) => i.end_week || 0));
    const pos = (week) => `${(Math.max(0, Math.min(span, week)) / span) * 100}%`;

    const wrap = el('div', { class: 'timeline', id: 'timeline', role: 'group', 'aria-labelledby': 'timeline-heading' });
    wrap.append(el('h4', { id: 'timeline-heading', text: 'Timeline' }));
    wrap.append(el('p', { class: 'visually-hidden', text: `Two tracks run at once: study and work. The timeline spans ${weeksText(span)}.` }));

    const body = el('div', { class: 'tl-body' });

    // Axis with ticks (decorative: every bar states its weeks in words).
    const axis = el('div', { class: 'tl-axis', 'aria-hidden': 'true' });
    const step = niceStep(span);
    const ticks = [];
    for (let w = 0; w <= span; w += step) ticks.push(w);
    if (span - ticks[ticks.length - 1] > step * 0.4) ticks.push(span);
    else if (ticks[ticks.length - 1] !== span) ticks[ticks.length - 1] = span;
    for (const w of ticks) {
      const tick = el('span', { class: 'tl-tick', text: w === 0 ? 'start' : `wk ${w}` });
      tick.style.left = pos(w);
      if (w === 0) tick.classList.add('tl-tick-first');
      if (w === span) tick.classList.add('tl-tick-last');
      axis.append(tick);
    }
    body.append(axis);

    // Guide lines for milestones and the deadline, behind the lanes.
    const guides = el('div', { class: 'tl-guides', 'aria-hidden': 'true' });
    for (const m of plan.milestones || []) {
      const line = el('span', { class: 'tl-guide tl-guide-milestone' });
      line.style.left = pos(m.week);
      guides.append(line);
    }
    if (deadline) {
      const line = el('span', { class: 'tl-guide tl-guide-deadline' });
      line.style.left = pos(deadline);
      guides.append(line);
    }
    body.append(guides);

    const lanes = [
      { track: 'study', name: 'Study', pace: `${plan.hours_per_week} h a week of your own time` },
      { track: 'work', name: 'Work', pace: `${plan.work_hours_per_week} h a week of paid work` },
    ];
    for (const lane of lanes) {
      const laneItems = items.filter((i) => i.track === lane.track);
      const headingId = `lane-${lane.track}-heading`;
      const section = el('div', { class: `tl-lane tl-lane-${lane.track}`, role: 'group', 'aria-labelledby': headingId, dataset: { track: lane.track } });
      section.append(el('h5', { class: 'tl-lane-name', id: headingId },
        el('span', { text: `${lane.name} track` }),
        el('span', { class: 'tl-lane-pace', text: ` · ${lane.pace}` })));
      if (!laneItems.length) {
        section.append(el('p', { class: 'tl-empty', text: 'Nothing on this track.' }));
      } else {
        const list = el('ol', { class: 'tl-items' });
        for (const item of laneItems) list.append(timelineItem(item, span, pos));
        section.append(list);
      }
      body.append(section);
    }

    // Milestones and the deadline, one row each so labels never overlap.
    const markers = el('ol', { class: 'tl-markers', 'aria-label': 'Milestones' });
    for (const m of plan.milestones || []) {
      markers.append(marker('tl-milestone', m.week, span, pos,
        `${m.name} reached in week ${m.week}`, `after “${m.title}”`, { level: m.level, week: String(m.week) }));
    }
    if (deadline) {
      markers.append(marker('tl-deadline', deadline, span, pos, `Your deadline: week ${deadline}`, '', {}));
    }
    if (markers.childElementCount) body.append(markers);

    wrap.append(body);
    return wrap;
  }

  function timelineItem(item, span, pos) {
    const start = Math.max(1, item.start_week || 1);
    const end = Math.max(start, item.end_week || start);
    const startPct = ((start - 1) / span) * 100;
    const endPct = (end / span) * 100;
    const weeks = start === end ? `week ${start}` : `weeks ${start}–${end}`;
    const details = [weeks, hoursText(item.hours)];
    if (item.training_name) details.push(item.training_name);
    else if (KIND_TEXT[item.kind]) details.push(KIND_TEXT[item.kind]);

    const text = el('div', { class: 'tl-text' },
      el('span', { class: 'tl-title', text: item.title }),
      el('span', { class: 'tl-meta', text: details.join(' · ') }));
    // Keep the words next to their bar: from its start when it starts early, ending at its
    // end when it starts late.
    if (startPct <= 50) {
      text.style.marginLeft = `${startPct}%`;
    } else {
      text.classList.add('tl-text-end');
      text.style.marginRight = `${Math.max(0, 100 - endPct)}%`;
    }
    const closes = (item.closes || []).map((c) => `${c.name}: ${lower(c.from)} to ${lower(c.to)}`);
    const why = closes.length
      ? `Raises ${closes.join('; ')}.`
      : item.required_by && item.required_by.length
        ? `Needed before ${item.required_by.map((r) => `“${r.title}”`).join(', ')}.`
        : '';

    const bar = el('span', { class: `tl-bar tl-bar-${item.track}`, dataset: { step: item.step } });
    bar.style.left = `${startPct}%`;
    bar.style.width = `${Math.max(0.8, endPct - startPct)}%`;
    const barTrack = el('div', { class: 'tl-bar-track', 'aria-hidden': 'true' }, bar);

    let whyNode = null;
    if (why) {
      whyNode = el('span', { class: 'tl-why', text: why });
      if (startPct <= 50) whyNode.style.marginLeft = `${startPct}%`;
      else { whyNode.classList.add('tl-text-end'); whyNode.style.marginRight = `${Math.max(0, 100 - endPct)}%`; }
    }
    return el('li', { class: 'tl-item', dataset: { step: item.step, start: String(start), end: String(end) } },
      text, barTrack, whyNode);
  }

  function marker(cls, week, span, pos, title, detail, dataset) {
    const pct = (Math.min(week, span) / span) * 100;
    const text = el('span', { class: 'tl-marker-text' },
      el('span', { class: 'tl-marker-title', text: title }),
      detail ? el('span', { class: 'tl-marker-detail', text: ` ${detail}` }) : null);
    if (pct > 50) {
      text.classList.add('tl-marker-text-end');
      text.style.marginRight = `${100 - pct}%`;
    } else {
      text.style.marginLeft = `${pct}%`;
    }
    const dot = el('span', { class: 'tl-marker-dot', 'aria-hidden': 'true' });
    dot.style.left = pos(week);
    return el('li', { class: `tl-marker ${cls}`, dataset }, dot, text);
  }

  function habitsBlock(habits, alongside) {
    const block = el('div', { class: 'habits', id: 'habits' });
    block.append(el('h4', { id: 'habits-heading', text: alongside ? 'Keep doing alongside' : 'Keep doing' }));
    if (!habits.length) {
      block.append(el('p', { text: 'No ongoing habits in this framework.' }));
      return block;
    }
    const list = el('ul', { 'aria-labelledby': 'habits-heading' });
    for (const h of habits) {
      const after = h.after && h.after.length ? ` Once you have done “${h.after.map((a) => a.title).join('”, “')}”.` : '';
      list.append(el('li', null,
        el('span', { class: 'habit-title', text: h.title }),
        el('span', { class: 'habit-hours', text: `: ${hoursText(h.hours_per_week)} a week.` }),
        after ? el('span', { class: 'habit-after', text: after }) : null));
    }
    block.append(list);
    return block;
  }

  function deadlineBlock(deadline, plan) {
    let text;
    let cls;
    if (!deadline.feasible) {
      cls = 'verdict-bad';
      text = `Your deadline of ${weeksText(deadline.weeks)} is not feasible${deadline.reason ? `: ${deadline.reason}` : '.'}`;
    } else if (deadline.fits) {
      cls = 'verdict-good';
      text = `The plan fits your deadline of ${weeksText(deadline.weeks)}.`;
      if (deadline.hours_per_week_needed && deadline.hours_per_week_needed < plan.hours_per_week) {
        text += ` ${hoursText(deadline.hours_per_week_needed)} of study a week would be enough.`;
      }
    } else {
      cls = 'verdict-warn';
      text = `The plan does not fit your deadline of ${weeksText(deadline.weeks)} at ${hoursText(plan.hours_per_week)} a week.`;
      if (deadline.hours_per_week_needed) text += ` It would at ${hoursText(deadline.hours_per_week_needed)} a week.`;
      if (deadline.reason) text += ` ${deadline.reason}`;
    }
    if (!/[.!?]$/.test(text)) text += '.';
    return el('div', { class: `deadline ${cls}`, id: 'deadline' }, el('h4', { text: 'Your deadline' }), el('p', { text }));
  }

  // ---------------------------------------------------------------- progress and chart

  function renderProgress(data) {
    const history = Array.isArray(data.history) ? data.history : [];
    show($('progress'), history.length > 0);
    state.history = history;
    const summary = $('progress-summary');
    const changes = $('progress-changes');
    clear(changes);
    show(changes, false);
    show($('changes-heading'), false);
    const p = data.progress;
    if (history.length < 2 || !p) {
      summary.textContent = history.length === 1
        ? 'You have one assessment so far. Take it again later to see how you move.'
        : '';
    } else {
      const before = p.readiness_before_name || 'not yet ready';
      const after = p.readiness_after_name || 'not yet ready';
      const parts = [`Since your first assessment (${history.length} in all):`];
      if (p.readiness_before === p.readiness_after) {
        parts.push(p.readiness_after ? `still ready for ${after};` : 'still not ready for the first level;');
      } else {
        parts.push(`readiness went from ${before} to ${after};`);
      }
      parts.push(`score ${p.score_before} → ${p.score_after} out of 100;`);
      parts.push(`plan ${weeksText(p.plan_weeks_before)} → ${weeksText(p.plan_weeks_after)}.`);
      summary.textContent = parts.join(' ');
      for (const s of p.skills || []) {
        if (s.before === s.after) continue;
        const up = SCALE.indexOf(s.after) > SCALE.indexOf(s.before);
        changes.append(el('li', null, el('strong', { text: s.name }),
          `: ${up ? 'up' : 'down'} from ${lower(s.before)} to ${lower(s.after)}`));
      }
      for (const step of p.steps_completed || []) {
        changes.append(el('li', null, el('strong', { text: 'Done' }), `: ${step.title}`));
      }
      show(changes, changes.childElementCount > 0);
      show($('changes-heading'), changes.childElementCount > 0);
    }
    renderChart();
    renderHistoryTable(history);
  }

  function chartLevels(history) {
    const levels = [];
    const seen = new Set();
    for (const entry of history) {
      for (const f of entry.fits || []) {
        if (!seen.has(f.level)) { seen.add(f.level); levels.push({ level: f.level, name: f.name }); }
      }
    }
    return levels;
  }

  function renderChart() {
    const history = state.history || [];
    const container = $('chart');
    const legend = $('chart-legend');
    clear(container);
    clear(legend);
    if (!history.length) return;

    const levels = chartLevels(history);
    const width = Math.max(280, Math.round(container.clientWidth || 600));
    const narrow = width < 480;
    const height = narrow ? 230 : 280;
    const m = { top: 16, right: narrow ? 14 : 24, bottom: 46, left: 48 };
    const plotW = width - m.left - m.right;
    const plotH = height - m.top - m.bottom;
    const n = history.length;
    const x = (i) => m.left + (n === 1 ? plotW / 2 : (plotW * i) / (n - 1));
    const y = (fit) => m.top + plotH * (1 - Math.max(0, Math.min(1, fit)));

    const desc = levels.map((lv) => {
      const values = history.map((h) => {
        const f = (h.fits || []).find((ff) => ff.level === lv.level);
        return f ? `${percent(f.fit)}%` : 'no value';
      });
      return `${lv.name}: ${values.join(', then ')}`;
    }).join('. ');

    const chart = svg('svg', {
      id: 'progress-chart',
      role: 'img',
      'aria-labelledby': 'chart-title chart-desc',
      width, height,
      viewBox: `0 0 ${width} ${height}`,
      class: 'chart-svg',
    });
    chart.append(svg('title', { id: 'chart-title', text: `Fit per level over ${n} ${plural(n, 'assessment', 'assessments')}` }));
    chart.append(svg('desc', { id: 'chart-desc', text: `Fit from 0 to 100 percent, oldest assessment first. ${desc}.` }));

    // Grid and y axis.
    const grid = svg('g', { class: 'chart-grid' });
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      grid.append(svg('line', { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v) }));
      grid.append(svg('text', { x: m.left - 8, y: y(v) + 5, 'text-anchor': 'end', class: 'chart-label', text: `${v * 100}%` }));
    }
    chart.append(grid);

    // X axis: assessment number and date.
    const xAxis = svg('g', { class: 'chart-x' });
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plotW / 70))));
    history.forEach((h, i) => {
      if (i % every !== 0 && i !== n - 1) return;
      const anchor = n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
      const dx = anchor === 'start' ? -6 : anchor === 'end' ? 6 : 0;
      xAxis.append(svg('text', { x: x(i) + dx, y: height - m.bottom + 20, 'text-anchor': anchor, class: 'chart-label', text: `#${i + 1}` }));
      xAxis.append(svg('text', { x: x(i) + dx, y: height - m.bottom + 38, 'text-anchor': anchor, class: 'chart-label chart-date', text: formatDate(h.created_at) }));
    });
    chart.append(xAxis);

    // One line per level, with a marker at each assessment.
    levels.forEach((lv, index) => {
      const series = SERIES[index % SERIES.length];
      const group = svg('g', { class: 'chart-series', dataset: { level: lv.level } });
      const points = [];
      history.forEach((h, i) => {
        const f = (h.fits || []).find((ff) => ff.level === lv.level);
        if (f) points.push({ i, fit: Number(f.fit), date: h.created_at });
      });
      if (points.length > 1) {
        group.append(svg('polyline', {
          class: 'chart-line',
          points: points.map((p) => `${x(p.i).toFixed(1)},${y(p.fit).toFixed(1)}`).join(' '),
          fill: 'none',
          stroke: series.color,
          'stroke-width': 2.5,
          'stroke-dasharray': series.dash || null,
          'stroke-linejoin': 'round',
        }));
      }
      for (const p of points) {
        const mark = shape(series.shape, x(p.i), y(p.fit), series.color);
        mark.setAttribute('class', 'chart-point');
        mark.dataset.level = lv.level;
        mark.dataset.fit = String(percent(p.fit));
        mark.append(svg('title', { text: `${lv.name}, assessment ${p.i + 1} (${formatDate(p.date, true)}): ${percent(p.fit)}% fit` }));
        group.append(mark);
      }
      chart.append(group);

      const latest = points.length ? percent(points[points.length - 1].fit) : null;
      const swatch = svg('svg', { width: 34, height: 14, viewBox: '0 0 34 14', 'aria-hidden': 'true', focusable: 'false', class: 'legend-swatch' },
        svg('line', { x1: 1, x2: 33, y1: 7, y2: 7, stroke: series.color, 'stroke-width': 2.5, 'stroke-dasharray': series.dash || null }),
        shape(series.shape, 17, 7, series.color));
      legend.append(el('li', { dataset: { level: lv.level } }, swatch,
        el('span', { text: latest === null ? lv.name : `${lv.name} (now ${latest}%)` })));
    });

    container.append(chart);
  }

  function shape(kind, cx, cy, color) {
    const r = 5;
    const common = { fill: color, stroke: '#ffffff', 'stroke-width': 1.5 };
    if (kind === 'square') return svg('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, ...common });
    if (kind === 'triangle') {
      return svg('path', { d: `M${cx},${cy - r - 1} L${cx + r + 1},${cy + r} L${cx - r - 1},${cy + r} Z`, ...common });
    }
    if (kind === 'diamond') {
      return svg('path', { d: `M${cx},${cy - r - 1.5} L${cx + r + 1.5},${cy} L${cx},${cy + r + 1.5} L${cx - r - 1.5},${cy} Z`, ...common });
    }
    return svg('circle', { cx, cy, r, ...common });
  }

  function renderHistoryTable(history) {
    const head = $('history-head');
    const body = $('history-body');
    clear(head);
    clear(body);
    const levels = chartLevels(history);
    head.append(el('th', { scope: 'col', text: '#' }), el('th', { scope: 'col', text: 'Date' }),
      el('th', { scope: 'col', text: 'Ready for' }), el('th', { scope: 'col', text: 'Score' }));
    for (const lv of levels) head.append(el('th', { scope: 'col', text: `${lv.name} fit` }));
    history.forEach((h, i) => {
      const row = el('tr', null,
        el('th', { scope: 'row', text: String(i + 1) }),
        el('td', { text: formatDate(h.created_at, true) }),
        el('td', { text: h.readiness_name || 'not yet ready' }),
        el('td', { text: String(h.score) }));
      for (const lv of levels) {
        const f = (h.fits || []).find((ff) => ff.level === lv.level);
        row.append(el('td', { text: f ? `${percent(f.fit)}%` : '–' }));
      }
      body.append(row);
    });
  }

  // ---------------------------------------------------------------- start

  function takeAgain() {
    const latest = state.linkData && state.linkData.latest;
    if (latest && latest.report) prefill(latest.report);
    show($('questionnaire'), true);
    $('questionnaire-heading').focus();
    $('questionnaire').scrollIntoView({ block: 'start' });
    announce('The questionnaire is filled in with your latest answers. Change what has moved on.');
  }

  function startNew() {
    state.link = null;
    state.linkData = null;
    window.history.replaceState(null, '', window.location.pathname);
    show($('link-panel'), false);
    show($('report'), false);
    show($('progress'), false);
    show($('again-row'), false);
    $('assessment-form').reset();
    clearErrors();
    show($('questionnaire'), true);
    $('questionnaire-heading').focus();
  }

  function showPageError(message, retry) {
    const box = $('page-error');
    clear(box);
    box.append(el('p', { text: message }));
    if (retry) {
      const button = el('button', { type: 'button', class: 'secondary', text: 'Try again' });
      button.addEventListener('click', () => window.location.reload());
      box.append(button);
    }
    box.hidden = false;
  }

  async function start() {
    $('assessment-form').addEventListener('submit', onSubmit);
    $('copy-link').addEventListener('click', copyLink);
    $('take-again').addEventListener('click', takeAgain);
    $('start-new').addEventListener('click', startNew);
    window.addEventListener('hashchange', () => window.location.reload());
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => { if (!$('progress').hidden) renderChart(); }, 150);
    });

    announce('Loading the questionnaire…');
    try {
      state.framework = await loadFramework();
    } catch (err) {
      showPageError(`The questionnaire could not be loaded. ${err.message}`, true);
      announce('');
      return;
    }
    buildQuestionnaire(state.framework);

    const link = readLinkFromLocation();
    if (link && LINK_RE.test(link)) {
      state.link = link;
      try {
        setLink(link);
        await loadLinkData();
        show($('report'), true);
        show($('again-row'), true);
        announce(`Welcome back. ${readinessSentence(state.linkData.latest.report)}`);
        return;
      } catch (err) {
        if (err.status !== 404) {
          // Keep the link in the address bar: the person can try again.
          showPageError(`Your results could not be loaded. ${err.message}`, true);
          announce('');
          return;
        }
        state.link = null;
        show($('link-panel'), false);
        showPageError('This personal link is not known. Check that you copied all of it, or start afresh below.', false);
        window.history.replaceState(null, '', window.location.pathname);
      }
    } else if (link) {
      showPageError('This personal link is not valid. Check that you copied all of it, or start afresh below.', false);
      window.history.replaceState(null, '', window.location.pathname);
    }
    show($('questionnaire'), true);
    announce('The questionnaire is ready.');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
