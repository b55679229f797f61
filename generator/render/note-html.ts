import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkImagesAsLinks from './markdown/remark-images-as-links.ts';

/**
 * A community note's Markdown as HTML for the site. Raw HTML in Markdown is dropped by
 * remark-rehype, and rehype-sanitize (GitHub's allow-list) strips event attributes and script
 * URLs: the note was validated already, this is the second lock. Images become links (no request
 * leaves the site's origin).
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkImagesAsLinks).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

export function noteHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
