/**
 * schema.org structured data (JSON-LD) for Q&A pages: one FAQPage whose main entity is
 * the page's question, answered by its one-sentence answer.
 * https://schema.org/FAQPage
 */

export interface FaqPageJsonLd {
  '@context': 'https://schema.org';
  '@type': 'FAQPage';
  url: string;
  inLanguage: 'zh-CN';
  mainEntity: Array<{
    '@type': 'Question';
    name: string;
    acceptedAnswer: { '@type': 'Answer'; text: string };
  }>;
}

export function faqPageJsonLd(
  url: string,
  questions: Array<{ question: string; answer: string }>,
): FaqPageJsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url,
    inLanguage: 'zh-CN',
    mainEntity: questions.map((q) => ({
      '@type': 'Question',
      name: q.question,
      acceptedAnswer: { '@type': 'Answer', text: q.answer },
    })),
  };
}

/** JSON for a <script type="application/ld+json"> block: "<" is escaped so the text can never close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
