import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * A community note's Markdown as HTML for the site. Raw HTML in Markdown is dropped by
 * remark-rehype, and rehype-sanitize (GitHub's allow-list) strips event attributes and script
 * URLs: the note was validated already, this is the second lock.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

export function noteHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
