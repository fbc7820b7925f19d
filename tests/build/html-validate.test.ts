import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { htmlPages } from '../harness/dist.ts';

/**
 * html-validate over every HTML file in dist/, with the committed .htmlvalidate.json:
 * the recommended and document presets. Only two rules are tuned there:
 * subresource integrity is required for cross-origin files only (the site loads
 * nothing from another origin), and inline styles are forbidden without exceptions
 * (the Content-Security-Policy would block them).
 */
const validator = new HtmlValidate(new FileSystemConfigLoader());
const pages = htmlPages();

describe('valid HTML (html-validate)', () => {
  it(`${pages.length} pages in dist/ have no errors`, async () => {
    expect(pages.length).toBeGreaterThan(80);
    const errors: string[] = [];
    let warnings = 0;
    for (const { file } of pages) {
      const report = await validator.validateFile(file);
      for (const r of report.results) {
        for (const m of r.messages) {
          if (m.severity === 2)
            errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
          else warnings++;
        }
      }
    }
    console.info(
      `html-validate: ${pages.length} pages, ${errors.length} errors, ${warnings} warnings`,
    );
    expect(errors).toEqual([]);
  });
});
