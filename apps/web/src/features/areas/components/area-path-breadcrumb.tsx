import { Breadcrumb } from 'antd';
import type { AreaRef } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { levelLabel } from '../area-labels';

interface AreaPathBreadcrumbProps {
  path: AreaRef[];
  /** Called when an ancestor is clicked; the last item (the area itself) is not a link. */
  onPick?: (area: AreaRef) => void;
}

/** 区 / 街道 / 社区 / 网格 chain; each item names its level in the tooltip. */
export function AreaPathBreadcrumb({ path, onPick }: AreaPathBreadcrumbProps) {
  const { lang } = useI18n();
  return (
    <Breadcrumb
      items={path.map((area, i) => {
        const isLast = i === path.length - 1;
        const text = (
          <span title={`${levelLabel(area.level, lang)} · ${area.code}`} data-level={area.level}>
            {area.name}
          </span>
        );
        return isLast || !onPick
          ? { key: area.id, title: text }
          : {
              key: area.id,
              title: text,
              href: '#',
              onClick: (e: React.MouseEvent<HTMLElement>) => {
                e.preventDefault();
                onPick(area);
              },
            };
      })}
    />
  );
}
