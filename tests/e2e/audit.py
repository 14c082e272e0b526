"""What every page must pass: axe-core's accessibility rules, labels, lang, title, no overflow."""

from playwright.sync_api import Page

# Facts that axe-core reports only as one rule among many, checked by name so a failure says so.
PAGE_FACTS = """() => ({
  lang: document.documentElement.lang,
  title: document.title.trim(),
  unlabelled: [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
    .filter((field) => field.labels.length === 0)
    .map((field) => field.outerHTML),
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
})"""
# Minor and moderate findings are advice; serious and critical ones lock people out.
SERIOUS_AXE_VIOLATIONS = """async () => {
  const { violations } = await axe.run(document, { resultTypes: ["violations"] });
  return violations
    .filter((violation) => ["serious", "critical"].includes(violation.impact))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}, at `
      + violation.nodes.map((node) => node.target.join(" ")).join(", "));
}"""


def accessibility_failures(page: Page, axe_script: str) -> list[str]:
    """What is wrong with the page on screen; an empty list when nothing is."""
    facts = page.evaluate(PAGE_FACTS)
    failures = [f"form field without a label: {field}" for field in facts["unlabelled"]]
    if not facts["lang"]:
        failures.append("<html> has no lang attribute")
    if not facts["title"]:
        failures.append("the page has an empty <title>")
    if facts["overflow"] > 0:
        failures.append(f"the page scrolls sideways by {facts['overflow']}px")
    # evaluate() runs outside the page's Content-Security-Policy, unlike an inline <script>.
    page.evaluate(axe_script)
    return failures + page.evaluate(SERIOUS_AXE_VIOLATIONS)
