"""The home page's map of Germany: an inline SVG, no external tiles or scripts.

The outline (templates/hubs/includes/germany_outline.svg, from Natural Earth's
public-domain 1:50m country borders) and the hub markers share one projection:
equirectangular, with longitudes shortened by cos(51.1°), Germany's middle
latitude, so that the country keeps its familiar proportions.
"""

import math
from typing import NamedTuple

WEST = 5.5  # degrees east at x = 0
NORTH = 55.2  # degrees north at y = 0
SCALE = 100  # SVG units per degree of latitude
LONGITUDE_FACTOR = math.cos(math.radians(51.1))
VIEWBOX = "0 0 620 806"


class MapPoint(NamedTuple):
    x: float
    y: float


def project(*, latitude: float, longitude: float) -> MapPoint:
    return MapPoint(
        x=round((longitude - WEST) * LONGITUDE_FACTOR * SCALE, 1),
        y=round((NORTH - latitude) * SCALE, 1),
    )
