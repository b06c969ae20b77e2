/** A strict-enough well-formedness check for the XML parts we generate (balanced tags, legal text). */
export function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const re = /<(\?[\s\S]*?\?|![\s\S]*?|\/?[^<>]*?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = re.exec(xml))) {
    if (m[2] !== undefined) {
      const text = m[2];
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`bare & in text: ${text.slice(0, 40)}`);
      if (text.includes('>') && stack.length) problems.push(`raw > in text: ${text.slice(0, 40)}`);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) problems.push('control character in text');
      if (!stack.length && text.trim()) problems.push(`text outside the root: ${text.slice(0, 40)}`);
      continue;
    }
    const tag = m[1];
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
      continue;
    }
    const name = /^([\w:.-]+)/.exec(tag)?.[1];
    if (!name) {
      problems.push(`bad tag <${tag.slice(0, 40)}>`);
      continue;
    }
    const attrs = tag.slice(name.length).replace(/\/$/, '');
    const attrRe = /\s+([\w:.-]+)="([^"]*)"/g;
    const seen = new Set<string>();
    let rest = attrs;
    let a: RegExpExecArray | null;
    while ((a = attrRe.exec(attrs))) {
      if (seen.has(a[1])) problems.push(`duplicate attribute ${a[1]} on <${name}>`);
      seen.add(a[1]);
      if (/[<]|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(a[2])) problems.push(`bad attribute value ${a[1]}="${a[2]}"`);
      rest = rest.replace(a[0], '');
    }
    if (rest.trim()) problems.push(`unparsed attribute text on <${name}>: ${rest.trim().slice(0, 40)}`);
    if (!stack.length) roots++;
    if (!tag.endsWith('/')) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
