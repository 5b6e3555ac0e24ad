"""The world map of member countries, drawn offline from the map that pygal_maps_world ships."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from xml.sax.saxutils import escape

# Presentation attributes, not a <style> element: the content policy forbids inline styles.
LAND, ONE_MEMBER, MANY_MEMBERS = "#d9d4cc", "#c0392b", "#7b1d14"
COUNTRY_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">')
SVG_OPENING = '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 2475 1388">'


@lru_cache(maxsize=1)
def _base_map() -> str:
    return files("pygal_maps_world").joinpath("worldmap.svg").read_text(encoding="utf-8")


def member_map_svg(member_counts: dict[str, int], names: dict[str, str], *, title: str) -> str:
    """Return the map with member countries coloured and titled with their number of members."""

    def colour(match: re.Match[str]) -> str:
        code = match.group(1)
        count = member_counts.get(code.upper(), 0)
        if not count:
            return f'<g class="{code} country" fill="{LAND}">'
        label = escape(f"{names.get(code.upper(), code.upper())}: {count}")
        fill = MANY_MEMBERS if count > 1 else ONE_MEMBER
        return f'<g class="{code} country member" fill="{fill}" data-members="{count}"><title>{label}</title>'

    opening = (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 2475 1388" role="img" '
        f'stroke="#ffffff" stroke-width="0.6"><title>{escape(title)}</title>'
    )
    return COUNTRY_GROUP.sub(colour, _base_map()).replace(SVG_OPENING, opening, 1)
