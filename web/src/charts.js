// Charts (Chart.js, only the parts used, bundled): a daily series and a
// channel split. Animations are off: the figures appear at once and the
// browser tests see the final state.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip,
} from 'chart.js';

import {h} from './dom.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

const charts = new Set();

// Charts of a page that is left are destroyed with it.
export function destroyCharts() {
  for (const chart of charts) chart.destroy();
  charts.clear();
}

function canvas(label) {
  const element = h('canvas', {role: 'img', 'aria-label': label});
  return [h('div', {class: 'chart'}, element), element];
}

// days: [{day, reports, campaign_reports?}]; with `campaignLabel`, the
// campaign's reports are drawn beside all reported spam.
export function dailyChart(days, campaignLabel) {
  const [box, element] = canvas('Reported spam per day');
  const datasets = [{
    label: 'All reported spam', data: days.map((d) => d.reports),
    borderColor: '#4a6fa5', backgroundColor: 'rgba(74,111,165,0.15)', fill: true, pointRadius: 0,
  }];
  if (campaignLabel) {
    datasets.push({
      label: campaignLabel, data: days.map((d) => d.campaign_reports ?? 0),
      borderColor: '#c0392b', backgroundColor: 'rgba(192,57,43,0.2)', fill: true, pointRadius: 0,
    });
  }
  charts.add(new Chart(element, {
    type: 'line',
    data: {labels: days.map((d) => d.day), datasets},
    options: {
      maintainAspectRatio: false, interaction: {mode: 'index', intersect: false},
      scales: {y: {beginAtZero: true}, x: {ticks: {maxTicksLimit: 10}}},
    },
  }));
  return box;
}

// channels: {sms: {declared, inferred}, ...}
export function channelChart(channels) {
  const [box, element] = canvas('Reported spam by channel, declared and inferred');
  const names = Object.keys(channels);
  charts.add(new Chart(element, {
    type: 'bar',
    data: {
      labels: names,
      datasets: [
        {label: 'declared', data: names.map((n) => channels[n].declared), backgroundColor: '#4a6fa5'},
        {label: 'inferred', data: names.map((n) => channels[n].inferred), backgroundColor: '#e0a030'},
      ],
    },
    options: {maintainAspectRatio: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}}},
  }));
  return box;
}
