"""The house as its imports draw it: no module of the portal imports, through others, itself.
(A circle is what made earlier code import inside functions to dodge it.)"""

import ast
from pathlib import Path

from django.conf import settings

APPS = ["hubportal", "hubs", "members", "events", "pages", "partners", "desks", "introductions", "formats", "figures", "api"]  # fmt: skip


def modules() -> dict[str, Path]:
    """The portal's own modules by dotted name, without migrations, tests and commands."""
    found = {}
    for app in APPS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            relative = path.relative_to(settings.BASE_DIR)
            if {"migrations", "tests", "management"} & set(relative.parts):
                continue
            name = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            found[name] = path
    return found


def imports_at_module_level(name: str, path: Path, known: set[str]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    imported = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            imported |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
    return {module for module in imported if module in known and module != name}


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


def test_no_module_imports_itself_through_others():
    found = modules()
    graph = {name: imports_at_module_level(name, path, set(found)) for name, path in found.items()}

    assert sum(map(len, graph.values())) > 100  # the check reads the imports
    assert circles(graph) == []


def test_the_circle_check_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
