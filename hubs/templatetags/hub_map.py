from django import template

from hubs.map import VIEWBOX

register = template.Library()


@register.inclusion_tag("hubs/includes/germany_map.html")
def germany_map(hubs, *, current=None):
    """The map of Germany with each hub's cities; with `current`, a small decorative map for one hub."""
    return {"hubs": hubs, "current": current, "viewbox": VIEWBOX}
