import { marked, type Token, type Tokens } from 'marked';
import type { ComponentChildren, JSX } from 'preact';

/**
 * A note's light Markdown (links, lists, emphasis), rendered as Preact elements from `marked.lexer`'s tokens, never
 * through an HTML string: text is always text (Preact escapes it), raw HTML in a note shows as the characters typed,
 * and a link is a link only to http(s), opened with rel=noopener noreferrer. Headings, tables and images are not
 * light Markdown: they show as their text.
 */

/** A link target a note may have: absolute http(s) only (no javascript:, data:, extension or relative URLs). */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function inline(tokens: readonly Token[] | undefined): ComponentChildren {
  return tokens?.map((token, i) => <Inline key={i} token={token} />);
}

function Inline({ token }: { token: Token }): JSX.Element {
  switch (token.type) {
    case 'strong':
      return <strong>{inline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em>{inline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del>{inline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeHref(link.href);
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {inline(link.tokens)}
        </a>
      ) : (
        // A link to anything but http(s) keeps only its text.
        <span class="link-refused">{inline(link.tokens)}</span>
      );
    }
    case 'text': {
      const text = token as Tokens.Text;
      return <>{text.tokens ? inline(text.tokens) : text.text}</>;
    }
    case 'escape':
      return <>{(token as Tokens.Escape).text}</>;
    default:
      // html, image and anything newer: the characters as typed.
      return <>{token.raw}</>;
  }
}

function Block({ token }: { token: Token }): JSX.Element | null {
  switch (token.type) {
    case 'space':
    case 'hr':
      return null;
    case 'paragraph':
      return <p>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'heading':
      return (
        <p>
          <strong>{inline((token as Tokens.Heading).tokens)}</strong>
        </p>
      );
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i}>
          <Blocks tokens={item.tokens} tight={!item.loose} />
        </li>
      ));
      return list.ordered ? <ol start={Number(list.start) || 1}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'blockquote':
      return (
        <blockquote>
          <Blocks tokens={(token as Tokens.Blockquote).tokens} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'text': {
      const text = token as Tokens.Text;
      return <p>{text.tokens ? inline(text.tokens) : text.text}</p>;
    }
    default:
      return <p>{token.raw}</p>;
  }
}

/** Blocks; in a tight list item a text block is inline, without a paragraph around it. */
function Blocks({ tokens, tight = false }: { tokens: readonly Token[]; tight?: boolean }) {
  return (
    <>
      {tokens.map((token, i) =>
        tight && token.type === 'text' ? <Inline key={i} token={token} /> : <Block key={i} token={token} />,
      )}
    </>
  );
}

export function Markdown({ source }: { source: string }) {
  return (
    <div class="markdown">
      <Blocks tokens={marked.lexer(source, { gfm: true })} />
    </div>
  );
}
