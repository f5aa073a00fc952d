// spamradar's dashboard: a small single-page app over the HTTP API, routed
// by the location's hash (#/, #/campaign/ID, #/metro/CBSA, #/search,
// #/classify), each page drawn from the API's answers only. Every text
// from the API (spam bodies included) goes through dom.js as text.
import {ApiError, apiKey, get, post, setApiKey} from './api.js';
import {channelChart, dailyChart, destroyCharts} from './charts.js';
import {clear, count, h, percent, table} from './dom.js';
import {usMap} from './map.js';

const page = document.getElementById('page');
const forgetKey = document.getElementById('forget-key');
let drawing = 0;  // the page being drawn; answers for an older one are dropped

forgetKey.addEventListener('click', () => {
  setApiKey('');
  route();
});

function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?', 2);
  return {parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '')};
}

function link(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

async function route() {
  const ticket = ++drawing;
  destroyCharts();
  forgetKey.hidden = !apiKey();
  if (!apiKey()) return show(ticket, keyForm());
  const {parts, params} = parseHash();
  show(ticket, h('p', {class: 'muted'}, 'Loading…'));
  try {
    let view;
    if (parts.length === 0) view = await overview(params);
    else if (parts[0] === 'campaign' && parts[1]) view = await campaignPage(parts[1], params);
    else if (parts[0] === 'metro' && parts[1]) view = await metroPage(parts[1], params);
    else if (parts[0] === 'search') view = await searchPage(params);
    else if (parts[0] === 'classify') view = classifyPage();
    else view = h('p', {class: 'error'}, 'No such page. ', h('a', {href: '#/'}, 'Back to the overview'));
    show(ticket, view);
  } catch (error) {
    if (ticket !== drawing) return;
    if (error instanceof ApiError && error.status === 401) {
      setApiKey('');
      return show(ticket, keyForm('The server did not accept that key: ' + error.message));
    }
    show(ticket, h('p', {class: 'error', 'data-test': 'error'}, error.message));
  }
}

function show(ticket, view) {
  if (ticket !== drawing) return;
  clear(page);
  page.append(view);
}

function keyForm(problem) {
  const input = h('input', {type: 'password', name: 'key', size: 48, autocomplete: 'off',
    placeholder: 'sr_…', required: true});
  return h('form', {class: 'key-form panel', onsubmit: (event) => {
    event.preventDefault();
    setApiKey(input.value);
    route();
  }},
  h('h1', {}, 'API key'),
  h('p', {}, 'The dashboard reads the API with a key: ', h('code', {}, 'spamradar serve --demo'),
    ' prints a read-only one; ', h('code', {}, 'spamradar keys create --role analyst'),
    ' makes one. It is kept in this browser only.'),
  problem ? h('p', {class: 'error'}, problem) : null,
  h('label', {}, 'Key', input),
  h('p', {}, h('button', {class: 'primary', type: 'submit'}, 'Open the dashboard')));
}

// The window and channel of a page, as a form that reloads it.
function scopeForm(path, params, scope) {
  const from = h('input', {type: 'date', name: 'from', value: params.get('from') || scope.from || ''});
  const to = h('input', {type: 'date', name: 'to', value: params.get('to') || scope.to || ''});
  const channel = h('select', {name: 'channel'},
    ['', 'sms', 'mms', 'imessage', 'rcs'].map((c) => {
      const option = h('option', {value: c}, c || 'every channel');
      if ((params.get('channel') || '') === c) option.selected = true;
      return option;
    }));
  return h('form', {class: 'scope', onsubmit: (event) => {
    event.preventDefault();
    location.hash = link(path, {from: from.value, to: to.value, channel: channel.value});
  }},
  h('label', {}, 'From', from), h('label', {}, 'To', to), h('label', {}, 'Channel', channel),
  h('button', {class: 'primary', type: 'submit'}, 'Show'),
  h('span', {class: 'muted'}, `Days are calendar days in ${scope.time_zone}, both inclusive.`));
}

function scopeParams(params) {
  return {from: params.get('from'), to: params.get('to'), channel: params.get('channel')};
}

function figure(label, value, test) {
  return h('div', {class: 'figure'}, h('div', {class: 'value', 'data-test': test}, value),
    h('div', {class: 'label'}, label));
}

function panel(title, ...content) {
  return h('section', {class: 'panel'}, h('h2', {}, title), content);
}

function campaignLink(c, params) {
  return h('a', {href: link(`/campaign/${c.id}`, scopeParams(params)), 'data-test': 'campaign-link'},
    c.name);
}

function keyCountTable(rows, key, heading) {
  if (!rows.length) return h('p', {class: 'muted'}, 'None in scope.');
  return table([
    [heading, (r) => r[key]],
    ['Reports', (r) => count(r.reports), 'num'],
    ['Share', (r) => percent(r.share), 'num'],
  ], rows);
}

function channelTable(channels) {
  const names = Object.keys(channels);
  if (!names.length) return h('p', {class: 'muted'}, 'No reports.');
  return table([
    ['Channel', (n) => n],
    ['Declared', (n) => count(channels[n].declared), 'num'],
    ['Inferred', (n) => count(channels[n].inferred), 'num'],
  ], names, {'data-test': 'channels'});
}

// The overview, or a metro's page: the same figures within a scope.
function statsView(stats, path, params, title) {
  const scope = stats.scope;
  const window = scope.from ? `${scope.from} to ${scope.to} (${scope.time_zone})` : 'no reports yet';
  return h('div', {},
    h('h1', {'data-test': 'title'}, title),
    scopeForm(path, params, scope),
    h('p', {class: 'muted'}, window, scope.channel ? `, ${scope.channel}` : ''),
    h('div', {class: 'figures'},
      figure('reported spam', count(stats.reports), 'reports'),
      figure(stats.reporters.exact ? 'distinct reporters' : 'distinct reporters (estimated)',
        count(stats.reporters.distinct), 'reporters'),
      figure('campaigns', count(stats.campaigns_in_scope), 'campaign-count')),
    panel('Reported spam per day', dailyChart(stats.daily)),
    panel('Top campaigns by share of reported spam',
      stats.campaigns.length ? table([
        ['#', (c) => c.rank, 'num'],
        ['Campaign', (c) => campaignLink(c, params)],
        ['Reports', (c) => count(c.reports), 'num'],
        ['Share', (c) => percent(c.share), 'num'],
        ['Reporters', (c) => count(c.reporters), 'num'],
        ['Channel', (c) => c.channel],
      ], stats.campaigns, {'data-test': 'campaigns'}) : h('p', {class: 'muted'}, 'None in scope.')),
    h('div', {class: 'grid'},
      panel('Channels (declared and inferred)', channelChart(stats.channels), channelTable(stats.channels)),
      panel('Brands impersonated', keyCountTable(stats.brands, 'brand', 'Brand')),
      panel('Domains', keyCountTable(stats.domains.top, 'domain', 'Domain'),
        h('p', {class: 'muted'}, `Counts may be over by at most ${count(stats.domains.overcount_at_most)}.`)),
      panel('Senders', keyCountTable(stats.senders.top, 'sender', 'Sender'),
        h('p', {class: 'muted'}, `Counts may be over by at most ${count(stats.senders.overcount_at_most)}.`))),
    stats.growth ? panel(`Growing fastest: 7 days to ${stats.growth.week_ending} against the 7 before`,
      stats.growth.campaigns.length ? table([
        ['Campaign', (g) => campaignLink(g, params)],
        ['Last 7 days', (g) => count(g.last_7_days), 'num'],
        ['7 days before', (g) => count(g.previous_7_days), 'num'],
        ['Growth', (g) => `×${g.growth.toFixed(2)}`, 'num'],
      ], stats.growth.campaigns) : h('p', {class: 'muted'},
        `No campaign with at least ${stats.growth.min_reports} reports in the last 7 days.`)) : null);
}

async function overview(params) {
  const stats = await get('/v1/stats', {limit: 10, ...scopeParams(params)});
  return statsView(stats, '/', params, 'Reported spam');
}

async function metroPage(cbsa, params) {
  const stats = await get('/v1/stats', {limit: 10, region: cbsa, ...scopeParams(params)});
  return statsView(stats, `/metro/${cbsa}`, params, `Reported spam in ${stats.scope.region}`);
}

function tags(values) {
  if (!values || !values.length) return h('span', {class: 'muted'}, 'none');
  return h('ul', {class: 'tags'}, values.map((v) => h('li', {}, v)));
}

async function campaignPage(id, params) {
  const scope = scopeParams(params);
  const [c, series, ranked, all] = await Promise.all([
    get(`/v1/campaigns/${encodeURIComponent(id)}`),
    get('/v1/timeseries', {campaign: id, ...scope}),
    get('/v1/regions', {campaign: id, ...scope}),
    get('/v1/regions', {campaign: id, min_reports: 1, ...scope}),
  ]);
  return h('div', {},
    h('h1', {'data-test': 'campaign-name'}, c.name),
    h('p', {class: 'muted'}, c.kind, ` · campaign ${c.id}`,
      c.aliases.length ? ` · merged with ${c.aliases.join(', ')}` : ''),
    h('div', {class: 'figures'},
      figure('reports', count(c.reports), 'campaign-reports'),
      figure('of all reported spam', percent(c.share), 'campaign-share'),
      figure('distinct reporters', count(c.reporters), 'campaign-reporters'),
      figure('first seen', c.first_seen.slice(0, 10)),
      figure('last seen', c.last_seen.slice(0, 10))),
    panel('Template', h('div', {class: 'template', 'data-test': 'template'}, c.template)),
    h('div', {class: 'grid'},
      panel('Channels (declared and inferred)', channelTable(c.channels)),
      panel('Brands', tags(c.brands)),
      panel(`Domains (${count(c.distinct_domains)} in all)`, tags(c.domains)),
      panel(`Senders (${count(c.distinct_senders)} in all)`, tags(c.senders)),
      panel('Phone numbers and short codes in the text', tags([...c.phones, ...c.short_codes]))),
    panel('Reports per day', dailyChart(series.daily, 'This campaign')),
    panel('Where it is reported', usMap(all.regions, (row) => {
      location.hash = link(`/metro/${row.cbsa}`, scope);
    }),
    h('p', {class: 'muted'}, ranked.rule.text, `; ${ranked.rule.metros_below_minimum} below it. `,
      `Share: of the metro's reported spam. ${count(ranked.campaign_reporters.distinct)} distinct reporters in this window.`),
    ranked.regions.length ? table([
      ['#', (r) => r.rank, 'num'],
      ['Metro', (r) => h('a', {href: link(`/metro/${r.cbsa}`, scope)}, r.region)],
      ['Reported spam', (r) => count(r.reports), 'num'],
      ['This campaign', (r) => count(r.campaign_reports), 'num'],
      ['Share', (r) => percent(r.share), 'num'],
      ['Per 100k residents', (r) => r.campaign_reports_per_100k === undefined ? '' :
        r.campaign_reports_per_100k.toFixed(1), 'num'],
    ], ranked.regions, {'data-test': 'regions'}) : h('p', {class: 'muted'}, 'No metro meets the rule.')),
    panel('Sample messages', h('ol', {class: 'samples', 'data-test': 'samples'},
      c.samples.map((s) => h('li', {}, s)))));
}

async function searchPage(params) {
  const q = params.get('q') || '';
  const input = h('input', {type: 'search', name: 'q', value: q, size: 50,
    placeholder: 'text, a domain, a sender or a phone number', required: true});
  const form = h('form', {class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    location.hash = link('/search', {q: input.value});
  }}, h('label', {}, 'Search campaigns', input), h('button', {class: 'primary', type: 'submit'}, 'Search'));
  if (!q) return h('div', {}, h('h1', {}, 'Search'), form);
  const found = await get('/v1/search', {q, limit: 50});
  return h('div', {}, h('h1', {}, 'Search'), form,
    found.matches.length ? table([
      ['Campaign', (m) => campaignLink(m, params)],
      ['Reports', (m) => count(m.reports), 'num'],
      ['Channel', (m) => m.channel],
      ['Matched by', (m) => m.why],
      ['Last seen', (m) => m.last_seen.slice(0, 10)],
    ], found.matches, {'data-test': 'search-results'}) :
      h('p', {class: 'muted', 'data-test': 'search-results'}, 'No campaign matches.'),
    h('p', {class: 'muted'}, `Among ${count(found.searched.active_campaigns)} active campaigns; ${found.searched.note}.`));
}

