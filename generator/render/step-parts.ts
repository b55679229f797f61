import { KeptByFields } from './kept-by-fields.ts';
import { isSharedView } from './view-model.ts';

/**
 * A part of a step's template, its text kept by the fields it reads: a shared step's view that
 * agrees with one written before (same id) on those fields gets that text. Views of steps built
 * by hand may change and are written every time.
 */
export function memoByFields(partial: HandlebarsTemplateDelegate, fields: readonly string[]): HandlebarsTemplateDelegate {
  const written = new KeptByFields<string>(fields);
  return (context, options) => {
    if (!isSharedView(context)) return partial(context, options);
    let text = written.find(context);
    if (text === undefined) {
      text = partial(context, options) as string;
      written.keep(context, text);
    }
    return text;
  };
}
