import type { OpeningInterval, Service, ServiceGroup } from '@luot/contract';
import type { Translate } from '@luot/ui-shared/use-i18n';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { waitText } from '@luot/ui-shared/contract';
import { groupAvailability } from './menu-tree';

/** Today's issuing hours as "07:30–11:15, 13:30–16:45". */
export function hoursText(hours: readonly OpeningInterval[]): string {
  return hours.map((h) => `${h.open}–${h.close}`).join(', ');
}

/** The line saying when a service issues numbers today. */
export function hoursLine(t: Translate, service: Service): string {
  return service.issuingHours.length === 0
    ? t('kiosk.hoursNone')
    : t('kiosk.hours', { hours: hoursText(service.issuingHours) });
}

/** Names in the page language first, the other one smaller under it in English. */
function Names({ name, nameEn }: { name: string; nameEn: string }) {
  const { lang } = useI18n();
  const english = lang === 'en' && nameEn !== '';
  return (
    <span className="tile-names">
      <span className="tile-name" lang={english ? 'en' : 'vi'}>
        {english ? nameEn : name}
      </span>
      {english && (
        <span className="tile-name-alt" lang="vi">
          {name}
        </span>
      )}
    </span>
  );
}

/**
 * A service to take a number for: its prefix, name, people waiting and the estimated wait,
 * and today's issuing hours. One the kiosk cannot issue for now looks disabled and says why;
 * a tap on it explains instead of issuing.
 */
export function ServiceTile({
  service,
  onChoose,
  onUnavailable,
}: {
  service: Service;
  onChoose: (service: Service) => void;
  onUnavailable: (service: Service) => void;
}) {
  const { t } = useI18n();
  const reason = service.available ? null : service.unavailableReason;
  const unavailable = !service.available;
  return (
    <button
      type="button"
      className={`tile kiosk-tile service-button${unavailable ? ' service-unavailable' : ''}`}
      data-testid={`service-${service.code}`}
      aria-disabled={unavailable}
      onClick={() => (unavailable ? onUnavailable(service) : onChoose(service))}
    >
      <span className="service-prefix" aria-hidden="true">
        {service.prefix}
      </span>
      <span className="tile-body">
        <Names name={service.name} nameEn={service.nameEn} />
        <span className="tile-facts">
          {reason !== null ? (
            <span className="service-reason" data-testid={`service-reason-${service.code}`}>
              {t(`kiosk.unavailable.${reason}`)}
            </span>
          ) : (
            <span className="service-waiting">
              {t('kiosk.waitingNow', { count: service.waiting })}
              {' · '}
              <span data-testid={`service-wait-${service.code}`}>
                {waitText(t, service.estimatedWaitMinutes) ?? t('kiosk.waitUnderMinute')}
              </span>
            </span>
          )}
          <span className="service-hours" data-testid={`service-hours-${service.code}`}>
            {hoursLine(t, service)}
          </span>
        </span>
      </span>
    </button>
  );
}

/**
 * A field or procedure group to open: its name, how many of its procedures issue numbers
 * now and how many people wait in it. A group none of whose procedures is open looks
 * unavailable and says why when they share a reason; it still opens, to show each one's hours.
 */
export function GroupTile({
  group,
  services,
  onOpen,
}: {
  group: ServiceGroup;
  services: readonly Service[];
  onOpen: (group: ServiceGroup) => void;
}) {
  const { t } = useI18n();
  const waiting = services.reduce((sum, s) => sum + s.waiting, 0);
  const { open, total, reason } = groupAvailability(services);
  const closed = open === 0;
  return (
    <button
      type="button"
      className={`tile kiosk-tile group-button${closed ? ' group-unavailable' : ''}`}
      data-testid={`group-${group.id}`}
      data-open={open}
      onClick={() => onOpen(group)}
    >
      <span className="tile-body">
        <Names name={group.name} nameEn={group.nameEn} />
        <span className="tile-facts">
          {closed ? (
            <span className="service-reason" data-testid={`group-reason-${group.id}`}>
              {reason !== null ? t(`kiosk.unavailable.${reason}`) : t('kiosk.groupClosed')}
            </span>
          ) : (
            <span className="service-waiting">{t('kiosk.waitingNow', { count: waiting })}</span>
          )}
          <span className="group-count" data-testid={`group-count-${group.id}`}>
            {closed || open === total
              ? t('kiosk.groupCount', { count: total })
              : t('kiosk.groupOpenCount', { open, count: total })}
          </span>
        </span>
      </span>
      <span className="group-chevron" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
