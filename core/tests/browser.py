"""How the browser tests walk the portal as people do: with a mouse at a desk, with a thumb on a
phone, or with the keyboard alone, and what each page must hold for all of them (nothing
covers a control, no German on an English page)."""

import re
from functools import cache
from pathlib import Path

import polib
from django.conf import settings
from playwright.sync_api import expect

# The three ways a journey is walked; a journey test parametrizes `way` with them.
WAYS = ["mouse", "touch", "keyboard"]

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESK = {"viewport": {"width": 1280, "height": 800}}
DEVICES = {"mouse": DESK, "touch": PHONE, "keyboard": DESK}


class Hand:
    """Works a page's controls one way. A mouse click and a tap go where a person's would, so
    Playwright fails them when something else (a stretched link, an overlay) would receive
    them; the keyboard reaches a control by its focus, which fails for one that takes none."""

    def __init__(self, page, way: str):
        self.page = page
        self.way = way

    def use(self, control):
        """Press a button or follow a link."""
        if self.way == "mouse":
            control.click()
        elif self.way == "touch":
            control.tap()
        else:
            control.focus()
            expect(control).to_be_focused()
            self.page.keyboard.press("Enter")

    def tick(self, checkbox):
        """Tick or untick a checkbox (or choose a radio button)."""
        if self.way == "keyboard":
            checkbox.focus()
            expect(checkbox).to_be_focused()
            self.page.keyboard.press("Space")
        else:
            self.use(checkbox)


# Every control whose middle something else would receive: what a click or a tap there hits.
COVERED_CONTROLS = """() => {
  const found = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const control of document.querySelectorAll(controls)) {
    const box = control.getBoundingClientRect();
    const style = getComputedStyle(control);
    if (box.width < 2 || box.height < 2 || style.visibility === 'hidden') continue;
    if (control.closest('[hidden], [aria-hidden=true], .visually-hidden')) continue;
    if (!control.checkVisibility({visibilityProperty: true})) continue;  // e.g. in a closed <details>
    control.scrollIntoView({block: 'center', inline: 'center'});
    const line = control.getClientRects()[0] || control.getBoundingClientRect();
    const x = line.left + line.width / 2, y = line.top + line.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
    const hit = document.elementFromPoint(x, y);
    if (!hit || hit === control || control.contains(hit)) continue;
    if (hit.tagName === 'LABEL' && (hit.control === control || hit.contains(control))) continue;
    const words = node => (node.innerText || node.value || node.getAttribute('aria-label') || node.tagName)
      .replace(/\\s+/g, ' ').trim().slice(0, 40);
    const by = hit.closest('a, button, label') || hit;
    found.push(`${words(control)} is covered by <${by.tagName.toLowerCase()}> ${words(by)}`);
  }
  window.scrollTo(0, 0);
  return found;
}"""


def covered_controls(page) -> list[str]:
    """The controls on the page that a click or tap on their middle would not reach."""
    return page.evaluate(COVERED_CONTROLS)


def english_text(page) -> str:
    """The text of an English page that the page's language covers: without the parts marked
    as German (`lang="de"`, content the organisers wrote only in German)."""
    return page.evaluate(
        """() => {
          const copy = document.body.cloneNode(true);
          copy.querySelectorAll('[lang^=de], script, style').forEach(part => part.remove());
          return copy.textContent;
        }"""
    )


@cache
def german_phrases() -> tuple[str, ...]:
    """The German catalogue's translations that cannot be English: phrases of ten characters or
    more that differ from their English original and appear in no English original."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    entries = [entry for entry in catalogue.translated_entries() if not entry.obsolete]
    english = " ".join(entry.msgid for entry in entries)
    phrases = set()
    for entry in entries:
        for translation in [entry.msgstr, *entry.msgstr_plural.values()]:
            # The words between placeholders and markup, each long enough to tell.
            for phrase in re.split(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]*>|\n", translation):
                phrase = phrase.strip(" .,:;()")
                if len(phrase) >= 10 and phrase != entry.msgid and phrase not in english:
                    phrases.add(phrase)
    return tuple(sorted(phrases, key=len, reverse=True))


def german_in(text: str) -> list[str]:
    """The German catalogue's phrases that stand in `text`."""
    return [phrase for phrase in german_phrases() if phrase in text]


# What a control needs to do something: a link somewhere, a button in a form, or a button the
# portal's scripts act on (disclosure, copy, print) or the admin's (theme, sidebar).
INERT_CONTROLS = """() => {
  const inert = [];
  for (const button of document.querySelectorAll('button, summary')) {
    if (!button.checkVisibility({visibilityProperty: true})) continue;
    if (button.tagName === 'SUMMARY' || button.form || button.closest('form')) continue;
    if (['aria-controls', 'data-disclosure', 'data-copy', 'data-print'].some(name => button.hasAttribute(name))) continue;
    if (button.matches('.theme-toggle, #toggle-nav-sidebar')) continue;
    inert.push('button: ' + (button.innerText || button.getAttribute('aria-label') || '').trim().slice(0, 40));
  }
  for (const link of document.querySelectorAll('a')) {
    if (!link.checkVisibility({visibilityProperty: true})) continue;
    const href = link.getAttribute('href');
    if (!href || href === '#') inert.push('link: ' + link.innerText.trim().slice(0, 40));
  }
  return inert;
}"""


def links_on(page) -> set[str]:
    """The addresses on the portal that the page's visible links lead to (fragments aside)."""
    hrefs = page.eval_on_selector_all(
        "a[href]",
        """links => links.filter(link => link.checkVisibility())
                        .map(link => new URL(link.getAttribute('href'), location.href).href)""",
    )
    origin = page.url.split("/", 3)[:3]
    return {
        href.split("#")[0] for href in hrefs if href.split("/", 3)[:3] == origin and "/logout" not in href
    }


class Journey:
    """A person's way through the portal, kept as screenshots in test-results/journeys/ (one a
    step) and checked at each step: nothing to trip over (page_problems), no control that does
    nothing, and every link on the page answering without an error."""

    def __init__(self, page, name: str, problems, screenshots: Path):
        self.page = page
        self.name = name
        self.problems = problems
        self.screenshots = screenshots
        self.step = 0
        self.checked_links = {}  # by session

    def check(self, label: str):
        self.step += 1
        self.screenshots.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(
            path=self.screenshots / f"{self.name}-{self.step:02d}-{label}.png", full_page=True
        )
        problems = self.problems(self.page)
        assert problems == [], f"{label}: {self.page.url}: {problems}"
        inert = self.page.evaluate(INERT_CONTROLS)
        assert inert == [], f"{label}: {self.page.url}: {inert}"
        # A link is checked once for each person: what answers a visitor may refuse a member.
        session = next(
            (cookie["value"] for cookie in self.page.context.cookies() if cookie["name"] == "sessionid"), ""
        )
        for url in sorted(links_on(self.page) - self.checked_links.setdefault(session, set())):
            status = self.page.request.get(url, max_redirects=5).status
            assert status < 400, f"{label}: {url} answers {status}"
            self.checked_links[session].add(url)
