// docs/comment-example.md (the demo's pull request comment, made by scripts/generate-action-docs.ts) drawn
// as GitHub shows it — `npm run docs:render` writes docs/comment-example.png, so a reader sees what pullcheck
// will post before installing it. marked turns the GFM into HTML (tables, <details>); Debian's chromium,
// driven by playwright-core, screenshots it. The picture records the sha256 of the markdown it shows in a
// PNG tEXt chunk; __tests__/docs/comment-image.test.ts fails when the markdown changed since.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { chromium } from 'playwright-core';
import { withTextChunk } from './png-text.mjs';

/* global document -- the functions given to tab.evaluate run in the page */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = path.join(ROOT, 'docs', 'comment-example.md');
const OUTPUT = path.join(ROOT, 'docs', 'comment-example.png');
export const SOURCE_KEY = 'pullcheck-source-sha256';
const CHROMIUM = process.env['PULLCHECK_CHROMIUM'] || '/usr/bin/chromium';
const WIDTH = 940;
// A screenshot taller than this is cut: the picture shows what a reader sees first, not every line.
const MAX_HEIGHT = 4000;

// This machine has no colour emoji font: the verdict marks are drawn as GitHub's emoji look.
const MARKS = {
  '✅': '<svg class="mark allowed" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#2da44e"/><path d="M4 8.5l2.5 2.5L12 5.5" stroke="#fff" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  '❌': '<svg class="mark denied" viewBox="0 0 16 16"><path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="#e5534b" stroke-width="2.6" stroke-linecap="round"/></svg>',
};

const CSS = `
  body { margin: 0; padding: 16px; background: #fff; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", "Liberation Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; }
  .timeline { display: flex; gap: 16px; width: ${WIDTH - 32}px; }
  .avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #2f81f7; color: #fff;
    font-weight: 600; display: flex; align-items: center; justify-content: center; }
  .comment { flex: 1; min-width: 0; border: 1px solid #d1d9e0; border-radius: 6px; }
  .header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
    padding: 8px 16px; color: #59636e; }
  .header strong { color: #1f2328; }
  .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; margin: 0 4px; }
  .body { padding: 16px; overflow-wrap: break-word; }
  .body > :first-child { margin-top: 0; }
  h3, h4 { font-weight: 600; margin: 24px 0 16px; } h3 { font-size: 1.25em; } h4 { font-size: 1em; }
  p, ul, table, pre, details { margin: 0 0 16px; }
  ul { padding-left: 2em; } li + li { margin-top: 4px; }
  table { border-collapse: collapse; display: block; max-width: 100%; overflow: hidden; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  th { font-weight: 600; background: #fff; } tr:nth-child(2n) td { background: #f6f8fa; }
  th, td { white-space: nowrap; } td:first-child { white-space: normal; }
  /* A table with long text cells (the CI path's step and principal) wraps them rather than being cut. */
  table.wide td:not(:has(svg)) { white-space: normal; overflow-wrap: anywhere; }
  code, pre { font: 85%/1.45 ui-monospace, SFMono-Regular, "DejaVu Sans Mono", "Liberation Mono", monospace; }
  code { background: #eff1f3; border-radius: 6px; padding: 0.2em 0.4em; }
  pre { background: #f6f8fa; border-radius: 6px; padding: 16px; white-space: pre-wrap; word-break: break-all; }
  pre code { background: none; padding: 0; font-size: 100%; }
  summary { cursor: pointer; }
  details[open] > summary { margin-bottom: 16px; }
  .mark { width: 1.05em; height: 1.05em; vertical-align: -0.15em; }
`;

function page(markdown) {
  let body = marked.parse(markdown.replace(/^<!--.*?-->\n/s, ''), { gfm: true });
  for (const [emoji, svg] of Object.entries(MARKS)) body = body.replaceAll(emoji, svg);
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<div class="timeline"><div class="avatar">pc</div><div class="comment">
<div class="header"><strong>github-actions</strong><span class="bot">bot</span> commented</div>
<div class="body">${body}</div></div></div></body></html>`;
}

async function screenshot(html) {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium: apt-get install chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: 800 },
      deviceScaleFactor: 1,
    });
    const tab = await context.newPage();
    await tab.setContent(html, { waitUntil: 'load' });
    // What a reader sees first: the verdict table, the plan folded, the first denied pull's fix open.
    await tab.evaluate(() => {
      const fix = document.querySelector('details:has(> summary > svg.denied)');
      if (fix) fix.open = true;
      // Tables too wide for the comment (more than 3 columns of long text) wrap their cells.
      for (const table of document.querySelectorAll('table'))
        if (table.scrollWidth > table.clientWidth) table.classList.add('wide');
      // Image names break after a slash, as a reader would split them, not inside a word.
      for (const cell of document.querySelectorAll('td:first-child'))
        cell.textContent = cell.textContent.replaceAll('/', '/\u200b');
    });
    const height = await tab.evaluate(() => document.documentElement.scrollHeight);
    return await tab.screenshot({
      fullPage: true,
      clip: { x: 0, y: 0, width: WIDTH, height: Math.min(height, MAX_HEIGHT) },
    });
  } finally {
    await browser.close();
  }
}

async function main() {
  const markdown = readFileSync(SOURCE, 'utf8');
  const digest = createHash('sha256').update(markdown).digest('hex');
  const png = withTextChunk(await screenshot(page(markdown)), SOURCE_KEY, digest);
  writeFileSync(OUTPUT, png);
  console.log(
    `${path.relative(ROOT, OUTPUT)}: ${png.length} bytes, from ${path.relative(ROOT, SOURCE)} (sha256 ${digest})`,
  );
}

main().catch((error) => {
  console.error(`render-comment: ${error.message}`);
  process.exitCode = 1;
});
