// The US map of a campaign: states from us-atlas (already projected to a
// 975x610 Albers USA frame, bundled), and a bubble per metro placed with the
// same projection, its area proportional to the campaign's reports there.
import {geoAlbersUsa, geoPath} from 'd3-geo';
import {feature, mesh} from 'topojson-client';
import us from 'us-atlas/states-albers-10m.json';

import {count, percent, svg} from './dom.js';

const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);
const path = geoPath();  // the atlas is projected already
const nation = path(feature(us, us.objects.nation));
const borders = path(mesh(us, us.objects.states, (a, b) => a !== b));

// regions: rows of /v1/regions (region, cbsa, latitude, longitude,
// campaign_reports, share); onPick(row) when a bubble is clicked.
export function usMap(regions, onPick) {
  const located = regions.filter((r) => r.latitude !== undefined && r.campaign_reports > 0)
    .map((r) => ({row: r, at: projection([r.longitude, r.latitude])}))
    .filter((r) => r.at !== null)
    .sort((a, b) => b.row.campaign_reports - a.row.campaign_reports);
  const largest = located.length ? located[0].row.campaign_reports : 1;
  return svg('svg', {viewBox: '0 0 975 610', class: 'map', role: 'img',
    'aria-label': 'Metros on a map of the United States, bubbles sized by the campaign\'s reports'},
  svg('path', {d: nation, class: 'nation'}),
  svg('path', {d: borders, class: 'borders'}),
  located.map(({row, at}) => svg('circle', {
    'cx': at[0].toFixed(1), 'cy': at[1].toFixed(1),
    'r': (3 + 27 * Math.sqrt(row.campaign_reports / largest)).toFixed(1),
    'class': 'bubble', 'data-cbsa': row.cbsa,
    'onclick': () => onPick(row),
  }, svg('title', {}, `${row.region}: ${count(row.campaign_reports)} reports, ` +
      `${percent(row.share)} of its reported spam`))));
}
