"""The house as its imports draw it: each app imports only the floors below its own, and no
module imports, through others, itself. (A circle is what made earlier code import inside
functions to dodge it; an arrow up is what made the next engineer unsure which copy to change.)

The floors, from the ground up. Apps on one floor do not import each other either: what two of
them share belongs a floor below. Tests may cross floors (a test of erasure creates the data of
every app); migrations are history and stay as they were written.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

FLOORS = [
    ["core"],
    ["hubs"],
    ["members"],
    ["events", "pages", "partners"],
    ["desks", "introductions", "formats"],
    ["figures", "api"],
    ["hubportal"],
]
FLOOR_OF = {app: number for number, apps in enumerate(FLOORS) for app in apps}


def modules() -> dict[str, Path]:
    """The portal's own modules by dotted name, commands included, without migrations and tests."""
    found = {}
    for app in FLOOR_OF:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            relative = path.relative_to(settings.BASE_DIR)
            if {"migrations", "tests"} & set(relative.parts):
                continue
            name = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            found[name] = path
    return found


def imported_modules(name: str, path: Path, *, everywhere: bool) -> set[str]:
    """The modules `path` imports, at module level only or also inside functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text())
    imported = set()
    for node in ast.walk(tree) if everywhere else tree.body:
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            imported |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
    return imported - {name}


def arrows_not_down(graph: dict[str, set[str]]) -> list[str]:
    """Every import of another app that is not on a lower floor."""
    found = []
    for module, imported in sorted(graph.items()):
        app = module.partition(".")[0]
        for other in sorted(imported):
            other_app = other.partition(".")[0]
            if other_app in FLOOR_OF and other_app != app and FLOOR_OF[other_app] >= FLOOR_OF[app]:
                found.append(f"{module} → {other}")
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    order, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for other in graph[module]:
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in order:
            visit(module)
    return found


def test_every_app_of_the_portal_has_its_floor():
    own = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == Path(settings.BASE_DIR)
    }
    assert own == set(FLOOR_OF)


def test_apps_import_only_the_floors_below_them():
    graph = {name: imported_modules(name, path, everywhere=True) for name, path in modules().items()}

    assert sum(map(len, graph.values())) > 500  # the check reads the imports
    assert arrows_not_down(graph) == []


def test_no_module_imports_itself_through_others():
    found = modules()
    graph = {
        name: imported_modules(name, path, everywhere=False) & set(found) for name, path in found.items()
    }

    assert sum(map(len, graph.values())) > 100
    assert circles(graph) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"events.views": {"desks.models"}}, ["events.views → desks.models"]),  # up
        ({"events.views": {"pages.models"}}, ["events.views → pages.models"]),  # across
        ({"events.views": {"events.models", "members.models", "core.mail", "django.db"}}, []),
    ],
)
def test_the_floor_check_finds_arrows_up_and_across(graph, expected):
    assert arrows_not_down(graph) == expected


def test_the_circle_check_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
