/** Renders a catalogue text (paragraphs and bullet lists); the content is bokmål, whatever the UI language. */
import { ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { parseTextBlocks } from './text-blocks.js';

export function TextBlocks({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ?? 'text-blocks'} lang="nb">
      {parseTextBlocks(text).map((block, index) =>
        block.kind === 'paragraph' ? (
          <Paragraph key={index}>{block.text}</Paragraph>
        ) : (
          <ListUnordered key={index}>
            {block.items.map((item, i) => (
              <ListItem key={i}>{item}</ListItem>
            ))}
          </ListUnordered>
        ),
      )}
    </div>
  );
}
