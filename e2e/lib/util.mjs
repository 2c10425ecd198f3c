// Small helpers shared by the specs (playwright-core has no `expect`).

/** Waits until the element matching `selector` has text matching `pattern`; returns that text. */
export async function waitForText(page, selector, pattern, timeout = 15_000) {
  const handle = await page.waitForFunction(
    ([sel, source, flags]) => {
      const re = new RegExp(source, flags);
      for (const el of document.querySelectorAll(sel)) {
        const text = el.textContent ?? '';
        if (re.test(text)) return text;
      }
      return false;
    },
    [selector, pattern.source, pattern.flags],
    { timeout, polling: 100 },
  );
  return handle.jsonValue();
}

/** The centre of an element in page coordinates. */
export async function centreOf(locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no bounding box (not visible?)');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** GET a JSON API from inside the page, so the session cookie is used. */
export async function fetchJson(page, path) {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { accept: 'application/json' } });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, path);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
