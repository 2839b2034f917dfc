/**
 * A framework's requirement tree as nested lists: grouping nodes open and close (native details/summary, so it
 * works with the keyboard and screen readers), requirements show their text, guidance and source.
 */
import { Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { localized, type FrameworkLibrary, type RequirementNode } from './frameworks-api.js';

function NodeBody({ node }: { node: RequirementNode }) {
  const { t, locale } = useI18n();
  const description = node.description ? localized(node.description, locale) : null;
  const annotation = node.annotation ? localized(node.annotation, locale) : null;
  return (
    <div className="tree-node__body">
      {description && node.title ? (
        <p className="tree-node__text" lang={description.lang}>
          {description.text}
        </p>
      ) : null}
      {annotation ? (
        <p className="tree-node__text muted" lang={annotation.lang}>
          {annotation.text}
        </p>
      ) : null}
      {node.guidance && node.guidance.length > 0 ? (
        <p className="tree-node__meta">
          {t('frameworks.tree.guidance')} {node.guidance.map((g) => g.title).join('; ')}
        </p>
      ) : null}
      {node.source ? (
        <p className="tree-node__meta">
          {t('frameworks.tree.source')}{' '}
          {[node.source.document, node.source.edition, node.source.section].filter(Boolean).join(', ')}
        </p>
      ) : null}
    </div>
  );
}

function NodeTitle({ node }: { node: RequirementNode }) {
  const { t, locale } = useI18n();
  const title = localized(node.title ?? node.description, locale, node.id);
  return (
    <>
      <span className="tree-node__code">{node.refId ?? node.id}</span> <span lang={title.lang}>{title.text}</span>
      {node.provisional ? (
        <Tag data-size="sm" data-color="warning" className="tree-node__tag">
          {t('frameworks.tree.provisional')}
        </Tag>
      ) : null}
      {node.assessable ? (
        <Tag data-size="sm" data-color="info" className="tree-node__tag">
          {t('frameworks.tree.assessable')}
        </Tag>
      ) : null}
    </>
  );
}

export function RequirementTree({ library }: { library: FrameworkLibrary }) {
  const children = new Map<string, RequirementNode[]>();
  for (const node of library.nodes) {
    const key = node.parent ?? '';
    children.set(key, [...(children.get(key) ?? []), node]);
  }
  const render = (parent: string, depth: number): ReactNode => {
    const nodes = children.get(parent) ?? [];
    if (nodes.length === 0) return null;
    return (
      <ul className={depth === 0 ? 'tree' : 'tree tree--nested'}>
        {nodes.map((node) => {
          const hasChildren = (children.get(node.id)?.length ?? 0) > 0;
          return (
            <li key={node.id} className="tree-node" id={`node-${node.id}`}>
              {hasChildren ? (
                <details open={depth === 0}>
                  <summary>
                    <NodeTitle node={node} />
                  </summary>
                  <NodeBody node={node} />
                  {render(node.id, depth + 1)}
                </details>
              ) : (
                <>
                  <div className="tree-node__leaf">
                    <NodeTitle node={node} />
                  </div>
                  <NodeBody node={node} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    );
  };
  return render('', 0);
}
