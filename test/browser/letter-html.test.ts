import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderLetter } from "../../src/adapters/letter-renderer.ts";
import { axeViolations, chromiumAvailable, launchChromium, screenshot } from "../support/browser.ts";
import { aStage1ResponseLetter } from "../support/letter-documents.ts";

// CI installs Chromium; a developer machine without it skips these, saying so.
const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

run("a letter's HTML in a real browser (headless Chromium)", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    // The letter must stand alone: any request it made would fail the test.
    await page.route("**/*", (route) => route.abort());
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(largePrint: boolean) {
    const letter = aStage1ResponseLetter({
      recipient: {
        name: '<script>document.title="owned"</script>Ms Okafor',
        addressLines: ["<b>Flat 4</b>"],
      },
    });
    const requests: string[] = [];
    page.removeAllListeners("request");
    page.on("request", (request) => requests.push(request.url()));
    await page.setContent((await renderLetter(letter, { largePrint })).html, { waitUntil: "load" });
    return { letter, requests };
  }

  for (const largePrint of [false, true]) {
    const variant = largePrint ? "large print" : "standard print";

    it(`${variant}: axe finds no WCAG 2.2 A/AA violation; headings and lists are real; nothing is fetched`, async () => {
      const { letter, requests } = await open(largePrint);
      await screenshot(page, `letter-${largePrint ? "large" : "standard"}`);
      expect(await axeViolations(page)).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.title()).toBe(letter.title);
      expect(await page.locator("html").getAttribute("lang")).toBe("en-GB");
      expect(await page.locator("h1").allTextContents()).toEqual([letter.title]);
      expect(await page.locator("h2").allTextContents()).toEqual(letter.sections.map((s) => s.heading));
      expect(await page.locator("ul > li").count()).toBe(
        letter.sections.flatMap((s) => s.items ?? []).length,
      );
      // The resident's "HTML" is text on the page: no element was made from it, no script ran.
      expect(
        await page.locator("p", { hasText: '<script>document.title="owned"</script>Ms Okafor' }).count(),
      ).toBe(1);
      expect(await page.locator("script, b").count()).toBe(0);
    });
  }

  it("large print: every piece of text is at least 16 pt (21.3 px) as the browser lays it out", async () => {
    await open(true);
    const smallest = await page.evaluate(`(() => {
      const sizes = [...document.body.querySelectorAll("*")]
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim() !== ""))
        .map((element) => parseFloat(getComputedStyle(element).fontSize));
      return Math.min(...sizes);
    })()`);
    expect(smallest).toBeGreaterThanOrEqual((16 * 96) / 72);
  });
});
