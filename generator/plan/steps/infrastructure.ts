import type { Content } from '../../content.ts';
import { databasesAt } from '../lifetimes.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { SOURCES } from './sources.ts';
import { plannedStepId } from '../step-id.ts';

const GROUP = 'Infrastructure';

/**
 * Read-only checks of what every service shares: the database server's tables (a non-utf8 table
 * fails oslo.db's db_sync sanity check) and the message queue, whose own upgrades cannot skip
 * versions the way a skip-level leap skips OpenStack series.
 */
export function infrastructureChecks(content: Content, plan: Plan): RunbookStep[] {
  const databases = plan.services.flatMap((s) => databasesAt(content, s, plan.from).map((d) => d.name));
  if (databases.length === 0) return [];
  const list = databases.map((db) => `'${db}'`).join(', ');
  const stated = statedMinimums(content, plan);
  const unstated = (['database', 'message-queue'] as const).filter((c) => !stated.some((n) => n.component === c));
  return [
    {
      id: plannedStepId('prepare', 'infrastructure', 'tables'),
      title: 'Find tables that are not utf8 or not InnoDB',
      service: null,
      series: null,
      commands: [
        `mysql -u root -p -e "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_COLLATION, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (${list}) AND (TABLE_COLLATION NOT LIKE '%utf8%' OR ENGINE <> 'InnoDB')"`,
      ],
      doneWhen: 'it prints no table, or you have converted the tables it prints (ALTER TABLE … CONVERT TO CHARACTER SET utf8, ENGINE=InnoDB) on a copy first',
      sources: [SOURCES.oslodbSanityCheck, SOURCES.oslodbInnodb, SOURCES.glanceDbSync],
      notes: [
        'The db_sync of glance, cinder and heat (through oslo.db up to 12.x) refuses to run while a table of its database is not utf8; tables created as latin1 in early releases are the usual cause.',
      ],
      group: GROUP,
    },
    {
      id: plannedStepId('prepare', 'infrastructure', 'versions'),
      title: 'Record the MariaDB/MySQL and RabbitMQ versions, and plan their own upgrades',
      service: null,
      series: null,
      commands: ['mysql -u root -p -e "SELECT VERSION()"', 'rabbitmqctl status'],
      doneWhen: `both versions are in the change ticket, with the versions ${plan.to.name} needs and the intermediate versions to pass through`,
      sources: [...new Set([SOURCES.kollaRabbitmqSlurp, SOURCES.osaRabbitmq4, ...stated.flatMap((n) => n.sources)])],
      notes: [
        ...stated.map((n) => `${n.service} at ${n.series}: ${n.text}`),
        ...unstated.map(
          (c) =>
            `Unverified: no selected service states a minimum ${c === 'database' ? 'MariaDB/MySQL' : 'RabbitMQ'} version in the series crossed up to ${plan.to.name}; use the versions your distribution or deployment tool ships with ${plan.to.name}.`,
        ),
        'RabbitMQ cannot skip versions in one upgrade: deployment tools step through intermediate releases (kolla-ansible: 3.11 to 3.12 on 2023.1 before its SLURP jump to 2024.1 and 3.13; openstack-ansible: 3.13 before the 4.0 of 2024.2). 4.0 drops classic mirrored queues: move to quorum queues first. Upgrade RabbitMQ and the database server with your deployment tool, outside this window or before it.',
      ],
      group: GROUP,
    },
  ];
}

/** What the series crossed say the database server or message queue must run, service by service. */
function statedMinimums(content: Content, plan: Plan) {
  return content.between(plan.from.id, plan.to.id).flatMap((series) =>
    plan.services.flatMap((service) =>
      (content.release(series.id, service.id)?.notes ?? [])
        .filter((n) => n.infrastructure)
        .map((n) => ({
          component: n.infrastructure!,
          series: series.name,
          service: service.name,
          text: n.text,
          sources: n.sources,
        })),
    ),
  );
}
