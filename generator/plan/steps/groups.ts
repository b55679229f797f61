import type { Series, Service } from '../../content.ts';

/**
 * The heading of a service's work at one series. Steps built in different places (a stop's gates
 * and its own work; a deploy's checks, web server and units) come under one heading only when
 * they spell it alike, so they all spell it here.
 */
export function serviceAt(service: Service, series: Series): string {
  return `${service.name} at ${series.name}`;
}
