// The innovation pyramid as inline SVG: the firm's segment highlighted against the Flemish
// distribution (Tabel 3) for its technology group, with a full text alternative.
import { useTranslation } from 'react-i18next';
import { SEGMENTS, type Segment, type TechClass } from '../../domain/types';
import { content, useLang } from '../content';

export type TechGroup = 'high-tech' | 'low-tech' | 'total';

/** Tabel 3 groups: high-tech = high + medium-high, low-tech = medium-low + low; services use the total. */
function techGroup(techClass: TechClass): TechGroup {
  if (techClass === 'high' || techClass === 'medium-high') return 'high-tech';
  if (techClass === 'medium-low' || techClass === 'low') return 'low-tech';
  return 'total';
}

export function PyramidSvg({ segment, techClass }: { segment: Segment; techClass: TechClass }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const group = techGroup(techClass);
  const shares = content.pyramid.distribution[group];
  const groupName = pick(content.pyramid.groupNames[group]);
  const width = 360;
  const band = 44;
  const height = band * SEGMENTS.length + 8;
  const description = t('pyramid.description', {
    segment: pick(content.labels.segment[segment]),
    group: groupName,
    shares: SEGMENTS.map((s) => `${pick(content.labels.segment[s])} ${shares[s]}%`).join(', '),
  });
  return (
    <figure className="pyramid">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="pyramid-title pyramid-desc" width="100%" className="pyramid-svg">
        <title id="pyramid-title">{t('pyramid.title')}</title>
        <desc id="pyramid-desc">{description}</desc>
        {SEGMENTS.map((s, i) => {
          // Band i spans from top width to bottom width of a triangle-like stack.
          const topHalf = 40 + (i * (width / 2 - 40)) / SEGMENTS.length;
          const bottomHalf = 40 + ((i + 1) * (width / 2 - 40)) / SEGMENTS.length;
          const y = 4 + i * band;
          const cx = width / 2;
          const mine = s === segment;
          const points = `${cx - topHalf},${y} ${cx + topHalf},${y} ${cx + bottomHalf},${y + band - 4} ${cx - bottomHalf},${y + band - 4}`;
          return (
            <g key={s}>
              <polygon points={points} className={mine ? 'pyramid-band pyramid-band--mine' : 'pyramid-band'} />
              <text x={cx} y={y + band / 2 + 1} textAnchor="middle" dominantBaseline="middle" className={mine ? 'pyramid-label pyramid-label--mine' : 'pyramid-label'}>
                {`${pick(content.labels.segment[s])} ${shares[s]}%${mine ? ` ◀ ${t('pyramid.you')}` : ''}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t('pyramid.caption', { group: groupName })} {pick(content.pyramid.distribution.note)}</figcaption>
    </figure>
  );
}
