import { useTranslation } from 'react-i18next';

/**
 * Address of the printable memo of a guide (an extension page next to this one), with the
 * optional steps entered so far so that it numbers the steps as the step bar does.
 */
export function memoHref(guideId: string, entered: readonly number[] = []): string {
  const more = entered.length ? `&entered=${entered.join(',')}` : '';
  return `/memo.html?guide=${encodeURIComponent(guideId)}${more}`;
}

/** Address of the « Mes données » page (the extension's options page). */
export const DATA_PAGE_HREF = '/options.html';

/** Address of the authoring page (« Je rédige des guides »). */
export const AUTHORING_PAGE_HREF = '/authoring.html';

/** A plain link that opens an extension page in a new tab, and says so to screen readers. */
export function NewTabLink({
  href,
  children,
  testId,
  className = 'btn btn-secondary',
}: {
  href: string;
  children: string;
  testId?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <a href={href} target="_blank" rel="noopener" className={className} data-testid={testId}>
      {children}
      <span className="sr-only"> {t('newTab')}</span>
    </a>
  );
}
