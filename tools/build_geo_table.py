#!/usr/bin/env python3
"""Builds spamradar's area-code -> metro table from the public data in ../shared/data/geo.

Run from the project root:  python3 tools/build_geo_table.py [SHARED_GEO_DIR]
Writes data/geo/area_codes.tsv and data/geo/metros.tsv (see data/geo/ATTRIBUTION.md).

Method, for every US geographic area code in service (NANPA report, USE=G, IN_SERVICE=Y):
1. Its cities (2025 area-code city table) are compared with the principal cities named in the
   title of each Metropolitan Statistical Area (Census CBSA estimates, vintage 2023), e.g.
   "New York-Newark-Jersey City, NY-NJ-PA". If any match, the most populous matching metro wins.
2. Otherwise the metro whose title city lies nearest to the mean position of the area code's
   cities wins, if within 100 km.
3. Area codes without city data (recent overlays) take the metro of their overlay partners.
Metro names are the first title city ("New York", "Miami"); when two metros share that name the
smaller ones get their state ("Portland, ME"). A metro's position (for the dashboard's map) is
that of its first title city found in the city table, else the mean of its area codes' cities.
"""
import csv
import io
import math
import os
import sys
from collections import defaultdict

MAX_NEAREST_KM = 100.0


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.reader(io.StringIO(f.read().replace('\r\n', '\n'))))


def km(a, b):
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def norm_city(name):
    return name.lower().replace('st.', 'saint').replace('.', '').replace('  ', ' ').strip()