function classifyPage() {
  const text = h('textarea', {name: 'text', required: true, placeholder: 'Paste a message'});
  const sender = h('input', {name: 'sender', placeholder: 'optional: +12125550100, a short code or an Apple ID'});
  const result = h('div', {'data-test': 'verdict'});
  const form = h('form', {onsubmit: async (event) => {
    event.preventDefault();
    clear(result);
    try {
      const verdict = await post('/v1/classify', {text: text.value, ...(sender.value ? {sender: sender.value} : {})});
      result.append(verdictView(verdict));
    } catch (error) {
      result.append(h('p', {class: 'error'}, error.message));
    }
  }},
  h('label', {}, 'Message', text), h('label', {}, 'Sender', sender),
  h('p', {}, h('button', {class: 'primary', type: 'submit'}, 'Classify')));
  return h('div', {}, h('h1', {}, 'Classify a message'), form, result);
}

function verdictView(v) {
  return h('section', {class: 'panel'},
    h('p', {}, h('span', {class: `verdict ${v.label}`, 'data-test': 'label'}, v.label),
      ` · probability of spam ${(100 * v.probability).toFixed(1)}%`),
    // The similarity says something only of a match by text; a shared
    // domain, number or sender is its own evidence.
    v.campaign ? h('p', {'data-test': 'verdict-campaign'}, 'Part of campaign ',
      h('a', {href: `#/campaign/${v.campaign.id}`}, v.campaign.name),
      v.campaign.evidence.startsWith('text') ?
        ` (${v.campaign.evidence}, similarity ${v.campaign.similarity.toFixed(2)})` :
        ` (${v.campaign.evidence})`) :
      h('p', {class: 'muted'}, 'Matches no known campaign.'),
    h('h2', {}, 'Why'),
    v.reasons.length ? h('ul', {}, v.reasons.map((r) =>
      h('li', {}, r.reason, h('span', {class: 'muted'}, ` (${r.weight >= 0 ? '+' : ''}${r.weight.toFixed(2)})`)))) :
      h('p', {class: 'muted'}, 'No feature stands out.'));
}

window.addEventListener('hashchange', route);
route();