def main():
    geo = sys.argv[1] if len(sys.argv) > 1 else os.path.join('..', 'shared', 'data', 'geo')

    npa_rows = read_csv(os.path.join(geo, 'npa_report.csv'))
    header = npa_rows[1]
    col = {name: i for i, name in enumerate(header)}
    npas = {}
    for row in npa_rows[2:]:
        if len(row) < len(header):
            continue
        if row[col['USE']] == 'G' and row[col['COUNTRY']] == 'US' and row[col['IN_SERVICE']] == 'Y':
            npas[row[col['NPA_ID']]] = {
                'state': row[col['LOCATION']],
                'overlay': row[col['OVERLAY_COMPLEX']],
            }

    cities = defaultdict(list)  # npa -> [(city, state, lat, lon)]
    city_pos = {}               # (city, state) -> (lat, lon)
    states = {}                 # "New Jersey" -> "NJ"
    for row in read_csv(os.path.join(geo, 'area_code_cities_ocolunga_2025', 'us-area-code-cities.csv'))[1:]:
        if len(row) < 6:
            continue
        npa, city, state, _, lat, lon = row[:6]
        if len(row) > 6:
            states[row[6]] = state
        if not lat or not lon:
            continue
        pos = (float(lat), float(lon))
        cities[npa].append((norm_city(city), state, pos))
        city_pos.setdefault((norm_city(city), state), pos)

    # A second city table, for positions only (more small cities).
    for row in read_csv(os.path.join(geo, 'area_code_cities_ravisorg', 'us-area-code-cities.csv')):
        if len(row) < 6:
            continue
        _, city, state_name, _, lat, lon = row[:6]
        try:
            pos = (float(lat), float(lon))
        except ValueError:
            continue
        state = states.get(state_name)
        if state:
            city_pos.setdefault((norm_city(city), state), pos)

    metros = {}
    for row in read_csv(os.path.join(geo, 'census_cbsa_population', 'cbsa-est2023-alldata.trimmed.csv'))[1:]:
        cbsa, name, _, _, _, _, pop2023, lsad = row[:8]
        if lsad != 'Metropolitan Statistical Area':
            continue
        city_part, _, state_part = name.rpartition(', ')
        titles = [c.split('/')[0].strip() for c in city_part.replace('--', '-').split('-')]
        states = state_part.split('-')
        metros[cbsa] = {
            'title': name, 'population': int(pop2023), 'states': states,
            'cities': [norm_city(c) for c in titles], 'short': titles[0],
        }
    for m in metros.values():
        m['positions'] = [city_pos[(c, s)] for c in m['cities'] for s in m['states'] if (c, s) in city_pos]

    by_city = defaultdict(list)
    for cbsa, m in metros.items():
        for c in m['cities']:
            for s in m['states']:
                by_city[(c, s)].append(cbsa)

    assigned = {}
    for npa, info in npas.items():
        rows = cities.get(npa, [])
        candidates = {cb for (c, s, _) in rows for cb in by_city.get((c, s), [])}
        if candidates:
            assigned[npa] = max(candidates, key=lambda cb: metros[cb]['population'])
            continue
        if rows:
            centre = (sum(p[0] for _, _, p in rows) / len(rows), sum(p[1] for _, _, p in rows) / len(rows))
            best, best_km = None, MAX_NEAREST_KM
            for cbsa, m in metros.items():
                for p in m['positions']:
                    d = km(centre, p)
                    if d < best_km:
                        best, best_km = cbsa, d
            if best:
                assigned[npa] = best
    for npa, info in npas.items():
        if npa in assigned:
            continue
        partners = [p for p in info['overlay'].split('/') if p in assigned and p != npa]
        if partners:
            assigned[npa] = assigned[partners[0]]

    # Stable short names: the most populous metro keeps the bare city name.
    by_short = defaultdict(list)
    for cbsa, m in metros.items():
        by_short[m['short']].append(cbsa)
    for short, group in by_short.items():
        group.sort(key=lambda cb: -metros[cb]['population'])
        metros[group[0]]['name'] = short
        for cb in group[1:]:
            metros[cb]['name'] = f"{short}, {metros[cb]['states'][0]}"

    os.makedirs(os.path.join('data', 'geo'), exist_ok=True)
    with open(os.path.join('data', 'geo', 'area_codes.tsv'), 'w', encoding='utf-8') as f:
        f.write('# area_code\tstate\tcbsa\tmetro  (generated by tools/build_geo_table.py; see ATTRIBUTION.md)\n')
        for npa in sorted(npas):
            cbsa = assigned.get(npa, '')
            f.write(f"{npa}\t{npas[npa]['state']}\t{cbsa}\t{metros[cbsa]['name'] if cbsa else ''}\n")
    with open(os.path.join('data', 'geo', 'metros.tsv'), 'w', encoding='utf-8') as f:
        f.write('# cbsa\tmetro\tpopulation_2023\ttitle\tlatitude\tlongitude  '
                '(generated by tools/build_geo_table.py; see ATTRIBUTION.md)\n')
        for cbsa in sorted(metros, key=lambda cb: -metros[cb]['population']):
            m = metros[cbsa]
            pos = m['positions'][0] if m['positions'] else None
            if pos is None:  # "Winston-Salem", "Boise City", "Urban Honolulu", "East Cleveland"
                first = norm_city(m['title'].rpartition(', ')[0].split('/')[0].split('--')[0])
                first = first.removeprefix('urban ')
                title_city = m['cities'][0].removeprefix('urban ')
                for (city, state), p in sorted(city_pos.items()):
                    if state not in m['states']:
                        continue
                    words = city.split(' ')
                    if (city == first or first.startswith(city + ' ') or
                            title_city in words or city == title_city):
                        pos = p
                        break
            if pos is None:
                around = [p for npa, cb in assigned.items() if cb == cbsa for _, _, p in cities.get(npa, [])]
                if around:
                    pos = (sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(around))
            lat, lon = (f"{pos[0]:.4f}", f"{pos[1]:.4f}") if pos else ('', '')
            f.write(f"{cbsa}\t{m['name']}\t{m['population']}\t{m['title']}\t{lat}\t{lon}\n")
    mapped = sum(1 for n in npas if n in assigned)
    print(f"{len(npas)} area codes, {mapped} in a metro, {len(metros)} metros", file=sys.stderr)


if __name__ == '__main__':
    main()
